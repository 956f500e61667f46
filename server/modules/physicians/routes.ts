import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { enrolmentStatusLabels, physicianLevelLabels, practiceCategoryLabels } from '../../../common/enums.js';
import { importResultSchema } from '../../../common/schemas/institution.js';
import {
  cancelEnrolmentBodySchema,
  returnRegistrationBodySchema,
  enrolBodySchema,
  enrolResultSchema,
  hiddenPhysicianListSchema,
  hiddenPhysiciansQuerySchema,
  hidePhysicianBodySchema,
  institutionReturnBodySchema,
  physicianBodySchema,
  physicianDetailSchema,
  rosterFiltersSchema,
  rosterListQuerySchema,
  rosterListSchema,
  transferOutBodySchema,
  transferIdNumberBodySchema,
  transferSearchResultSchema,
} from '../../../common/schemas/physician.js';
import { requireRole } from '../../auth/access.js';
import { TooManyRequestsError, badRequest } from '../../lib/errors.js';
import type { ExcelColumn } from '../../lib/excel.js';
import { sendExport, xlsxAttachment } from '../excel-response.js';
import { authed, errorResponses, idParamSchema } from '../http.js';
import { importPhysicians, physicianImportTemplate } from './import.js';
import { createPhysician, deletePhysician, physicianDetail, resetPhysicianPassword, setPhysicianPhoto } from './records.js';
import { hidePhysician, listHiddenPhysicians, unhidePhysician } from './hiding.js';
import { cancelEnrolment, enrol, exportRoster, listRoster, returnByInstitution, returnRegistration, type ExportRow } from './roster.js';
import { viewIdNumber } from './service.js';
import { searchTransfer, transferIn, transferOut } from './transfers.js';

const tags = ['physicians'];
const noContent = { 204: z.null(), ...errorResponses };

const exportColumns: ExcelColumn<ExportRow & { n: number }>[] = [
  { header: '序号', width: 8, value: (r) => r.n },
  { header: '医疗卫生机构', width: 28, value: (r) => r.institutionName },
  { header: '科室', value: (r) => r.departmentName },
  { header: '姓名', width: 12, value: (r) => r.name },
  { header: '年龄', width: 8, value: (r) => r.age },
  { header: '证件号码', width: 20, value: (r) => r.idNumberMasked },
  { header: '执业类别', width: 10, value: (r) => practiceCategoryLabels[r.practiceCategory] },
  { header: '医师级别', width: 14, value: (r) => (r.physicianLevel ? physicianLevelLabels[r.physicianLevel] : '') },
  { header: '执业证取得时间', width: 14, value: (r) => r.licenseDate },
  { header: '首次注册时间', width: 14, value: (r) => r.firstRegistrationDate },
  { header: '考核状态', width: 20, value: (r) => enrolmentStatusLabels[r.enrolmentStatus] },
  { header: '取消原因', width: 24, value: (r) => r.cancelReason },
];

async function uploadedFile(request: FastifyRequest, label: string) {
  const file = request.isMultipart() ? await request.file() : undefined;
  if (!file) throw badRequest(`请选择${label}`, { file: `请选择${label}` });
  return { data: await file.toBuffer(), filename: file.filename };
}

/** Seconds a refused import is told to wait: a 100k-row file took 14–48 s on a 2-core server (bench/README). */
const IMPORT_RETRY_SECONDS = 30;

