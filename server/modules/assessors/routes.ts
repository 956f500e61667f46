import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const assessorRoutes: FastifyPluginAsyncZod = async () => {};
