import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { enrolmentStatusLabels, practiceCategoryLabels, type Role } from '../../../common/enums.js';
import { progressProcedureLabels } from '../../../common/schemas/assessment-progress.js';
import {
  retakeDecisionBodySchema,
  retakeDecisionResultSchema,
  retakeFiltersSchema,
  retakeListQuerySchema,
  retakeListSchema,
  type RetakeItem,
} from '../../../common/schemas/retakes.js';
import type { ExcelColumn } from '../../lib/excel.js';
import { sendExport } from '../excel-response.js';
import { authed, errorResponses } from '../http.js';
import { deliverSms } from '../messages/notify.js';
import { decideRetakes, exportRetakes, listRetakes } from './service.js';

const tags = ['retakes'];
type Row = RetakeItem & { n: number };

const failuresText = (r: RetakeItem) => r.failures.map((f) => `${f.paperLabel}（${f.reasonLabel}${f.score !== null ? ` ${f.score}分` : ''}）`).join('、');

function exportColumns(role: Role): ExcelColumn<Row>[] {
  return [
    { header: '序号', width: 8, value: (r) => r.n },
    ...(role === 'institution' ? [] : [{ header: '医疗卫生机构', width: 28, value: (r: Row) => r.institutionName }]),
    { header: '科室', value: (r) => r.departmentName },
    { header: '姓名', width: 12, value: (r) => r.name },
    { header: '证件号码', width: 20, value: (r) => r.idNumberMasked },
    { header: '执业类别', width: 10, value: (r) => practiceCategoryLabels[r.practiceCategory] },
    { header: '考核程序', width: 12, value: (r) => progressProcedureLabels[r.procedure] },
    { header: '未通过的试卷（不合格原因）', width: 40, value: failuresText },
    { header: '考核状态', width: 16, value: (r) => enrolmentStatusLabels[r.status] },
  ];
}

export const retakeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, pii, sms } = app.deps;
  const deps = { db: database.db, pii };

  app.get(
    '',
    { schema: { tags, summary: '补考管理：待确认补考 / 待参加补考', querystring: retakeListQuerySchema, response: { 200: retakeListSchema, ...errorResponses } } },
    async (request) => listRetakes(deps, authed(request).actor, request.query),
  );

  app.get(
    '/export',
    { schema: { tags, summary: '导出补考名单（Excel，证件号码脱敏）', querystring: retakeFiltersSchema, response: errorResponses } },
    async (request, reply) => {
      const { actor } = authed(request);
      const batches = await exportRetakes(deps, actor, request.query);
      const sheet = request.query.tab === 'allowed' ? '待参加补考' : '待确认补考';
      return sendExport(request, reply, { filename: `${sheet}.xlsx`, sheet }, exportColumns(actor.role), batches);
    },
  );

  app.post(
    '/decisions',
    {
      schema: {
        tags,
        summary: '允许补考 / 不允许补考（所选记录或筛选出的全部记录，全部成功或全部不变）',
        body: retakeDecisionBodySchema,
        response: { 200: retakeDecisionResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { count, sms: pending } = await decideRetakes(deps, authed(request).actor, request.body, request.ip);
      await deliverSms(deps.db, sms, request.log, pending);
      return { count };
    },
  );
};