export const physicianRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, pii, storage, config } = app.deps;
  const deps = { db: database.db, pii };
  let importsRunning = 0;

  app.get(
    '',
    { schema: { tags, summary: '医师列表（未确认参加 / 已确认参加）', querystring: rosterListQuerySchema, response: { 200: rosterListSchema, ...errorResponses } } },
    async (request) => listRoster(deps, authed(request).actor, request.query),
  );

  app.get(
    '/export',
    { schema: { tags, summary: '导出医师列表（Excel，证件号码脱敏）', querystring: rosterFiltersSchema, response: errorResponses } },
    async (request, reply) => {
      const batches = await exportRoster(deps, authed(request).actor, request.query);
      return sendExport(request, reply, { filename: '医师列表.xlsx', sheet: '医师列表' }, exportColumns, batches);
    },
  );

  app.get(
    '/import-template',
    { schema: { tags, summary: '批量导入医师模板（Excel）', response: errorResponses } },
    async (request, reply) => xlsxAttachment(reply, '医师导入模板.xlsx').send(await physicianImportTemplate(deps, authed(request).actor)),
  );

  app.post(
    '/import',
    { schema: { tags, summary: '批量导入医师（multipart，字段 file：.xlsx）', consumes: ['multipart/form-data'], response: { 200: importResultSchema, ...errorResponses } } },
    async (request) => {
      const actor = authed(request).actor;
      requireRole(actor, ['institution']);
      const upload = await uploadedFile(request, '要导入的Excel文件');
      // Counted in this instance only: what it bounds is this process's memory.
      if (importsRunning >= config.importsAtOnce) throw new TooManyRequestsError(`正在导入的文件较多，请${IMPORT_RETRY_SECONDS}秒后再试`, IMPORT_RETRY_SECONDS);
      importsRunning += 1;
      try {
        return await importPhysicians(deps, actor, upload, request.ip);
      } finally {
        importsRunning -= 1;
      }
    },
  );

  app.post(
    '/enrol',
    { schema: { tags, summary: '参加 / 批量参加（选中的医师，或筛选出的全部未确认参加医师）', body: enrolBodySchema, response: { 200: enrolResultSchema, ...errorResponses } } },
    async (request) => enrol(deps, authed(request).actor, request.body, request.ip),
  );

  app.post(
    '',
    { schema: { tags, summary: '新增医师', body: physicianBodySchema, response: { 201: physicianDetailSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createPhysician(deps, authed(request).actor, request.body, request.ip)),
  );

  // POST: the full 证件号码 travels in the body, never in a URL (URLs reach access logs).
  app.post(
    '/transfer-search',
    { schema: { tags, summary: '调入医师：按完整证件号码查询（本省）', body: transferIdNumberBodySchema, response: { 200: transferSearchResultSchema, ...errorResponses } } },
    async (request) => searchTransfer(deps, authed(request).actor, request.body.idNumber),
  );

  app.get(
    '/:id',
    { schema: { tags, summary: '查看医师信息', params: idParamSchema, response: { 200: physicianDetailSchema, ...errorResponses } } },
    async (request) => physicianDetail(deps, authed(request).actor, request.params.id),
  );

  // POST, not GET: every call writes an audit row, and it must not be prefetched or cached.
  app.post(
    '/:id/id-number',
    { schema: { tags, summary: '显示完整证件号码（留痕）', params: idParamSchema, response: { 200: z.object({ idNumber: z.string() }), ...errorResponses } } },
    async (request, reply) => {
      const idNumber = await viewIdNumber(deps, authed(request).actor, request.params.id, request.ip);
      return reply.header('cache-control', 'no-store').send({ idNumber });
    },
  );

  app.post(
    '/:id/cancel-enrolment',
    { schema: { tags, summary: '取消参加（须填写原因；医师提交报名后不可取消）', params: idParamSchema, body: cancelEnrolmentBodySchema, response: noContent } },
    async (request, reply) => {
      await cancelEnrolment(deps, authed(request).actor, request.params.id, request.body, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/return-registration',
    {
      schema: {
        tags,
        summary: '退回报名（卫生行政部门；已提交且尚未参加测评的报名信息，须填写理由）',
        params: idParamSchema,
        body: returnRegistrationBodySchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      await returnRegistration({ ...deps, sms: app.deps.sms, log: app.log }, authed(request).actor, request.params.id, request.body, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/institution-return',
    {
      schema: {
        tags,
        summary: '打回报名（医疗卫生机构，审核前；须填写打回原因；考核政策开启时可用）',
        params: idParamSchema,
        body: institutionReturnBodySchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      await returnByInstitution({ ...deps, sms: app.deps.sms, log: app.log }, authed(request).actor, request.params.id, request.body, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/hidden',
    { schema: { tags, summary: '医师暂存（被隐藏的医师）', querystring: hiddenPhysiciansQuerySchema, response: { 200: hiddenPhysicianListSchema, ...errorResponses } } },
    async (request) => listHiddenPhysicians(deps.db, authed(request).actor, request.query),
  );

  app.post(
    '/:id/hide',
    { schema: { tags, summary: '隐藏医师（须填写原因；考核政策开启时可用；被隐藏的医师不能登录）', params: idParamSchema, body: hidePhysicianBodySchema, response: noContent } },
    async (request, reply) => {
      await hidePhysician(deps.db, authed(request).actor, request.params.id, request.body, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/unhide',
    { schema: { tags, summary: '取消隐藏', params: idParamSchema, response: noContent } },
    async (request, reply) => {
      await unhidePhysician(deps.db, authed(request).actor, request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/transfer-out',
    { schema: { tags, summary: '调离医师', params: idParamSchema, body: transferOutBodySchema, response: noContent } },
    async (request, reply) => {
      await transferOut(deps, authed(request).actor, request.params.id, request.body, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/transfer-in',
    {
      schema: {
        tags,
        summary: '调入医师（须已被原单位调离、本省；须附查询所用的完整证件号码，与编号须为同一医师）',
        params: idParamSchema,
        body: transferIdNumberBodySchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      await transferIn(deps, authed(request).actor, request.params.id, request.body.idNumber, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/reset-password',
    { schema: { tags, summary: '重置医师密码（恢复初始密码，清除绑定手机）', params: idParamSchema, response: noContent } },
    async (request, reply) => {
      await resetPhysicianPassword(deps, authed(request).actor, request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/:id/photo',
    { schema: { tags, summary: '上传医师照片（jpg/png，2MB以内）', consumes: ['multipart/form-data'], params: idParamSchema, response: { 200: z.object({ photoFileId: z.string() }), ...errorResponses } } },
    async (request) => setPhysicianPhoto({ ...deps, storage }, authed(request).actor, request.params.id, await uploadedFile(request, '照片'), request.ip),
  );

  app.delete(
    '/:id',
    { schema: { tags, summary: '删除医师（仅从未参加过考核的医师）', params: idParamSchema, response: noContent } },
    async (request, reply) => {
      await deletePhysician({ ...deps, storage }, authed(request).actor, request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );
};
