// Reads the multipart body of 申请考核机构: one file per attachment slot (fields slot1 … slot5).
import type { FastifyRequest } from 'fastify';
import { applicationFileMaxMb, applicationSlots, slotField } from '../../../common/schemas/assessor.js';
import { badRequest } from '../../lib/errors.js';
import { MB } from '../../lib/uploads.js';

export interface SlotUpload {
  slot: number;
  filename: string;
  data: Buffer;
}

const slotByField = new Map(applicationSlots.map((s) => [slotField(s.slot), s]));

function isTooLarge(error: unknown): boolean {
  return (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
}

/** The uploaded files by slot; refuses unknown fields, a second file for a slot and files over the limit. */
export async function readSlotUploads(request: FastifyRequest): Promise<Map<number, SlotUpload>> {
  if (!request.isMultipart()) throw badRequest('请上传申请附件');
  const uploads = new Map<number, SlotUpload>();
  const maxBytes = applicationFileMaxMb * MB;
  for await (const part of request.parts({ limits: { fileSize: maxBytes + 1, files: applicationSlots.length, fields: 10 } })) {
    if (part.type !== 'file') continue;
    const slot = slotByField.get(part.fieldname);
    if (!slot) {
      part.file.resume();
      throw badRequest(`未知的附件：${part.fieldname}`);
    }
    if (uploads.has(slot.slot)) throw badRequest(`${slot.slot}. ${slot.label}：只能上传一个文件`, { [part.fieldname]: '只能上传一个文件' });
    let data: Buffer;
    try {
      data = await part.toBuffer();
    } catch (error) {
      if (isTooLarge(error)) {
        throw badRequest(`${slot.slot}. ${slot.label}：文件不能超过${applicationFileMaxMb}MB`, { [part.fieldname]: `文件不能超过${applicationFileMaxMb}MB` });
      }
      throw error;
    }
    uploads.set(slot.slot, { slot: slot.slot, filename: part.filename, data });
  }
  return uploads;
}
