// Face photos for 监考 tests, cut from the sample photographs that ship inside @vladmandic/face-api (demo/sample*.jpg,
// the package's own test images), so nothing is fetched: the reference (a passport-style crop of one face), the same
// face framed as a webcam frame (wider, mirrored, darker, lower JPEG quality), another person, a frame with no face
// and a frame with several. The same person appears in only one of the package's photos, so "same person" is the
// same capture re-framed, not a second photograph — it tests the pipeline and the threshold, not the model's accuracy.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import jpeg from 'jpeg-js';

const require = createRequire(import.meta.url);
const DEMO = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

const decoded = new Map<string, Rgba>();
function sample(n: number): Rgba {
  const key = `sample${n}.jpg`;
  if (!decoded.has(key)) {
    const image = jpeg.decode(fs.readFileSync(path.join(DEMO, key)), { useTArray: true, maxMemoryUsageInMB: 1024 });
    decoded.set(key, { width: image.width, height: image.height, data: image.data });
  }
  return decoded.get(key)!;
}

/** The region (x, y, w, h) of `source` scaled to width × height by area averaging; optionally mirrored and dimmed. */
function cut(source: Rgba, [x, y, w, h]: [number, number, number, number], width: number, height: number, { mirror = false, gain = 1 } = {}): Rgba {
  const data = new Uint8Array(width * height * 4);
  const sx = w / width;
  const sy = h / height;
  for (let oy = 0; oy < height; oy++) {
    for (let ox = 0; ox < width; ox++) {
      const tx = mirror ? width - 1 - ox : ox;
      const x0 = Math.floor(x + ox * sx);
      const y0 = Math.floor(y + oy * sy);
      const x1 = Math.max(x0 + 1, Math.floor(x + (ox + 1) * sx));
      const y1 = Math.max(y0 + 1, Math.floor(y + (oy + 1) * sy));
      const sum = [0, 0, 0];
      let n = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let xx = x0; xx < x1; xx++) {
          const cx = Math.min(source.width - 1, Math.max(0, xx));
          const cy = Math.min(source.height - 1, Math.max(0, yy));
          const i = (cy * source.width + cx) * 4;
          sum[0] += source.data[i];
          sum[1] += source.data[i + 1];
          sum[2] += source.data[i + 2];
          n++;
        }
      }
      const o = (oy * width + tx) * 4;
      for (let c = 0; c < 3; c++) data[o + c] = Math.min(255, Math.round((sum[c] / n) * gain));
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}

const encode = (image: Rgba, quality: number) => Buffer.from(jpeg.encode({ ...image, data: Buffer.from(image.data) }, quality).data);

export interface FaceFixtures {
  /** A registration photo: one face, 240 × 320. */
  reference: Buffer;
  /** The same face as a 320 × 240 webcam frame. */
  samePerson: Buffer;
  /** Someone else, as a webcam frame. */
  otherPerson: Buffer;
  /** A webcam frame with no face. */
  noFace: Buffer;
  /** A frame with three faces. */
  severalFaces: Buffer;
  /** Raw RGBA of the webcam frames (for a fake camera's video file). */
  samePersonFrame: Rgba;
  otherPersonFrame: Rgba;
}

let cached: FaceFixtures | null = null;

export function faceFixtures(): FaceFixtures {
  if (cached) return cached;
  const one = sample(1);
  const five = sample(5);
  const samePersonFrame = cut(one, [300, 300, 400, 300], 320, 240, { mirror: true, gain: 0.85 });
  const otherPersonFrame = cut(five, [640, 20, 440, 330], 320, 240);
  cached = {
    reference: encode(cut(one, [384, 305, 240, 320], 240, 320), 90),
    samePerson: encode(samePersonFrame, 70),
    otherPerson: encode(otherPersonFrame, 70),
    noFace: encode(cut(one, [0, 900, 400, 300], 320, 240), 70),
    severalFaces: encode(cut(one, [0, 0, one.width, one.height], 640, 427), 80),
    samePersonFrame,
    otherPersonFrame,
  };
  return cached;
}

/** A still YUV4MPEG2 video (I420) of one frame repeated, for Chromium's --use-file-for-fake-video-capture. */
export function y4mOf(frame: Rgba, frames = 30): Buffer {
  const { width, height, data } = frame;
  const ySize = width * height;
  const cw = width / 2;
  const ch = height / 2;
  const yuv = Buffer.alloc(ySize + 2 * cw * ch);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      yuv[y * width + x] = Math.round(0.257 * data[i] + 0.504 * data[i + 1] + 0.098 * data[i + 2] + 16);
    }
  }
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      const i = (2 * y * width + 2 * x) * 4;
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      yuv[ySize + y * cw + x] = Math.round(-0.148 * r - 0.291 * g + 0.439 * b + 128);
      yuv[ySize + cw * ch + y * cw + x] = Math.round(0.439 * r - 0.368 * g - 0.071 * b + 128);
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
  const parts: Buffer[] = [header];
  for (let f = 0; f < frames; f++) parts.push(Buffer.from('FRAME\n'), yuv);
  return Buffer.concat(parts);
}
