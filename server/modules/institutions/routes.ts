import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { institutionGradeLabels, institutionLevelLabels, institutionTypeLabels } from '../../../common/enums.js';
import {
  accountStatusLabels,
  createInstitutionBodySchema,
  importResultSchema,
  institutionDetailSchema,
  institutionExportQuerySchema,
  institutionListQuerySchema,
  institutionListSchema,
  institutionProfileSchema,
  updateInstitutionProfileBodySchema,
} from '../../../common/schemas/institution.js';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import { badRequest } from '../../lib/errors.js';
import type { ExcelColumn } from '../../lib/excel.js';
import { sendExport, xlsxAttachment } from '../excel-response.js';
import { authed, errorResponses, idParamSchema } from '../http.js';
import { importInstitutions, importTemplate } from './import.js';
import type { InstitutionRow } from './repository.js';
import * as institutions from './service.js';

const tags = ['institutions'];
const withConflict = { ...errorResponses, 409: apiErrorSchema };

const exportColumns: ExcelColumn<InstitutionRow & { n: number }>[] = [
  { header: '序号', width: 8, value: (r) => r.n },
  { header: '机构名称', width: 32, value: (r) => r.name },
  { header: '机构账号', value: (r) => r.account },
  { header: '区划', width: 24, value: (r) => r.regionName },
  { header: '区划代码', width: 10, value: (r) => r.regionCode },
  { header: '管辖关系', width: 28, value: (r) => r.authorityName },
  { header: '机构类型', value: (r) => institutionTypeLabels[r.type] },
  { header: '机构级别', width: 10, value: (r) => institutionLevelLabels[r.level] },
  { header: '机构等次', width: 10, value: (r) => institutionGradeLabels[r.grade] },
  { header: '考核机构', width: 10, value: (r) => (r.isAssessor ? '是' : '否') },
  { header: '考核机构名称', width: 28, value: (r) => r.assignedAssessorName },
  { header: '账号状态', width: 10, value: (r) => accountStatusLabels[r.accountStatus] },
  { header: '联系人', value: (r) => r.contactPerson },
  { header: '手机号码', value: (r) => r.mobile },
];

export const institutionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get(
    '',
    { schema: { tags, summary: '机构账号列表', querystring: institutionListQuerySchema, response: { 200: institutionListSchema, ...errorResponses } } },
    async (request) => institutions.listInstitutions(db, authed(request).actor, request.query),
  );

  app.post(
    '',
    { schema: { tags, summary: '新增机构', body: createInstitutionBodySchema, response: { 201: institutionDetailSchema, ...withConflict } } },
    async (request, reply) => reply.status(201).send(await institutions.createInstitution(db, authed(request).actor, request.body, request.ip)),
  );

  app.get(
    '/export',
    { schema: { tags, summary: '导出机构账号（Excel）', querystring: institutionExportQuerySchema, response: errorResponses } },
    async (request, reply) => {
      const batches = await institutions.exportInstitutions(db, authed(request).actor, request.query);
      return sendExport(request, reply, { filename: '机构账号.xlsx', sheet: '机构账号' }, exportColumns, batches);
    },
  );

  app.get(
    '/import-template',
    { schema: { tags, summary: '机构账号导入模板（Excel）', response: errorResponses } },
    async (request, reply) => xlsxAttachment(reply, '机构账号导入模板.xlsx').send(await importTemplate(db, authed(request).actor)),
  );

  app.post(
    '/import',
    {
      schema: {
        tags,
        summary: '批量导入机构账号（multipart，字段 file：.xlsx）',
        consumes: ['multipart/form-data'],
        response: { 200: importResultSchema, ...withConflict },
      },
    },
    async (request) => {
      const { actor } = authed(request);
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw badRequest('请选择要导入的Excel文件', { file: '请选择要导入的Excel文件' });
      return importInstitutions(db, actor, { data: await file.toBuffer(), filename: file.filename }, request.ip);
    },
  );

  app.get(
    '/me',
    { schema: { tags, summary: '本机构信息', response: { 200: institutionProfileSchema, ...errorResponses } } },
    async (request) => institutions.myProfile(db, authed(request).actor),
  );

  app.put(
    '/me',
    { schema: { tags, summary: '保存本机构信息', body: updateInstitutionProfileBodySchema, response: { 200: institutionProfileSchema, ...errorResponses } } },
    async (request) => institutions.updateMyProfile(db, authed(request).actor, request.body, request.ip),
  );

  app.get(
    '/:id',
    { schema: { tags, summary: '机构详情', params: idParamSchema, response: { 200: institutionDetailSchema, ...errorResponses } } },
    async (request) => institutions.institutionDetail(db, authed(request).actor, request.params.id),
  );

  for (const [action, disabled, summary] of [['disable', true, '停用机构账号'], ['enable', false, '启用机构账号']] as const) {
    app.post(
      `/:id/${action}`,
      { schema: { tags, summary, params: idParamSchema, response: { 204: z.null(), ...withConflict } } },
      async (request, reply) => {
        await institutions.setInstitutionDisabled(db, authed(request).actor, request.params.id, disabled, request.ip);
        return reply.status(204).send(null);
      },
    );
  }
};
