// 合格证书 PDFs: how many one core renders per second (each certificate its own document, as 下载证书 / 打印 make
// them), and a batch of 5,000 as one streamed multi-page PDF (批量下载证书): time, size and the process's peak RSS.
// The pages are built in memory (distinct names and numbers, a JPEG photo, a seal), so the figures are the PDF's own
// cost; reading 5,000 rows in batches of 500 and the photos from storage comes on top (see bench/README.md).
//
//   npx tsx bench/certificates.ts [--single 300] [--batch 5000] [--photo file.jpg] [--out file.json]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { pdfkitWithFonts } from '../server/lib/pdf.js';
import { certificatesPdf, type CertificatePage } from '../server/modules/certificates/pdf.js';

const { values } = parseArgs({
  options: {
    single: { type: 'string', default: '300' },
    batch: { type: 'string', default: '5000' },
    photo: { type: 'string', default: 'node_modules/@fastify/static/example/public/images/sample.jpg' },
    out: { type: 'string' },
  },
});

const photo = fs.existsSync(values.photo!) ? fs.readFileSync(values.photo!) : null;
// A 1×1 transparent PNG stands for the seal (its drawing cost, not its pixels, is what is measured).
const seal = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const given = '明华建国丽娟伟强磊军洋勇艳杰娜涛超秀英敏静芳';

function page(i: number): CertificatePage {
  const number = `990000${2021}${String(i + 1).padStart(7, '0')}`;
  return {
    number,
    name: `${surnames[i % surnames.length]}${given[(i * 7) % given.length]}${given[(i * 13) % given.length]}`,
    sexLabel: i % 2 ? '女' : '男',
    idNumber: `4301*****${String(i % 100).padStart(2, '0')}`,
    practiceCategoryLabel: ['临床', '中医', '口腔', '公共卫生'][i % 4],
    practiceScope: ['内科专业', '外科专业', '妇产科专业', '儿科专业'][i % 4],
    physicianLevelLabel: i % 3 ? '执业医师' : '执业助理医师',
    institutionName: `演示市第${(i % 40) + 1}人民医院`,
    cycleName: '2021-2023年度',
    issuedOn: '2024-01-15',
    issuerName: '演示省卫生健康委员会',
    verifyUrl: `https://dqkh.example.gov.cn/verify?n=${number}&t=AbCdEfGhIjKlMnOp`,
    photo,
    seal,
  };
}

/** Streams a document into nothing, counting its bytes. */
async function drain(doc: NodeJS.ReadableStream): Promise<number> {
  let bytes = 0;
  await pipeline(doc, new Writable({ write(chunk: Buffer, _e, done) { bytes += chunk.length; done(); } }));
  return bytes;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function main() {
  let t = performance.now();
  await pdfkitWithFonts();
  const fontLoadMs = Math.round(performance.now() - t);
  await drain(await certificatesPdf([page(0)])); // warm-up: the glyph cache, the JIT

  const single = Number(values.single);
  const sizes: number[] = [];
  t = performance.now();
  for (let i = 0; i < single; i++) sizes.push(await drain(await certificatesPdf([page(i)])));
  const singleSeconds = (performance.now() - t) / 1000;

  const batch = Number(values.batch);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const file = path.join(os.tmpdir(), 'bench-certificates-batch.pdf');
  t = performance.now();
  async function* pages() {
    for (let i = 0; i < batch; i++) {
      yield page(i);
      // Rows arrive in batches from the database: yield to the event loop as the route does.
      if (i % 500 === 499) await new Promise((r) => setImmediate(r));
    }
  }
  await pipeline(await certificatesPdf(pages()), fs.createWriteStream(file));
  const batchSeconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const result = {
    node: process.version,
    cpu: os.cpus()[0]?.model,
    photo: photo ? `${Math.round(photo.length / 1024)} KB JPEG` : 'none',
    fontLoadMs,
    single: { documents: single, seconds: +singleSeconds.toFixed(2), perSecond: +(single / singleSeconds).toFixed(1), msEach: +((singleSeconds * 1000) / single).toFixed(1), kbEach: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024) },
    batch: { pages: batch, seconds: +batchSeconds.toFixed(1), pagesPerSecond: +(batch / batchSeconds).toFixed(1), fileMB: +(fs.statSync(file).size / 1024 / 1024).toFixed(1), rssBeforeMB: mb(rssBefore), peakRssMB: mb(peak), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) },
  };
  fs.rmSync(file, { force: true });
  console.log(JSON.stringify(result, null, 2));
  if (values.out) fs.writeFileSync(values.out, JSON.stringify(result, null, 2));
}

await main();
