import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const departmentRoutes: FastifyPluginAsyncZod = async () => {};
