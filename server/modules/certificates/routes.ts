import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { enrolmentStatusLabels, practiceCategoryLabels } from '../../../common/enums.js';
import { progressProcedureLabels, progressResultLabels } from '../../../common/schemas/assessment-progress.js';
import {
  BATCH_PDF_LIMIT,
  certificateStatusLabels,
  historyFiltersSchema,
  historyListQuerySchema,
  historyListSchema,
  revokeBodySchema,
  sealInfoSchema,
  verifyQuerySchema,
  verifyResultSchema,
  type HistoryItem,
} from '../../../common/schemas/certificates.js';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import { exemptionStatusLabels } from '../../../common/schemas/registration.js';
import type { ExcelColumn } from '../../lib/excel.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { sendExport } from '../excel-response.js';
import { authed, errorResponses, idParamSchema } from '../http.js';
import { deliverSms } from '../messages/notify.js';
import { exportHistory, historyCertificates, listHistory } from './history.js';
import { certificatesPdf } from './pdf.js';
import { revokeByAuthority } from './revoke.js';
import { sealInfo as readSealInfo, uploadSeal } from './seal.js';
import { certificateOfEnrolment, certificatePage, certificatePages, readableCertificate, sealImage, type CertificateDeps } from './service.js';
import { verifyCertificate } from './verify.js';
import { eq } from 'drizzle-orm';
import { certificates } from '../../db/schema/index.js';

const tags = ['certificates'];

/** Verifications per address per minute: enough for a person, too few to walk the numbers. */
export const VERIFY_RATE_LIMIT = 30;

type Row = HistoryItem & { n: number };
const historyColumns: ExcelColumn<Row>[] = [
  { header: '序号', width: 8, value: (r) => r.n },
  { header: '考核周期', width: 14, value: (r) => r.cycleName },
  { header: '医疗卫生机构', width: 28, value: (r) => r.institutionName },
  { header: '姓名', width: 12, value: (r) => r.name },
  { header: '证件号码', width: 20, value: (r) => r.idNumberMasked },
  { header: '执业类别', width: 10, value: (r) => practiceCategoryLabels[r.practiceCategory] },
  { header: '考核程序', width: 12, value: (r) => progressProcedureLabels[r.procedure] },
  { header: '考核状态', width: 16, value: (r) => enrolmentStatusLabels[r.status] },
  { header: '免考状态', width: 12, value: (r) => exemptionStatusLabels[r.exemptionStatus] },
  { header: '考核结果', width: 10, value: (r) => progressResultLabels[r.result] },
  { header: '证书编号', width: 20, value: (r) => r.certificate?.number ?? '' },
  { header: '证书状态', width: 10, value: (r) => (r.certificate ? certificateStatusLabels[r.certificate.status] : '') },
];

const pdfQuery = z.object({ download: z.enum(['0', '1'], { error: '下载方式不正确' }).optional() });

function pdfReply(reply: FastifyReply, filename: string, attachment: boolean): FastifyReply {
  return reply
    .header('content-type', 'application/pdf')
    .header('cache-control', 'no-store')
    .header('content-disposition', `${attachment ? 'attachment' : 'inline'}; filename="certificate.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`);
}

async function uploadedFile(request: FastifyRequest, label: string) {
  const file = request.isMultipart() ? await request.file() : undefined;
  if (!file) throw badRequest(`请选择${label}`, { file: `请选择${label}` });
  return { data: await file.toBuffer(), filename: file.filename };
}

