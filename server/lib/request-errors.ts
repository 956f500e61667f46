// Chinese answers for what Fastify and its plugins refuse before a route runs (size limits, broken JSON,
// content types), each naming the limit or what was wrong instead of a generic 「请求格式不正确」.
import type { FastifyRequest } from 'fastify';
import { MB } from './uploads.js';

/** The multipart limits every route shares (routes with smaller file limits check their own). */
export const MULTIPART_LIMITS = { fileSize: 20 * MB, files: 10, fields: 50 } as const;
export const BODY_LIMIT = 1 * MB;

const mb = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

export function requestErrorMessage(error: { code?: string; statusCode?: number }, request: FastifyRequest): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `上传内容超过大小限制（最大 ${mb(request.routeOptions.bodyLimit ?? BODY_LIMIT)}）`;
    case 'FST_REQ_FILE_TOO_LARGE':
      return `上传文件超过大小限制（最大 ${mb(MULTIPART_LIMITS.fileSize)}）`;
    case 'FST_FILES_LIMIT':
      return `上传文件过多（最多 ${MULTIPART_LIMITS.files} 个）`;
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return `表单字段过多（最多 ${MULTIPART_LIMITS.fields} 个）`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return '不支持的请求内容类型（Content-Type）';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return '请求内容为空，须为JSON对象';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return '请求内容不是有效的JSON';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return '请求长度与内容不符';
  }
  if (error.statusCode === 413) return `上传内容超过大小限制（最大 ${mb(request.routeOptions.bodyLimit ?? BODY_LIMIT)}）`;
  if (error instanceof SyntaxError) return '请求内容不是有效的JSON';
  return '请求格式不正确';
}
