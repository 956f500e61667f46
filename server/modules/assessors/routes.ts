import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applicationDetailSchema,
  applicationListQuerySchema,
  applicationListSchema,
  assessorOptionListSchema,
  assessorOptionsQuerySchema,
  assignBodySchema,
  assignResultSchema,
  assignmentListQuerySchema,
  assignmentListSchema,
  committeeListQuerySchema,
  committeeMemberFieldsSchema,
  committeeMemberListSchema,
  committeeMemberSchema,
  createCommitteeMemberBodySchema,
  myApplicationSchema,
  openPermissionBodySchema,
  openPermissionResultSchema,
  permissionListQuerySchema,
  permissionListSchema,
  rejectBodySchema,
} from '../../../common/schemas/assessor.js';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import { authed, errorResponses, idParamSchema } from '../http.js';
import { myApplication, submitApplication } from './applications.js';
import { assignAssessor, listAssessorOptions, listAssignments } from './assignments.js';
import { createMember, deleteMember, listMembers, updateMember } from './committee.js';
import { listPermissions, openPermissions } from './permissions.js';
import { applicationDetail, approveApplication, listApplications, rejectApplication } from './reviews.js';
import { readSlotUploads } from './upload-slots.js';

const errors = { ...errorResponses, 409: apiErrorSchema };

export const assessorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, storage } = app.deps;
  const db = database.db;
  const tags = ['assessors'];

  // ── 开通申请权限 (authority) ──
  app.get(
    '/permissions',
    { schema: { tags, summary: '开通申请权限：机构及其申请状态', querystring: permissionListQuerySchema, response: { 200: permissionListSchema, ...errors } } },
    async (request) => listPermissions(db, authed(request).actor, request.query),
  );
  app.post(
    '/permissions',
    { schema: { tags, summary: '开通申请权限', body: openPermissionBodySchema, response: { 200: openPermissionResultSchema, ...errors } } },
    async (request) => openPermissions(db, authed(request).actor, request.body, request.ip),
  );

  // ── 申请考核机构 (institution) ──
  app.get(
    '/my-application',
    { schema: { tags, summary: '申请考核机构：本机构的申请与审核信息', response: { 200: myApplicationSchema, ...errors } } },
    async (request) => myApplication(db, authed(request).actor),
  );
  app.post(
    '/my-application',
    {
      schema: {
        tags,
        summary: '提交考核机构申请（multipart：slot1…slot5，1–4 必传）',
        consumes: ['multipart/form-data'],
        response: { 200: myApplicationSchema, ...errors },
      },
    },
    async (request) => submitApplication(db, storage, authed(request).actor, { readUploads: () => readSlotUploads(request), ip: request.ip }),
  );

  // ── 考核机构审核 (authority) ──
  app.get(
    '/applications',
    { schema: { tags, summary: '考核机构申请列表', querystring: applicationListQuerySchema, response: { 200: applicationListSchema, ...errors } } },
    async (request) => listApplications(db, authed(request).actor, request.query),
  );
  app.get(
    '/applications/:id',
    { schema: { tags, summary: '考核机构申请详情（附件）', params: idParamSchema, response: { 200: applicationDetailSchema, ...errors } } },
    async (request) => applicationDetail(db, authed(request).actor, request.params.id),
  );
  app.post(
    '/applications/:id/approve',
    { schema: { tags, summary: '通过考核机构申请', params: idParamSchema, response: { 200: applicationDetailSchema, ...errors } } },
    async (request) => approveApplication(db, authed(request).actor, request.params.id, request.ip),
  );
  app.post(
    '/applications/:id/reject',
    { schema: { tags, summary: '驳回考核机构申请', params: idParamSchema, body: rejectBodySchema, response: { 200: applicationDetailSchema, ...errors } } },
    async (request) => rejectApplication(db, authed(request).actor, request.params.id, request.body, request.ip),
  );

  // ── 指定考核机构 (authority) ──
  app.get(
    '',
    { schema: { tags, summary: '可指定的考核机构（本省本周期已通过）', querystring: assessorOptionsQuerySchema, response: { 200: assessorOptionListSchema, ...errors } } },
    async (request) => listAssessorOptions(db, authed(request).actor, request.query),
  );
  app.get(
    '/assignments',
    { schema: { tags, summary: '指定考核机构：机构及其考核机构', querystring: assignmentListQuerySchema, response: { 200: assignmentListSchema, ...errors } } },
    async (request) => listAssignments(db, authed(request).actor, request.query),
  );
  app.post(
    '/assignments',
    { schema: { tags, summary: '指定考核机构', body: assignBodySchema, response: { 200: assignResultSchema, ...errors } } },
    async (request) => assignAssessor(db, authed(request).actor, request.body, request.ip),
  );

  // ── 考核委员会 / 考核办公室 (institution or assessor) ──
  app.get(
    '/committee-members',
    { schema: { tags, summary: '考核委员会 / 考核办公室成员', querystring: committeeListQuerySchema, response: { 200: committeeMemberListSchema, ...errors } } },
    async (request) => listMembers(db, authed(request).actor, request.query),
  );
  app.post(
    '/committee-members',
    { schema: { tags, summary: '添加成员', body: createCommitteeMemberBodySchema, response: { 200: committeeMemberSchema, ...errors } } },
    async (request) => createMember(db, authed(request).actor, request.body, request.ip),
  );
  app.put(
    '/committee-members/:id',
    { schema: { tags, summary: '修改成员', params: idParamSchema, body: committeeMemberFieldsSchema, response: { 200: committeeMemberSchema, ...errors } } },
    async (request) => updateMember(db, authed(request).actor, request.params.id, request.body, request.ip),
  );
  app.delete(
    '/committee-members/:id',
    { schema: { tags, summary: '删除成员', params: idParamSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await deleteMember(db, authed(request).actor, request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );
};
