import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const policyRoutes: FastifyPluginAsyncZod = async () => {};
