import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { enrolmentStatusLabels, physicianLevelLabels, practiceCategoryLabels, type Role } from '../../../common/enums.js';
import {
  progressFiltersSchema,
  progressInstitutionOptionsSchema,
  progressInstitutionQuerySchema,
  progressListQuerySchema,
  progressListSchema,
  progressProcedureLabels,
  progressResultLabels,
  progressSummaryQuerySchema,
  progressSummarySchema,
} from '../../../common/schemas/assessment-progress.js';
import { exemptionStatusLabels } from '../../../common/schemas/registration.js';
import type { ExcelColumn } from '../../lib/excel.js';
import { sendExport } from '../excel-response.js';
import { authed, errorResponses } from '../http.js';
import { exportProgress, listProgress, progressInstitutions, progressSummary, type ProgressExportRow } from './service.js';

const tags = ['progress'];

type Row = ProgressExportRow & { n: number };

/** The columns of the page: 卫生机构 only where the list spans institutions (assessor, authority). */
function exportColumns(role: Role): ExcelColumn<Row>[] {
  return [
    { header: '序号', width: 8, value: (r) => r.n },
    ...(role === 'institution' ? [] : [{ header: '卫生机构', width: 28, value: (r: Row) => r.institutionName }]),
    { header: '科室', value: (r) => r.departmentName },
    { header: '姓名', width: 12, value: (r) => r.name },
    { header: '年龄', width: 8, value: (r) => r.age },
    { header: '证件号码', width: 20, value: (r) => r.idNumberMasked },
    { header: '执业类别', width: 10, value: (r) => practiceCategoryLabels[r.practiceCategory] },
    { header: '医师级别', width: 14, value: (r) => (r.physicianLevel ? physicianLevelLabels[r.physicianLevel] : '') },
    { header: '考核程序', width: 12, value: (r) => progressProcedureLabels[r.procedure] },
    { header: '考核状态', width: 30, value: (r) => enrolmentStatusLabels[r.status] },
    { header: '免考状态', width: 18, value: (r) => exemptionStatusLabels[r.exemptionStatus] },
    { header: '考核结果', width: 10, value: (r) => (r.result === 'none' ? '' : progressResultLabels[r.result]) },
  ];
}

export const progressRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, pii } = app.deps;
  const deps = { db: database.db, pii };

  app.get(
    '',
    { schema: { tags, summary: '考核进度（本周期已确认参加的医师及其考核状态）', querystring: progressListQuerySchema, response: { 200: progressListSchema, ...errorResponses } } },
    async (request) => listProgress(deps, authed(request).actor, request.query),
  );

  app.get(
    '/export',
    { schema: { tags, summary: '导出考核进度（Excel，证件号码脱敏）', querystring: progressFiltersSchema, response: errorResponses } },
    async (request, reply) => {
      const { actor } = authed(request);
      const batches = await exportProgress(deps, actor, request.query);
      return sendExport(request, reply, { filename: '考核进度.xlsx', sheet: '考核进度' }, exportColumns(actor.role), batches);
    },
  );

  app.get(
    '/summary',
    { schema: { tags, summary: '考核情况综合查询（按考核状态、考核程序、考核结果、执业类别统计）', querystring: progressSummaryQuerySchema, response: { 200: progressSummarySchema, ...errorResponses } } },
    async (request) => progressSummary(deps, authed(request).actor, request.query),
  );

  app.get(
    '/institutions',
    { schema: { tags, summary: '考核进度的卫生机构选项（按名称，前20个）', querystring: progressInstitutionQuerySchema, response: { 200: progressInstitutionOptionsSchema, ...errorResponses } } },
    async (request) => progressInstitutions(deps, authed(request).actor, request.query.name),
  );
};
