import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const cycleRoutes: FastifyPluginAsyncZod = async () => {};
