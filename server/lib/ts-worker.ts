// Worker threads whose code is TypeScript, run from an esbuild bundle of their entry made once per process. Loading
// the sources through tsx in the thread took 1.4–2.7 s to start under a suite's load (a loader and a transform per
// module); the bundle, 0.5–1.1 s. The entry reads its input with `workerInput()` (worker-input.ts).
import { createHash } from 'node:crypto';
import { on } from 'node:events';
import { access, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const bundles = new Map<string, Promise<URL>>();

/**
 * A day: a bundle of the same entry older than this is another code version's (an instance still running it writes it
 * again at its next start of a worker), and a partial file this old was left by a process that died while writing.
 */
const STALE_MS = 24 * 60 * 60 * 1000;

/** Deletes the stale bundles and partial files of `name` in `dir` except `keep`; one another process took first is fine. */
async function sweep(dir: string, name: string, keep: string): Promise<void> {
  const now = Date.now();
  for (const file of await readdir(dir)) {
    // `<name>-<hash>.mjs`, or a partial one with `.<pid>.<time>` after it.
    const ours = file.startsWith(`${name}-`) && /^[0-9a-f]{16}\.mjs(\.\d+\.\d+)?$/.test(file.slice(name.length + 1));
    if (!ours || file === keep) continue;
    const at = path.join(dir, file);
    const modified = await stat(at).then((s) => s.mtimeMs, () => now);
    if (now - modified > STALE_MS) await rm(at, { force: true });
  }
}

/**
 * The entry and everything it imports as one ES module file, named by its content (instances built from the same
 * sources share it; each writes its own copy and renames it into place). Not a data: URL: loading one that size
 * needed more than the import's bounded heap.
 */
async function bundle(entry: URL): Promise<URL> {
  const { build } = await import('esbuild');
  // A path, not the URL's percent-encoded pathname: an install folder may have Chinese characters or spaces in it.
  const file = fileURLToPath(entry);
  const { outputFiles } = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    // The CommonJS packages inside (exceljs and its zip reader) require Node's own modules.
    banner: { js: `import { createRequire } from 'node:module'; const require = createRequire(${JSON.stringify(entry.href)});` },
  });
  const code = outputFiles[0].contents;
  const dir = path.join(tmpdir(), 'physician-assessment-workers');
  const bundled = path.join(dir, `${path.basename(file, '.ts')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  await mkdir(dir, { recursive: true });
  const partial = `${bundled}.${process.pid}.${Date.now()}`;
  await writeFile(partial, code);
  await rename(partial, bundled);
  // Each code version writes its own file; without this the folder keeps one for every version ever run.
  await sweep(dir, path.basename(file, '.ts'), path.basename(bundled)).catch(() => undefined);
  return pathToFileURL(bundled);
}

/** Starts `entry` (a .ts module's URL) in a worker thread with `input` as its data. */
export async function startTsWorker(entry: URL, input: unknown, options: Omit<WorkerOptions, 'workerData' | 'eval'> = {}): Promise<Worker> {
  let made = bundles.get(entry.href);
  // Made again if the file went meanwhile (a cleaner of the temporary folder).
  if (made && !(await made.then((url) => access(url)).then(() => true, () => false))) made = undefined;
  if (!made) {
    made = bundle(entry);
    bundles.set(entry.href, made);
    made.catch(() => bundles.delete(entry.href));
  }
  // Not the server's own flags (tsx's loader): the bundle is plain JavaScript.
  return new Worker(await made, { execArgv: [], ...options, workerData: { input } });
}

/**
 * The worker's messages as they come; ends when it exits, throws what it throws (e.g. running out of memory). Call it
 * right after starting the worker: it listens from the call on, and a message posted before anyone listens is lost
 * (an import waiting for another's transaction on PGlite once missed every message of its small file).
 */
export function workerMessages<T>(worker: Worker): AsyncGenerator<T> {
  const events = on(worker, 'message', { close: ['exit'] });
  return (async function* () {
    for await (const [message] of events) yield message as T;
  })();
}
