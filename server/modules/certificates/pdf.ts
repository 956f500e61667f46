// The 医师定期考核合格证书 as one A4 page: title, photo, the physician's particulars, 考核结果 合格, 证书编号, 发证日期,
// 发证机关 with its seal (or the space for the stamp and the sentence the seed prints), and a QR code of the /verify
// link. Drawn as vectors (the QR too), so a page costs milliseconds and ~20 KB with its font subset.
import QRCode from 'qrcode';
import { a4Document } from '../../lib/pdf.js';

export interface CertificatePage {
  number: string;
  name: string;
  sexLabel: string;
  /** Masked, except on the physician's own download. */
  idNumber: string;
  practiceCategoryLabel: string;
  practiceScope: string;
  physicianLevelLabel: string;
  institutionName: string;
  cycleName: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  issuerName: string;
  verifyUrl: string;
  photo: Buffer | null;
  seal: Buffer | null;
}

export const STAMP_NOTICE = '定期考核合格证书需加盖发证机关公章后方可生效';

const W = 595.28;
const H = 841.89;
const INK = '#1f2937';
const RED = '#b91c1c';

export const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

function frame(doc: PDFKit.PDFDocument) {
  doc.lineWidth(3).strokeColor('#9a3412').rect(28, 28, W - 56, H - 56).stroke();
  doc.lineWidth(0.8).rect(36, 36, W - 72, H - 72).stroke();
}

function qr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / (modules.size + 2);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (modules.get(r, c)) doc.rect(x + (c + 1) * cell, y + (r + 1) * cell, cell, cell);
    }
  }
  doc.fill('#000000').restore();
}

function photoBox(doc: PDFKit.PDFDocument, photo: Buffer | null, x: number, y: number, w: number, h: number) {
  doc.lineWidth(0.8).strokeColor('#9ca3af').rect(x, y, w, h).stroke();
  if (photo) {
    try {
      doc.image(photo, x + 2, y + 2, { fit: [w - 4, h - 4], align: 'center', valign: 'center' });
      return;
    } catch {
      // An unreadable image leaves the box as for no photo.
    }
  }
  doc.font('regular').fontSize(12).fillColor('#9ca3af').text('照片', x, y + h / 2 - 8, { width: w, align: 'center' });
}

const sealUris = new WeakMap<Buffer, string>();
function sealUri(seal: Buffer): string {
  let uri = sealUris.get(seal);
  if (!uri) sealUris.set(seal, (uri = `data:image/png;base64,${seal.toString('base64')}`));
  return uri;
}

/** Adds one certificate page to `doc`. */
export function drawCertificate(doc: PDFKit.PDFDocument, c: CertificatePage): void {
  doc.addPage({ size: 'A4', margin: 0 });
  frame(doc);
  doc.font('bold').fontSize(28).fillColor(RED).text('医师定期考核合格证书', 0, 92, { width: W, align: 'center', characterSpacing: 2 });
  doc.font('regular').fontSize(11).fillColor('#6b7280').text(`证书编号：${c.number}`, 0, 138, { width: W, align: 'center' });

  photoBox(doc, c.photo, W - 72 - 100, 180, 100, 130);

  const rows: [string, string][] = [
    ['姓　　名', c.name],
    ['性　　别', c.sexLabel],
    ['证件号码', c.idNumber],
    ['执业类别', c.practiceCategoryLabel],
    ['执业范围', c.practiceScope],
    ['医师级别', c.physicianLevelLabel],
    ['工作单位', c.institutionName],
    ['考核周期', c.cycleName],
    ['考核结果', '合格'],
    ['证书编号', c.number],
    ['发证日期', chineseDate(c.issuedOn)],
    ['发证机关', c.issuerName],
  ];
  let y = 184;
  for (const [label, value] of rows) {
    doc.font('bold').fontSize(13).fillColor(INK).text(`${label}：`, 84, y, { lineBreak: false });
    doc.font('regular').fontSize(13).fillColor(label === '考核结果' ? RED : INK).text(value, 172, y, { width: y < 320 ? 240 : 340, lineBreak: false, ellipsis: true });
    y += 30;
  }

  doc.font('regular').fontSize(13).fillColor(INK)
    .text(`兹证明该医师参加${c.cycleName}医师定期考核，考核结果为合格。`, 84, y + 14, { width: W - 168, lineGap: 6 });

  // The issuer's block, bottom right: name and date, the seal stamped over them, or the space for the stamp above them.
  const sealX = W - 84 - 150;
  const sealY = 600;
  doc.font('regular').fontSize(13).fillColor(INK).text(c.issuerName, sealX - 60, sealY + 124, { width: 210, align: 'right' });
  doc.text(chineseDate(c.issuedOn), sealX - 60, sealY + 146, { width: 210, align: 'right' });
  let sealed = false;
  if (c.seal) {
    try {
      // As a data URI the seal is decoded once per document (pdfkit keeps images by their string source), not per page.
      doc.image(sealUri(c.seal), sealX + 20, sealY + 75, { fit: [120, 120], align: 'center', valign: 'center' });
      sealed = true;
    } catch {
      // An unreadable seal leaves the space for the stamp.
    }
  }
  if (!sealed) {
    doc.save().lineWidth(0.8).dash(4, { space: 3 }).strokeColor('#d1d5db').circle(sealX + 75, sealY + 50, 58).stroke().undash().restore();
    doc.font('regular').fontSize(10).fillColor('#9ca3af').text('（发证机关盖章处）', sealX, sealY + 44, { width: 150, align: 'center' });
  }

  qr(doc, c.verifyUrl, 84, 600, 110);
  doc.font('regular').fontSize(10).fillColor('#6b7280').text('扫码查验证书', 84, 714, { width: 110, align: 'center' });

  if (!sealed) doc.font('regular').fontSize(10).fillColor(RED).text(`注：${STAMP_NOTICE}。`, 0, H - 70, { width: W, align: 'center' });
}

/** Buffered output past which drawing waits for the reader (pdfkit itself pushes without regard to it). */
const BACKPRESSURE_BYTES = 1024 * 1024;

/**
 * A PDF of the pages the iterable yields, streamed: each page is written as it is drawn, and drawing waits while the
 * reader (a slow download) has more than a megabyte unread, so a 5,000-page batch never sits in memory.
 */
export async function certificatesPdf(pages: AsyncIterable<CertificatePage> | Iterable<CertificatePage>, title = '医师定期考核合格证书'): Promise<PDFKit.PDFDocument> {
  const doc = await a4Document({ title });
  let wanted: (() => void) | null = null;
  // pdfkit's _read does nothing; the stream calls it when the reader wants more, which is when drawing may go on.
  (doc as unknown as { _read: () => void })._read = () => {
    wanted?.();
    wanted = null;
  };
  let closed = false;
  // A download given up (the client went away) destroys the stream: stop drawing.
  doc.once('close', () => {
    closed = true;
    wanted?.();
  });
  (async () => {
    let any = false;
    for await (const page of pages) {
      if (closed) return;
      drawCertificate(doc, page);
      any = true;
      if (doc.readableLength > BACKPRESSURE_BYTES) await new Promise<void>((resolve) => (wanted = resolve));
    }
    if (!any) {
      doc.addPage({ size: 'A4', margin: 50 });
      doc.font('regular').fontSize(14).fillColor(INK).text('没有符合条件的合格证书。');
    }
    doc.end();
  })().catch((err: unknown) => doc.emit('error', err));
  return doc;
}
