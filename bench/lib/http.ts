// A minimal API client for the benchmark on node:http (fetch would give up on a slow import after 300 s):
// keeps the session cookies, sends the CSRF header on mutations, reuses connections like a browser, and
// times each request from send to the last byte of the body.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 500)}`);
  }
}

export interface Timed<T> {
  ms: number;
  value: T;
}

export interface Upload {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export class ApiClient {
  private readonly cookies = new Map<string, string>();
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

  constructor(readonly baseUrl: string) {}

  /** A cookie the server set (e.g. the session's, for timing the same request without HTTP). */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Sends a request and hands each body chunk to `onChunk` (or keeps the body when none is given). */
  private send(method: string, path: string, body: Buffer | null, contentType: string | null, onChunk?: (chunk: Buffer) => void) {
    const headers: Record<string, string> = { 'accept-encoding': 'gzip' };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('csrf_token');
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
    if (contentType) headers['content-type'] = contentType;
    if (body) headers['content-length'] = String(body.length);
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; bytes: number }>((resolve, reject) => {
      const request = http.request(`${this.baseUrl}${path}`, { method, headers, agent: this.agent }, (response) => {
        for (const line of response.headers['set-cookie'] ?? []) {
          const [pair] = line.split(';');
          const at = pair.indexOf('=');
          this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
        }
        const chunks: Buffer[] = [];
        let bytes = 0;
        const keep = !onChunk || (response.statusCode ?? 500) >= 400;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (keep) chunks.push(chunk);
          else onChunk!(chunk);
        });
        response.on('end', () => {
          const result = { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), bytes };
          if (result.status >= 400) reject(new ApiError(result.status, decoded(result).toString('utf8')));
          else resolve(result);
        });
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body ?? undefined);
    });
  }

  /** JSON call, timed to the end of the body. */
  async json<T>(method: string, path: string, body?: unknown): Promise<Timed<T>> {
    const start = performance.now();
    const response = await this.send(method, path, body === undefined ? null : Buffer.from(JSON.stringify(body)), body === undefined ? null : 'application/json');
    const text = decoded(response).toString('utf8');
    return { ms: performance.now() - start, value: (text ? JSON.parse(text) : null) as T };
  }

  /** Multipart upload of one file, answered with JSON. */
  async upload<T>(path: string, file: Upload): Promise<Timed<T>> {
    const boundary = `----bench${Date.now().toString(16)}`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`;
    const body = Buffer.concat([Buffer.from(head), file.data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const start = performance.now();
    const response = await this.send('POST', path, body, `multipart/form-data; boundary=${boundary}`);
    return { ms: performance.now() - start, value: JSON.parse(decoded(response).toString('utf8')) as T };
  }

  /** A download read to the end without keeping it: bytes on the wire and time. */
  async drain(path: string): Promise<Timed<{ bytes: number; contentType: string | undefined }>> {
    const start = performance.now();
    const response = await this.send('GET', path, null, null, () => {});
    return { ms: performance.now() - start, value: { bytes: response.bytes, contentType: response.headers['content-type'] } };
  }

  async buffer(path: string): Promise<Buffer> {
    return decoded(await this.send('GET', path, null, null));
  }

  async login(account: string, password: string): Promise<void> {
    this.cookies.clear();
    await this.json('POST', '/api/v1/auth/login', { tab: 'organization', account, password, captcha: '' });
  }

  close(): void {
    this.agent.destroy();
  }
}

function decoded(response: { headers: http.IncomingHttpHeaders; body: Buffer }): Buffer {
  return response.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(response.body) : response.body;
}
