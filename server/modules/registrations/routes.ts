import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import { physicianTaskSchema, registrationFileSlots, registrationSchema, registrationSteps, type RegistrationFileSlot } from '../../../common/schemas/registration.js';
import { badRequest } from '../../lib/errors.js';
import { authed, errorResponses } from '../http.js';
import { deleteFile, getRegistration, saveStep, submitRegistration, uploadFile, uploadPhoto } from './service.js';
import { physicianTask } from './task.js';

const tags = ['registration'];
const responses = { 200: registrationSchema, ...errorResponses, 422: apiErrorSchema };
const slotNames = Object.keys(registrationFileSlots) as [RegistrationFileSlot, ...RegistrationFileSlot[]];

async function uploaded(request: FastifyRequest, label: string) {
  const file = request.isMultipart() ? await request.file() : undefined;
  if (!file) throw badRequest(`请选择${label}`, { file: `请选择${label}` });
  return { data: await file.toBuffer(), filename: file.filename };
}

export const registrationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, pii, storage } = app.deps;
  const deps = { db: database.db, pii, storage };

  app.get('/task', { schema: { tags, summary: '当前任务（医师首页）', response: { 200: physicianTaskSchema, ...errorResponses } } }, async (request) =>
    physicianTask(deps.db, authed(request).actor),
  );

  app.get('', { schema: { tags, summary: '我的报名信息（草稿或已提交）', response: responses } }, async (request) => getRegistration(deps.db, authed(request).actor));

  app.put(
    '/steps/:step',
    {
      schema: {
        tags,
        summary: '保存报名的一步（基本信息 / 执业信息 / 相关经历 / 工作成绩、职业道德 / 考核程序）；draft=true 时可有未填项（保存草稿）',
        params: z.object({ step: z.enum(registrationSteps, { error: '步骤不正确' }) }),
        querystring: z.object({ draft: z.stringbool({ error: 'draft 只能是 true 或 false' }).optional() }),
        body: z.record(z.string(), z.unknown(), { error: '请填写报名信息' }),
        response: responses,
      },
    },
    async (request) => saveStep(deps, authed(request).actor, request.params.step, request.body, { draft: request.query.draft }),
  );

  app.put(
    '/photo',
    { schema: { tags, summary: '上传照片（jpg/png，2MB以内）', consumes: ['multipart/form-data'], response: { 200: z.object({ photoFileId: z.string() }), ...errorResponses } } },
    async (request) => uploadPhoto(deps, authed(request).actor, await uploaded(request, '照片'), request.ip),
  );

  app.post(
    '/files/:slot',
    {
      schema: {
        tags,
        summary: '上传执业证书、简易程序或免考申请材料',
        consumes: ['multipart/form-data'],
        params: z.object({ slot: z.enum(slotNames, { error: '材料类型不正确' }) }),
        response: responses,
      },
    },
    async (request) => uploadFile(deps, authed(request).actor, request.params.slot, await uploaded(request, '文件')),
  );

  app.delete(
    '/files/:fileId',
    { schema: { tags, summary: '删除已上传的材料', params: z.object({ fileId: z.uuid({ error: '文件不存在' }) }), response: responses } },
    async (request) => deleteFile(deps, authed(request).actor, request.params.fileId),
  );

  app.post('/submit', { schema: { tags, summary: '提交报名', response: responses } }, async (request) => submitRegistration(deps, authed(request).actor, request.ip));
};