export const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, pii, storage, config, sms } = app.deps;
  const db = database.db;
  const progressDeps = { db, pii };
  const depsFor = (request: FastifyRequest): CertificateDeps => ({ db, pii, storage, publicUrl: config.publicUrl ?? `${request.protocol}://${request.host}` });

  app.get(
    '/verify',
    {
      config: { public: true, rateLimit: { max: VERIFY_RATE_LIMIT, timeWindow: '1 minute' } },
      schema: { tags, summary: '证书查验（公开）：证书编号 + 姓名，或扫码的证书编号 + 查验码', querystring: verifyQuerySchema, response: { 200: verifyResultSchema, ...errorResponses, 429: apiErrorSchema } },
    },
    async (request) => verifyCertificate({ db, pii }, request.query),
  );

  app.get(
    '/history',
    { schema: { tags, summary: '历史考核结果查询', querystring: historyListQuerySchema, response: { 200: historyListSchema, ...errorResponses } } },
    async (request) => listHistory(progressDeps, authed(request).actor, request.query),
  );

  app.get(
    '/history/export',
    { schema: { tags, summary: '导出历史考核结果（Excel，证件号码脱敏）', querystring: historyFiltersSchema, response: errorResponses } },
    async (request, reply) => sendExport(request, reply, { filename: '历史考核结果.xlsx', sheet: '历史考核结果' }, historyColumns, await exportHistory(progressDeps, authed(request).actor, request.query)),
  );

  app.get(
    '/history/certificate-count',
    { schema: { tags, summary: '批量下载前：筛选出的有效合格证书份数', querystring: historyFiltersSchema, response: { 200: z.object({ count: z.number(), limit: z.number() }), ...errorResponses } } },
    async (request) => ({ count: (await historyCertificates(progressDeps, authed(request).actor, request.query, { countOnly: true })).count, limit: BATCH_PDF_LIMIT }),
  );

  app.get(
    '/history/pdf',
    { schema: { tags, summary: '批量下载合格证书（筛选出的全部有效证书，一个多页PDF，边生成边下载）', querystring: historyFiltersSchema, response: errorResponses } },
    async (request, reply) => {
      const { actor } = authed(request);
      const { count, batches } = await historyCertificates(progressDeps, actor, request.query);
      const deps = depsFor(request);
      return pdfReply(reply, '合格证书.pdf', true).header('x-certificate-count', String(count)).send(await certificatesPdf(certificatePages(deps, batches, actor.provinceCode)));
    },
  );

  app.get(
    '/:id/pdf',
    { schema: { tags, summary: '合格证书PDF（下载证书 / 打印）', params: idParamSchema, querystring: pdfQuery, response: errorResponses } },
    async (request, reply) => {
      const { actor } = authed(request);
      const deps = depsFor(request);
      const row = await readableCertificate(db, actor, eq(certificates.id, request.params.id));
      const page = await certificatePage(deps, actor, row);
      return pdfReply(reply, `合格证书-${row.number}.pdf`, request.query.download === '1').send(await certificatesPdf([page]));
    },
  );

  app.get(
    '/by-enrolment/:id/pdf',
    { schema: { tags, summary: '某次考核的合格证书PDF（考核进度 › 打印）', params: idParamSchema, querystring: pdfQuery, response: errorResponses } },
    async (request, reply) => {
      const { actor } = authed(request);
      const deps = depsFor(request);
      const row = await certificateOfEnrolment(db, actor, request.params.id);
      const page = await certificatePage(deps, actor, row);
      return pdfReply(reply, `合格证书-${row.number}.pdf`, request.query.download === '1').send(await certificatesPdf([page]));
    },
  );

  app.post(
    '/:id/revoke',
    { schema: { tags, summary: '撤销证书（省级卫生行政部门，须填写理由）', params: idParamSchema, body: revokeBodySchema, response: { 200: z.object({ number: z.string() }), ...errorResponses } } },
    async (request) => {
      const done = await revokeByAuthority(db, authed(request).actor, request.params.id, request.body.reason, request.ip);
      await deliverSms(db, sms, request.log, done.sms);
      return { number: done.number };
    },
  );

  app.get(
    '/seal',
    { schema: { tags, summary: '发证机关公章（是否已上传）', response: { 200: sealInfoSchema, ...errorResponses } } },
    async (request) => readSealInfo(db, authed(request).actor),
  );

  app.get(
    '/seal/image',
    { schema: { tags, summary: '发证机关公章图片（PNG）', response: errorResponses } },
    async (request, reply) => {
      const { actor } = authed(request);
      await readSealInfo(db, actor);
      const image = await sealImage({ db, storage }, actor.provinceCode);
      if (!image) throw notFound('尚未上传公章');
      return (reply as FastifyReply).header('content-type', 'image/png').header('cache-control', 'no-store').send(image);
    },
  );

  app.put(
    '/seal',
    { schema: { tags, summary: '上传发证机关公章（透明背景PNG，1MB以内）', consumes: ['multipart/form-data'], response: { 200: sealInfoSchema, ...errorResponses } } },
    async (request) => uploadSeal({ db, storage }, authed(request).actor, await uploadedFile(request, '公章图片'), request.ip),
  );
};
