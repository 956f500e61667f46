import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import {
  departmentBodySchema,
  departmentListQuerySchema,
  departmentListSchema,
  departmentOptionsSchema,
  departmentSchema,
} from '../../../common/schemas/departments.js';
import { authed, errorResponses, idParamSchema } from '../http.js';
import { createDepartment, deleteDepartment, departmentOptions, listDepartments, setDepartmentStatus, updateDepartment } from './service.js';

const tags = ['departments'];
const writeResponses = { ...errorResponses, 409: apiErrorSchema };

export const departmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get(
    '',
    { schema: { tags, summary: '科室信息列表', querystring: departmentListQuerySchema, response: { 200: departmentListSchema, ...errorResponses } } },
    async (request) => listDepartments(db, authed(request).actor, request.query),
  );

  app.get(
    '/options',
    { schema: { tags, summary: '可选科室（仅启用的）', response: { 200: departmentOptionsSchema, ...errorResponses } } },
    async (request) => departmentOptions(db, authed(request).actor),
  );

  app.post(
    '',
    { schema: { tags, summary: '创建科室', body: departmentBodySchema, response: { 201: departmentSchema, ...writeResponses } } },
    async (request, reply) => reply.status(201).send(await createDepartment(db, authed(request).actor, request.body, request.ip)),
  );

  app.put(
    '/:id',
    { schema: { tags, summary: '编辑科室', params: idParamSchema, body: departmentBodySchema, response: { 200: departmentSchema, ...writeResponses } } },
    async (request) => updateDepartment(db, authed(request).actor, request.params.id, request.body, request.ip),
  );

  app.post(
    '/:id/disable',
    { schema: { tags, summary: '停用科室', params: idParamSchema, response: { 200: departmentSchema, ...writeResponses } } },
    async (request) => setDepartmentStatus(db, authed(request).actor, request.params.id, 'disabled', request.ip),
  );

  app.post(
    '/:id/enable',
    { schema: { tags, summary: '启用科室', params: idParamSchema, response: { 200: departmentSchema, ...writeResponses } } },
    async (request) => setDepartmentStatus(db, authed(request).actor, request.params.id, 'enabled', request.ip),
  );

  app.delete(
    '/:id',
    { schema: { tags, summary: '删除科室（已有医师的科室不能删除）', params: idParamSchema, response: { 204: z.null(), ...writeResponses } } },
    async (request, reply) => {
      await deleteDepartment(db, authed(request).actor, request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );
};
