// Face similarity in a worker thread, so the model never runs on the event loop that answers requests. The models
// load from the @vladmandic/face-api package folder (nothing is fetched); TensorFlow.js runs on its WASM backend,
// whose binary is found beside the backend's own module. Messages: { id, referenceKey, reference, snapshot } →
// { id, result } or { id, error }. The reference photo's descriptor is kept per `referenceKey` (a photo's file id).
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const jpeg = require('jpeg-js');
const { PNG } = require('pngjs');

const MODEL_DIR = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
/** The detector's own default; below it a face is not counted. */
const MIN_CONFIDENCE = 0.5;
const REFERENCE_CACHE = 500;

let ready;
function load() {
  ready ??= (async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    await faceapi.nets.ssdMobilenetv1.loadFromDisk(MODEL_DIR);
    await faceapi.nets.faceLandmark68Net.loadFromDisk(MODEL_DIR);
    await faceapi.nets.faceRecognitionNet.loadFromDisk(MODEL_DIR);
  })();
  return ready;
}

/** RGB tensor of a JPEG or PNG (by its first bytes). */
function decode(buffer) {
  const bytes = Buffer.from(buffer);
  let width;
  let height;
  let rgba;
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 50, maxMemoryUsageInMB: 512 });
    ({ width, height } = image);
    rgba = image.data;
  } else if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    const image = PNG.sync.read(bytes);
    ({ width, height } = image);
    rgba = image.data;
  } else {
    throw new Error('unsupported image');
  }
  const rgb = new Int32Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i];
    rgb[j + 1] = rgba[i + 1];
    rgb[j + 2] = rgba[i + 2];
  }
  return tf.tensor3d(rgb, [height, width, 3], 'int32');
}

async function describe(buffer) {
  const tensor = decode(buffer);
  try {
    const faces = await faceapi
      .detectAllFaces(tensor, new faceapi.SsdMobilenetv1Options({ minConfidence: MIN_CONFIDENCE, maxResults: 10 }))
      .withFaceLandmarks()
      .withFaceDescriptors();
    return faces.map((f) => f.descriptor);
  } finally {
    tensor.dispose();
  }
}

const references = new Map();

async function referenceDescriptors(key, buffer) {
  if (key && references.has(key)) return references.get(key);
  const descriptors = await describe(buffer);
  if (key) {
    if (references.size >= REFERENCE_CACHE) references.delete(references.keys().next().value);
    references.set(key, descriptors);
  }
  return descriptors;
}

/** similarity = round(100 × (1 − Euclidean distance)) between the reference's face and the closest face of the snapshot. */
async function compare({ referenceKey, reference, snapshot }) {
  await load();
  const started = performance.now();
  const ref = await referenceDescriptors(referenceKey, reference);
  const faces = await describe(snapshot);
  let similarity = null;
  if (ref.length > 0 && faces.length > 0) {
    const best = Math.min(...faces.map((d) => faceapi.euclideanDistance(ref[0], d)));
    similarity = Math.max(0, Math.min(100, Math.round(100 * (1 - best))));
  }
  return { faces: faces.length, referenceFaces: ref.length, similarity, ms: Math.round(performance.now() - started) };
}

let queue = Promise.resolve();
parentPort.on('message', (message) => {
  // One comparison at a time: the worker is one core's worth of work, never more.
  queue = queue.then(async () => {
    try {
      parentPort.postMessage({ id: message.id, result: await compare(message) });
    } catch (error) {
      parentPort.postMessage({ id: message.id, error: String(error?.message ?? error) });
    }
  });
});
