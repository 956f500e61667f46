import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changeRequestBodySchema,
  changeRequestItemSchema,
  changeRequestListQuerySchema,
  changeRequestListSchema,
  changeRequestRejectBodySchema,
  myChangeRequestsSchema,
} from '../../../common/schemas/change-requests.js';
import { authed, errorResponses, idParamSchema } from '../http.js';
import { myChangeRequests, submitChangeRequest } from './requests.js';
import { approveChangeRequest, listChangeRequests, rejectChangeRequest } from './reviews.js';

const tags = ['change-requests'];

export const changeRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  // ── 医师 ──
  app.get(
    '/mine',
    { schema: { tags, summary: '信息修改申请：本人当前信息与申请记录', response: { 200: myChangeRequestsSchema, ...errorResponses } } },
    async (request) => myChangeRequests(db, authed(request).actor),
  );
  app.post(
    '',
    { schema: { tags, summary: '提交信息修改申请（同一时间只能有一条待审核）', body: changeRequestBodySchema, response: { 201: changeRequestItemSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await submitChangeRequest(db, authed(request).actor, request.body, request.ip)),
  );

  // ── 医疗卫生机构 ──
  app.get(
    '',
    { schema: { tags, summary: '信息修改申请列表（本机构）', querystring: changeRequestListQuerySchema, response: { 200: changeRequestListSchema, ...errorResponses } } },
    async (request) => listChangeRequests(db, authed(request).actor, request.query),
  );
  app.post(
    '/:id/approve',
    { schema: { tags, summary: '通过信息修改申请（修改医师信息）', params: idParamSchema, response: { 200: changeRequestItemSchema, ...errorResponses } } },
    async (request) => approveChangeRequest(db, authed(request).actor, request.params.id, request.ip),
  );
  app.post(
    '/:id/reject',
    { schema: { tags, summary: '驳回信息修改申请', params: idParamSchema, body: changeRequestRejectBodySchema, response: { 200: changeRequestItemSchema, ...errorResponses } } },
    async (request) => rejectChangeRequest(db, authed(request).actor, request.params.id, request.body.reason, request.ip),
  );
};
