import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import {
  attemptParamsSchema,
  cameraIssueBodySchema,
  decisionBodySchema,
  proctoringItemSchema,
  proctoringListQuerySchema,
  proctoringListSchema,
  proctoringPlanSchema,
  proctoringRecordSchema,
  proctoringSettingsSchema,
  snapshotParamsSchema,
  snapshotQuerySchema,
  suspectBodySchema,
} from '../../../common/schemas/proctoring.js';
import { badRequest } from '../../lib/errors.js';
import { authed, errorResponses } from '../http.js';
import { deliverSms } from '../messages/notify.js';
import { proctoringPlan, proctoringSettings, reportCameraIssue, uploadSnapshot } from './capture.js';
import { confirmCheating, listProctoring, markSuspected, openSnapshot, proctoringRecord, revokeCheating } from './review.js';

const tags = ['proctoring'];

async function uploaded(request: FastifyRequest) {
  const file = request.isMultipart() ? await request.file() : undefined;
  if (!file) throw badRequest('请上传抓拍照片', { file: '请上传抓拍照片' });
  return { data: await file.toBuffer(), filename: file.filename };
}

export const proctoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, pii, storage, sms } = app.deps;
  const deps = { db: database.db, pii, storage };

  app.get('/settings', { schema: { tags, summary: '监考设置（医师：开始考试前的监考告知）', response: { 200: proctoringSettingsSchema, ...errorResponses } } }, async (request) =>
    proctoringSettings(deps.db, authed(request).actor),
  );

  app.get(
    '/attempts/:attemptId/plan',
    { schema: { tags, summary: '本次考试是否监考、随机抓拍次数、已收到的照片数（医师本人）', params: attemptParamsSchema, response: { 200: proctoringPlanSchema, ...errorResponses } } },
    async (request) => proctoringPlan(deps.db, authed(request).actor, request.params.attemptId),
  );

  app.post(
    '/attempts/:attemptId/snapshots',
    {
      schema: {
        tags,
        summary: '上传抓拍照片（医师本人进行中的考试；JPG，按内容识别，512KB以内）',
        consumes: ['multipart/form-data'],
        params: attemptParamsSchema,
        querystring: snapshotQuerySchema,
        response: { 201: z.object({ id: z.number() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { actor } = authed(request);
      const result = await uploadSnapshot(deps, actor, request.params.attemptId, request.query, await uploaded(request));
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/attempts/:attemptId/camera-issue',
    { schema: { tags, summary: '报告摄像头问题（拒绝授权 / 被占用 / 无摄像头 / 中途断开）；考试继续，记录待复核', params: attemptParamsSchema, body: cameraIssueBodySchema, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await reportCameraIssue(deps.db, authed(request).actor, request.params.attemptId, request.body.issue);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/cases',
    { schema: { tags, summary: '监考管理（相似度由低到高；相似度默认低于本省阈值）', querystring: proctoringListQuerySchema, response: { 200: proctoringListSchema, ...errorResponses } } },
    async (request) => listProctoring(deps, authed(request).actor, request.query),
  );

  app.get(
    '/cases/:attemptId',
    { schema: { tags, summary: '查看：报名照片与每张抓拍照片（时间、相似度）；设为已查看，记录审计', params: attemptParamsSchema, response: { 200: proctoringRecordSchema, ...errorResponses } } },
    async (request) => proctoringRecord(deps, authed(request).actor, request.params.attemptId, request.ip),
  );

  app.get(
    '/snapshots/:id/image',
    { schema: { tags, summary: '抓拍照片', params: snapshotParamsSchema } },
    async (request, reply) => {
      const { mimeType, stream } = await openSnapshot(deps, authed(request).actor, request.params.id, request.ip);
      return reply.header('content-type', mimeType).header('cache-control', 'private, no-store').send(stream);
    },
  );

  app.post(
    '/cases/:attemptId/suspect',
    { schema: { tags, summary: '标记疑似（医疗卫生机构；不能撤销）', params: attemptParamsSchema, body: suspectBodySchema, response: { 200: proctoringItemSchema, ...errorResponses } } },
    async (request) => markSuspected(deps, authed(request).actor, request.params.attemptId, request.body.note, request.ip),
  );

  app.post(
    '/cases/:attemptId/confirm',
    {
      schema: { tags, summary: '认定作弊（省级卫生行政部门）：试卷按不合格处理，考核结果不合格', params: attemptParamsSchema, body: decisionBodySchema, response: { 200: proctoringItemSchema, ...errorResponses, 422: apiErrorSchema } },
    },
    async (request) => {
      const { item, sms: pending } = await confirmCheating(deps, authed(request).actor, request.params.attemptId, request.body.reason, request.ip);
      await deliverSms(deps.db, sms, request.log, pending);
      return item;
    },
  );

  app.post(
    '/cases/:attemptId/revoke',
    { schema: { tags, summary: '撤销认定（省级卫生行政部门）：恢复认定前的考核结果', params: attemptParamsSchema, body: decisionBodySchema, response: { 200: proctoringItemSchema, ...errorResponses } } },
    async (request) => {
      const { item, sms: pending } = await revokeCheating(deps, authed(request).actor, request.params.attemptId, request.body.reason, request.ip);
      await deliverSms(deps.db, sms, request.log, pending);
      return item;
    },
  );
};
