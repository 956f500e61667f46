import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import { noticeListQuerySchema, noticeListSchema, noticeSchema, publicNoticeListSchema, publicNoticeQuerySchema } from '../../../common/schemas/notices.js';
import { authed, errorResponses, idParamSchema } from '../http.js';
import { readNoticeForm } from './form.js';
import { createNotice, deleteNotice, listNotices, publicNotices, setNoticeStatus, updateNotice } from './service.js';

const tags = ['notices'];
const writeResponses = { ...errorResponses, 409: apiErrorSchema };
const formDescription =
  'multipart/form-data：category（policy 政策 | notice 通知 | manual 手册）、title、publishedOn（YYYY-MM-DD）、' +
  'attachments（可多个文件：PDF、Word、Excel，按内容识别，每个不超过20MB）；编辑时可附 removeFileIds（可多个）。';

export const noticeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, storage } = app.deps;
  const db = database.db;

  app.get(
    '/public',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '已发布的通知公告（登录页：政策 / 通知 / 手册，无需登录）',
        description: '不带 province 时列出本系统所有已发布的通知公告（一个系统对应一个省）；不带 category 时 limit 按每个类别计。',
        querystring: publicNoticeQuerySchema,
        response: { 200: publicNoticeListSchema, 400: apiErrorSchema },
      },
    },
    async (request, reply) => reply.header('cache-control', 'no-cache').send(await publicNotices(db, request.query)),
  );

  app.get(
    '',
    { schema: { tags, summary: '通知公告列表（本部门发布的）', querystring: noticeListQuerySchema, response: { 200: noticeListSchema, ...errorResponses } } },
    async (request) => listNotices(db, authed(request).actor, request.query),
  );

  app.post(
    '',
    { schema: { tags, summary: '新建通知公告', description: formDescription, consumes: ['multipart/form-data'], response: { 201: noticeSchema, ...writeResponses } } },
    async (request, reply) =>
      reply.status(201).send(await createNotice({ db, storage }, authed(request).actor, () => readNoticeForm(request), request.ip)),
  );

  app.put(
    '/:id',
    {
      schema: { tags, summary: '编辑通知公告', description: formDescription, consumes: ['multipart/form-data'], params: idParamSchema, response: { 200: noticeSchema, ...writeResponses } },
    },
    async (request) => updateNotice({ db, storage }, authed(request).actor, request.params.id, () => readNoticeForm(request), request.ip),
  );

  app.post(
    '/:id/publish',
    { schema: { tags, summary: '发布通知公告', params: idParamSchema, response: { 200: noticeSchema, ...writeResponses } } },
    async (request) => setNoticeStatus(db, authed(request).actor, request.params.id, 'published', request.ip),
  );

  app.post(
    '/:id/withdraw',
    { schema: { tags, summary: '撤回通知公告', params: idParamSchema, response: { 200: noticeSchema, ...writeResponses } } },
    async (request) => setNoticeStatus(db, authed(request).actor, request.params.id, 'draft', request.ip),
  );

  app.delete(
    '/:id',
    { schema: { tags, summary: '删除通知公告', params: idParamSchema, response: { 204: z.null(), ...writeResponses } } },
    async (request, reply) => {
      await deleteNotice({ db, storage }, authed(request).actor, request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );
};
