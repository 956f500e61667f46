// Upload checks: the type is read from the content (file-type), never trusted from the name.
import { fileTypeFromBuffer } from 'file-type';
import { CONTROL_CHARS } from '../../common/schemas/fields.js';
import { badRequest } from './errors.js';

export const fileKinds = ['pdf', 'jpg', 'png', 'word', 'excel'] as const;
export type FileKind = (typeof fileKinds)[number];

const kindLabels: Record<FileKind, string> = { pdf: 'PDF', jpg: 'JPG', png: 'PNG', word: 'Word', excel: 'Excel' };

/** Detected MIME types per kind; old .doc/.xls are OLE compound files (`application/x-cfb`). */
const kindByMime: Record<string, { kind: FileKind; extensions: string[] }[]> = {
  'application/pdf': [{ kind: 'pdf', extensions: ['pdf'] }],
  'image/jpeg': [{ kind: 'jpg', extensions: ['jpg', 'jpeg'] }],
  'image/png': [{ kind: 'png', extensions: ['png'] }],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [{ kind: 'word', extensions: ['docx'] }],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [{ kind: 'excel', extensions: ['xlsx'] }],
  'application/x-cfb': [
    { kind: 'word', extensions: ['doc'] },
    { kind: 'excel', extensions: ['xls'] },
  ],
};

export const MB = 1024 * 1024;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * file-type recognises an .xlsx only when `[Content_Types].xml` is the zip's first entry, as Excel writes it;
 * streaming writers (ours included) put it last. Such a zip is a workbook when its central directory names
 * both parts (the names are stored uncompressed); exceljs then reads it or says it cannot.
 */
function isXlsxZip(data: Buffer): boolean {
  return data.includes('[Content_Types].xml') && data.includes('xl/workbook.xml');
}

export interface CheckedUpload {
  kind: FileKind;
  mimeType: string;
  extension: string;
}

/**
 * Accepts the file when its content is one of `allowed` kinds, its name's extension agrees with the
 * content, and it is not larger than `maxBytes`; otherwise a Chinese 400 naming the field.
 */
export async function checkUpload(
  data: Buffer,
  filename: string,
  options: { allowed: readonly FileKind[]; maxBytes: number; field: string; fieldLabel: string },
): Promise<CheckedUpload> {
  const { allowed, maxBytes, field, fieldLabel } = options;
  const allowedText = allowed.map((k) => kindLabels[k]).join('、');
  // The name is stored and shown; PostgreSQL refuses NUL in text.
  if (CONTROL_CHARS.test(filename)) throw badRequest(`${fieldLabel}：文件名含有非法字符`, { [field]: '文件名含有非法字符' });
  if (data.length === 0) throw badRequest(`${fieldLabel}：文件为空`, { [field]: '文件为空' });
  if (data.length > maxBytes) {
    const limit = maxBytes >= MB ? `${Math.round(maxBytes / MB)}MB` : `${Math.round(maxBytes / 1024)}KB`;
    throw badRequest(`${fieldLabel}：文件不能超过${limit}`, { [field]: `文件不能超过${limit}` });
  }
  const detected = await fileTypeFromBuffer(data);
  const extension = filename.split('.').pop()?.toLowerCase() ?? '';
  const mime = detected?.mime === 'application/zip' && isXlsxZip(data) ? XLSX_MIME : detected?.mime;
  const match = mime ? kindByMime[mime]?.find((c) => allowed.includes(c.kind) && c.extensions.includes(extension)) : undefined;
  if (!mime || !match) {
    throw badRequest(`${fieldLabel}：只能上传${allowedText}文件（按文件内容识别）`, { [field]: `只能上传${allowedText}文件` });
  }
  return { kind: match.kind, mimeType: mime === 'application/x-cfb' ? (match.kind === 'word' ? 'application/msword' : 'application/vnd.ms-excel') : mime, extension };
}
