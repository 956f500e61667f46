// Test data for 考核机构 applications: real file bytes (type is checked by content) and multipart bodies.
import { assessorApplicationPermissions } from '../db/schema/index.js';
import type { Database } from '../db/client.js';
import type { Client } from './app.js';

/** The smallest PDF that file-type recognises as application/pdf. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
/** A 1×1 PNG. */
export const PNG_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export interface UploadFile {
  name: string;
  data: Buffer;
}

/** A multipart/form-data body (built by the platform's FormData) for app.inject. */
export async function multipart(files: Record<string, UploadFile>): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [field, file] of Object.entries(files)) form.append(field, new Blob([new Uint8Array(file.data)]), file.name);
  const response = new Response(form);
  return { payload: Buffer.from(await response.arrayBuffer()), headers: { 'content-type': response.headers.get('content-type')! } };
}

/** The four required attachments (slots 1–4), optionally with the fifth. */
export function requiredSlots(withFifth = false): Record<string, UploadFile> {
  const files: Record<string, UploadFile> = {
    slot1: { name: '考核机构信息登记表.pdf', data: PDF_BYTES },
    slot2: { name: '执业许可证.png', data: PNG_BYTES },
    slot3: { name: '考核委员会组织架构.pdf', data: PDF_BYTES },
    slot4: { name: '工作制度和实施方案.pdf', data: PDF_BYTES },
  };
  if (withFifth) files.slot5 = { name: '其他材料.png', data: PNG_BYTES };
  return files;
}

export async function postApplication(client: Client, files: Record<string, UploadFile>) {
  const { payload, headers } = await multipart(files);
  return client.post('/api/v1/assessors/my-application', payload, headers);
}

export async function openPermission(db: Database, cycleId: number, institutionId: number, openedBy: number) {
  await db.insert(assessorApplicationPermissions).values({ cycleId, institutionId, openedBy }).onConflictDoNothing();
}
