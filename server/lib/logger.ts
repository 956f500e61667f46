// The server's logger options: JSON lines (pino) that never carry personal data or secrets. Requests are
// logged by path and route pattern without the query string (filters carry 证件号码, names, phone numbers);
// errors without the SQL parameters or row values the database driver attaches; headers never.
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';

/** Keys whose values never reach a log line, wherever a caller puts them in a logged object. */
const SECRET_KEYS = ['password', 'oldPassword', 'newPassword', 'idNumber', 'phone', 'smsCode', 'captcha', 'sid', 'token', 'cookie', 'authorization'];

export const redactPaths = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  'req.headers',
  'res.headers',
  'sms.phone',
  'sms.content',
];

/** The path without the query string. */
export function pathOnly(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/**
 * The query's parameter list, and values the database quotes in its messages (「value "…" is out of range」,
 * 「Key (phone)=(…)」); quoted SQL identifiers (「relation "accounts"」) stay, they help and hold no data.
 */
function scrub(message: string): string {
  return message
    .replace(/\nparams: [\s\S]*$/, '\nparams: [redacted]')
    .replace(/"([^"]*)"/g, (quoted, inner: string) => (/^[a-z_][a-z0-9_.]*$/i.test(inner) ? quoted : '"[redacted]"'))
    .replace(/=\([^)]*\)/g, '=([redacted])');
}

interface SerializedError {
  type: string;
  message: string;
  code?: string;
  stack: string;
  cause?: SerializedError;
  [key: string]: unknown;
}

/** An error as logged: type, code, scrubbed message and stack frames — never `detail`, `parameters`, `params`, `query` values. */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '[non-error thrown]', stack: '' };
  const message = scrub(error.message);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor?.name ?? 'Error',
    message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    stack: [`${error.name}: ${message}`, ...frames].join('\n'),
    ...(error.cause && depth < 3 ? { cause: serializeError(error.cause, depth + 1) } : {}),
  };
}

export interface LogOptions {
  level?: string;
  /** Where the JSON lines go (stdout by default); tests pass a buffer to read them back. */
  stream?: Writable;
}

/** Fastify server options for logging: the logger and request ids unique across instances. */
export function loggingOptions(options: LogOptions | false): Pick<FastifyServerOptions, 'genReqId' | 'logger'> {
  return {
    genReqId: () => randomUUID(),
    logger: options && {
      level: options.level ?? 'info',
      ...(options.stream ? { stream: options.stream } : {}),
      redact: { paths: redactPaths, censor: '[redacted]' },
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: pathOnly(request.url),
          route: request.routeOptions?.url,
          remoteAddress: request.ip,
        }),
        res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
        err: serializeError,
      },
    } as FastifyServerOptions['logger'],
  };
}
