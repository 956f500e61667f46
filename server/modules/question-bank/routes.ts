import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importResultSchema } from '../../../common/schemas/institution.js';
import {
  bankCountsSchema,
  bankFiltersSchema,
  bankItemBodySchema,
  bankItemDetailSchema,
  bankItemSavedSchema,
  bankListQuerySchema,
  bankListSchema,
  bankPreviewSchema,
} from '../../../common/schemas/question-bank.js';
import { badRequest } from '../../lib/errors.js';
import type { ExcelColumn } from '../../lib/excel.js';
import { sendExport, xlsxAttachment } from '../excel-response.js';
import { authed, errorResponses, idParamSchema } from '../http.js';
import { bankImportTemplate, importBank } from './import.js';
import { bankCountsView, createItem, exportBank, itemDetail, itemPreview, listBank, requireBankManager, setItemEnabled, updateItem } from './service.js';
import { BANK_SHEET_NAME, bankSheetHeaders } from './sheet.js';

const tags = ['question-bank'];

const wide = new Set(['共用题干', '题干', '解析']);
const exportColumns: ExcelColumn<Record<string, string> & { n: number }>[] = bankSheetHeaders.map((header) => ({
  header,
  width: wide.has(header) ? 40 : 14,
  value: (row) => row[header],
}));

export const questionBankRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get(
    '/items',
    { schema: { tags, summary: '题库列表（试卷、题型、执业类别、关键字、状态；分页）', querystring: bankListQuerySchema, response: { 200: bankListSchema, ...errorResponses } } },
    async (request) => listBank(db, authed(request).actor, request.query),
  );

  app.get(
    '/counts',
    { schema: { tags, summary: '启用题目数量（试卷 × 执业类别 × 题型）', response: { 200: bankCountsSchema, ...errorResponses } } },
    async (request) => bankCountsView(db, authed(request).actor),
  );

  app.post(
    '/items',
    { schema: { tags, summary: '新增试题', body: bankItemBodySchema, response: { 201: bankItemSavedSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createItem(db, authed(request).actor, request.body, request.ip)),
  );

  app.get(
    '/items/:id',
    { schema: { tags, summary: '试题（含答案和解析）', params: idParamSchema, response: { 200: bankItemDetailSchema, ...errorResponses } } },
    async (request) => itemDetail(db, authed(request).actor, request.params.id),
  );

  app.get(
    '/items/:id/preview',
    { schema: { tags, summary: '预览（考生所见，不含答案和解析）', params: idParamSchema, response: { 200: bankPreviewSchema, ...errorResponses } } },
    async (request) => itemPreview(db, authed(request).actor, request.params.id),
  );

  app.put(
    '/items/:id',
    {
      schema: {
        tags,
        summary: '编辑试题（已被抽取的试题生成新版本，返回新版本的编号）',
        params: idParamSchema,
        body: bankItemBodySchema,
        response: { 200: bankItemSavedSchema, ...errorResponses },
      },
    },
    async (request) => updateItem(db, authed(request).actor, request.params.id, request.body, request.ip),
  );

  for (const [action, enabled, summary] of [['disable', false, '停用试题'], ['enable', true, '启用试题']] as const) {
    app.post(
      `/items/:id/${action}`,
      { schema: { tags, summary, params: idParamSchema, response: { 204: z.null(), ...errorResponses } } },
      async (request, reply) => {
        await setItemEnabled(db, authed(request).actor, request.params.id, enabled, request.ip);
        return reply.status(204).send(null);
      },
    );
  }

  app.get(
    '/import-template',
    { schema: { tags, summary: '题库导入模板（Excel）', response: errorResponses } },
    async (request, reply) => xlsxAttachment(reply, '题库导入模板.xlsx').send(await bankImportTemplate(authed(request).actor)),
  );

  app.post(
    '/import',
    {
      schema: {
        tags,
        summary: '批量导入试题（multipart，字段 file：.xlsx；全部通过才导入，否则返回错误报告）',
        consumes: ['multipart/form-data'],
        response: { 200: importResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { actor } = authed(request);
      requireBankManager(actor);
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw badRequest('请选择要导入的Excel文件', { file: '请选择要导入的Excel文件' });
      return importBank(db, actor, { data: await file.toBuffer(), filename: file.filename }, request.ip);
    },
  );

  app.get(
    '/export',
    { schema: { tags, summary: '导出题库（Excel，列与导入模板相同）', querystring: bankFiltersSchema, response: errorResponses } },
    async (request, reply) => {
      const batches = await exportBank(db, authed(request).actor, request.query, request.ip);
      return sendExport(request, reply, { filename: '题库.xlsx', sheet: BANK_SHEET_NAME }, exportColumns, batches);
    },
  );
};
