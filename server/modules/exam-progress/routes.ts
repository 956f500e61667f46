import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { practiceCategoryLabels, type Role } from '../../../common/enums.js';
import { paperKindLabels, procedureLabels } from '../../../common/papers.js';
import {
  examProgressFiltersSchema,
  examProgressListQuerySchema,
  examProgressListSchema,
  examProgressOutcomeLabels,
  examProgressRecordParamsSchema,
  examProgressRecordSchema,
  examProgressStateLabels,
  type ExamProgressItem,
} from '../../../common/schemas/exam-progress.js';
import { examStageLabels } from '../../../common/schemas/exams.js';
import type { ExcelColumn } from '../../lib/excel.js';
import { sendExport } from '../excel-response.js';
import { authed, errorResponses } from '../http.js';
import { examProgressRecord, exportExamProgress, listExamProgress } from './service.js';

const tags = ['exam-progress'];

type Row = ExamProgressItem & { n: number };

/** The columns of the page (医疗卫生机构 only where the list spans institutions), and 考核阶段. */
function exportColumns(role: Role): ExcelColumn<Row>[] {
  return [
    { header: '序号', width: 8, value: (r) => r.n },
    ...(role === 'institution' ? [] : [{ header: '医疗卫生机构', width: 28, value: (r: Row) => r.institutionName }]),
    { header: '科室', value: (r) => r.departmentName },
    { header: '姓名', width: 12, value: (r) => r.name },
    { header: '证件号码', width: 20, value: (r) => r.idNumberMasked },
    { header: '执业类别', width: 10, value: (r) => practiceCategoryLabels[r.practiceCategory] },
    { header: '考核机构', width: 28, value: (r) => r.assessorName },
    { header: '考核程序', width: 12, value: (r) => procedureLabels[r.procedure] },
    { header: '试卷名称', width: 18, value: (r) => paperKindLabels[r.paper] },
    { header: '测评结果', width: 10, value: (r) => examProgressOutcomeLabels[r.outcome] },
    { header: '测评状态', width: 10, value: (r) => examProgressStateLabels[r.state] },
    { header: '考核阶段', width: 10, value: (r) => examStageLabels[r.stage] },
  ];
}

export const examProgressRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, pii } = app.deps;
  const deps = { db: database.db, pii };

  app.get(
    '',
    {
      schema: {
        tags,
        summary: '测评进度（本周期待参加考核及以后的医师，每份须考试卷一行：测评状态、测评结果、考核阶段）',
        querystring: examProgressListQuerySchema,
        response: { 200: examProgressListSchema, ...errorResponses },
      },
    },
    async (request) => listExamProgress(deps, authed(request).actor, request.query),
  );

  app.get(
    '/export',
    { schema: { tags, summary: '导出测评进度（Excel，证件号码脱敏）', querystring: examProgressFiltersSchema, response: errorResponses } },
    async (request, reply) => {
      const { actor } = authed(request);
      const batches = await exportExamProgress(deps, actor, request.query);
      return sendExport(request, reply, { filename: '测评进度.xlsx', sheet: '测评进度' }, exportColumns(actor.role), batches);
    },
  );

  app.get(
    '/enrolments/:enrolmentId/papers/:paper',
    {
      schema: {
        tags,
        summary: '查看：一名医师一份试卷的测评（开始、截止、提交时间，提交方式，成绩，合格分；不含试题和答案）',
        params: examProgressRecordParamsSchema,
        response: { 200: examProgressRecordSchema, ...errorResponses },
      },
    },
    async (request) => examProgressRecord(deps, authed(request).actor, request.params.enrolmentId, request.params.paper),
  );
};
