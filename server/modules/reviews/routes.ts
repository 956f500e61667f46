import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  approveBodySchema,
  batchApproveBodySchema,
  exemptionApproveBodySchema,
  exemptionRejectBodySchema,
  opinionBodySchema,
  rejectBodySchema,
  reviewListQuerySchema,
  reviewListSchema,
  reviewRecordSchema,
} from '../../../common/schemas/review.js';
import { authed, errorResponses, idParamSchema } from '../http.js';
import { approveReview, batchApprove, rejectReview } from './decisions.js';
import { approveExemption, rejectExemption } from './exemptions.js';
import { listReviews } from './lists.js';
import { addOpinion } from './opinions.js';
import { reviewRecord } from './record.js';

const tags = ['reviews'];
const record = { 200: reviewRecordSchema, ...errorResponses };

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.database.db, pii: app.deps.pii, sms: app.deps.sms, log: app.log };

  app.get(
    '',
    { schema: { tags, summary: '一般程序 / 简易程序 / 免考 审核（复核）列表', querystring: reviewListQuerySchema, response: { 200: reviewListSchema, ...errorResponses } } },
    async (request) => listReviews(deps, authed(request).actor, request.query),
  );
  app.post(
    '/batch-approve',
    { schema: { tags, summary: '批量审核（工作成绩、职业道德均合格）', body: batchApproveBodySchema, response: { 200: z.object({ approved: z.number() }), ...errorResponses } } },
    async (request) => batchApprove(deps, authed(request).actor, request.body, request.ip),
  );
  app.get(
    '/:id',
    { schema: { tags, summary: '审核记录（医师信息、工作成绩职业道德、提交日志）', params: idParamSchema, response: record } },
    async (request) => reviewRecord(deps, authed(request).actor, request.params.id),
  );
  app.post(
    '/:id/approve',
    { schema: { tags, summary: '提交（医疗卫生机构审核通过）/ 通过（考核机构复核）', params: idParamSchema, body: approveBodySchema, response: record } },
    async (request) => approveReview(deps, authed(request).actor, request.params.id, request.body, request.ip),
  );
  app.post(
    '/:id/reject',
    { schema: { tags, summary: '驳回（需填写驳回理由）', params: idParamSchema, body: rejectBodySchema, response: record } },
    async (request) => rejectReview(deps, authed(request).actor, request.params.id, request.body, request.ip),
  );
  app.post(
    '/:id/opinions',
    { schema: { tags, summary: '新增多执业机构其他意见', params: idParamSchema, body: opinionBodySchema, response: record } },
    async (request) => addOpinion(deps, authed(request).actor, request.params.id, request.body, request.ip),
  );
  app.post(
    '/:id/exemption/approve',
    { schema: { tags, summary: '免考审核 / 复核通过', params: idParamSchema, body: exemptionApproveBodySchema, response: record } },
    async (request) => approveExemption(deps, authed(request).actor, request.params.id, request.body, request.ip),
  );
  app.post(
    '/:id/exemption/reject',
    { schema: { tags, summary: '免考驳回（需填写驳回理由）', params: idParamSchema, body: exemptionRejectBodySchema, response: record } },
    async (request) => rejectExemption(deps, authed(request).actor, request.params.id, request.body, request.ip),
  );
};
