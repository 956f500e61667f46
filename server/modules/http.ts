// Small helpers shared by route files.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/access.js';
import type { SessionRow } from '../auth/sessions.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/sessions.js';
import { z } from 'zod';
import { apiErrorSchema } from '../../common/schemas/error.js';
import { idParam } from '../../common/schemas/fields.js';
import { unauthorized } from '../lib/errors.js';

/** The authenticated actor and session; the session hook guarantees both on non-public routes. */
export function authed(request: FastifyRequest): { actor: Actor; session: SessionRow } {
  if (!request.actor || !request.session) throw unauthorized();
  return { actor: request.actor, session: request.session };
}

export function setSessionCookies(reply: FastifyReply, token: string, csrfToken: string, secure: boolean): void {
  const base = { path: '/', sameSite: 'lax' as const, secure };
  reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** Error responses every route documents. */
export const errorResponses = {
  400: apiErrorSchema,
  401: apiErrorSchema,
  403: apiErrorSchema,
  404: apiErrorSchema,
  409: apiErrorSchema,
} as const;

/** Every `:id` route's params: a positive integer the database can hold (larger ones are a 400, not a 500). */
export const idParamSchema = idParam;
