// Reads the 通知公告 form (multipart/form-data: fields and attachment files) into validated input.
import type { FastifyRequest } from 'fastify';
import { NOTICE_ATTACHMENT_MAX_MB, NOTICE_ATTACHMENTS_MAX, noticeFieldsSchema } from '../../../common/schemas/notices.js';
import { badRequest } from '../../lib/errors.js';
import type { z } from 'zod';

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

export interface NoticeForm {
  fields: z.output<typeof noticeFieldsSchema>;
  files: UploadedFile[];
}

const ATTACHMENTS = 'attachments';
const multipartErrors: Record<string, [string, string]> = {
  FST_REQ_FILE_TOO_LARGE: [`附件：文件不能超过${NOTICE_ATTACHMENT_MAX_MB}MB`, `文件不能超过${NOTICE_ATTACHMENT_MAX_MB}MB`],
  FST_FILES_LIMIT: [`附件：最多上传${NOTICE_ATTACHMENTS_MAX}个文件`, `最多上传${NOTICE_ATTACHMENTS_MAX}个文件`],
  FST_PARTS_LIMIT: ['表单内容过多', '表单内容过多'],
  FST_FIELDS_LIMIT: ['表单内容过多', '表单内容过多'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: ['请以 multipart/form-data 表单提交', '请以表单提交'],
};

/** Every field and file of the request; 400 with a Chinese message naming the field when anything is wrong. */
export async function readNoticeForm(request: FastifyRequest): Promise<NoticeForm> {
  const values: Record<string, string> = {};
  const removeFileIds: string[] = [];
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== ATTACHMENTS) {
          await part.toBuffer();
          continue;
        }
        files.push({ filename: part.filename, data: await part.toBuffer() });
      } else if (part.fieldname === 'removeFileIds') {
        removeFileIds.push(String(part.value));
      } else {
        values[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const known = multipartErrors[code];
    if (known) throw badRequest(known[0], { [code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' ? ATTACHMENTS : '_']: known[1] });
    throw error;
  }
  const parsed = noticeFieldsSchema.safeParse({ ...values, removeFileIds });
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? '_')] ??= issue.message;
    throw badRequest(Object.values(fields)[0] ?? '请求参数不正确', fields);
  }
  return { fields: parsed.data, files };
}
