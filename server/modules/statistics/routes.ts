import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  statisticsDailyQuerySchema,
  statisticsDailySchema,
  statisticsFigureLabels,
  statisticsQuerySchema,
  statisticsRateLabels,
  statisticsSchema,
  statisticsSplitLabels,
  type StatisticsFigureKey,
  type StatisticsRateKey,
} from '../../../common/schemas/statistics.js';
import type { ExcelColumn } from '../../lib/excel.js';
import { sendExport } from '../excel-response.js';
import { authed, errorResponses } from '../http.js';
import { exportFilename, statistics, statisticsDaily, statisticsLines, type StatisticsLine } from './service.js';

const tags = ['statistics'];

type Line = StatisticsLine & { n: number };

const figureColumns: StatisticsFigureKey[] = ['enrolled', 'submitted', 'reviewed', 'exempted', 'awaitingTest', 'tested', 'passed', 'failed', 'pendingRetakeConfirmation', 'awaitingRetake'];
const rateColumns: StatisticsRateKey[] = ['registration', 'review', 'test', 'pass'];

/** The columns of the screen's table: the row, the split value (with a split), the figures and the rates (%). */
function exportColumns(rowHeader: string, split: keyof typeof statisticsSplitLabels): ExcelColumn<Line>[] {
  return [
    { header: rowHeader, width: 30, value: (l) => l.label },
    ...(split === 'none' ? [] : [{ header: statisticsSplitLabels[split], width: 14, value: (l: Line) => l.part }]),
    ...figureColumns.map((key): ExcelColumn<Line> => ({ header: statisticsFigureLabels[key], width: 10, value: (l) => l.figures[key] })),
    ...rateColumns.map((key): ExcelColumn<Line> => ({
      header: `${statisticsRateLabels[key]}(%)`,
      width: 14,
      value: (l) => l.figures.rates[key] ?? '—',
    })),
  ];
}

export const statisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get(
    '',
    {
      schema: {
        tags,
        summary: '考核统计（按科室、委托机构或下级区划 / 机构统计应参考、已报名、已审核、免考、测评、合格等人数及完成率，可按维度拆分）',
        querystring: statisticsQuerySchema,
        response: { 200: statisticsSchema, ...errorResponses },
      },
    },
    async (request) => statistics(db, authed(request).actor, request.query),
  );

  app.get(
    '/daily',
    {
      schema: { tags, summary: '考核统计：每日报名 / 审核 / 测评人数', querystring: statisticsDailyQuerySchema, response: { 200: statisticsDailySchema, ...errorResponses } },
    },
    async (request) => statisticsDaily(db, authed(request).actor, request.query),
  );

  app.get(
    '/export',
    { schema: { tags, summary: '导出考核统计（Excel，与页面表格的行列相同）', querystring: statisticsQuerySchema, response: errorResponses } },
    async (request, reply) => {
      const result = await statistics(db, authed(request).actor, request.query);
      const lines = statisticsLines(result);
      return sendExport(request, reply, { filename: exportFilename(result), sheet: '考核统计' }, exportColumns(result.rowHeader, result.split), (async function* () {
        yield lines;
      })());
    },
  );
};
