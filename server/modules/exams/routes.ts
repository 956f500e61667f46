import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attemptViewSchema,
  examOverviewSchema,
  saveAnswersSchema,
  savedAnswersSchema,
  startExamSchema,
  startPracticeSchema,
  startedSchema,
  submitSchema,
} from '../../../common/schemas/exams.js';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import { authed, errorResponses, idParamSchema } from '../http.js';
import { deliverSms } from '../messages/notify.js';
import { attemptView, saveAnswers } from './attempts.js';
import { examOverview } from './overview.js';
import { startPractice } from './practice.js';
import { startExam } from './start.js';
import { submitOwnAttempt } from './submit.js';

const tags = ['exams'];

export const examRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config, sms } = app.deps;
  const db = database.db;

  app.get(
    '',
    { schema: { tags, summary: '考核管理：待参加的考试、已完成的考试、待参加的练习', response: { 200: examOverviewSchema, ...errorResponses } } },
    async (request) => examOverview(db, authed(request).actor),
  );

  app.post(
    '/start',
    {
      schema: {
        tags,
        summary: '开始考试（再次开始返回同一份试卷；人数较多时 429 排队，Retry-After 为建议等待秒数）',
        body: startExamSchema,
        response: { 200: startedSchema, ...errorResponses, 422: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    async (request) => startExam(db, authed(request).actor, request.body.paper, { ip: request.ip, rate: config.examStartRate, proctoringConsent: request.body.proctoringConsent }),
  );

  app.post(
    '/practice',
    { schema: { tags, summary: '开始练习', body: startPracticeSchema, response: { 200: startedSchema, ...errorResponses } } },
    async (request) => startPractice(db, authed(request).actor, request.body.paper, request.body.count),
  );

  app.get(
    '/attempts/:id',
    { schema: { tags, summary: '试卷（提交前不含答案和解析）', params: idParamSchema, response: { 200: attemptViewSchema, ...errorResponses } } },
    async (request) => attemptView(db, authed(request).actor, request.params.id),
  );

  app.post(
    '/attempts/:id/answers',
    { schema: { tags, summary: '保存答案（带序号，旧序号不覆盖新答案）', params: idParamSchema, body: saveAnswersSchema, response: { 200: savedAnswersSchema, ...errorResponses } } },
    async (request) => saveAnswers(db, authed(request).actor, request.params.id, request.body),
  );

  app.post(
    '/attempts/:id/submit',
    { schema: { tags, summary: '提交试卷（重复提交返回同一结果）', params: idParamSchema, body: submitSchema.optional(), response: { 200: attemptViewSchema, ...errorResponses } } },
    async (request) => {
      const { actor } = authed(request);
      const pending = await submitOwnAttempt(db, actor, request.params.id, request.body?.reason ?? 'physician');
      await deliverSms(db, sms, request.log, pending);
      return attemptView(db, actor, request.params.id);
    },
  );
};

