// Login captcha (svg-captcha); answers live in the database so any app instance can check them.
import crypto from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import svgCaptcha from 'svg-captcha';
import type { Database } from '../db/client.js';
import { captchas } from '../db/schema/index.js';

const CAPTCHA_TTL_MS = 5 * 60 * 1000;
/** The cookie naming the captcha a browser was shown (path /api/v1/auth). */
export const CAPTCHA_COOKIE = 'captcha_id';

export async function createCaptcha(db: Database): Promise<{ id: string; svg: string }> {
  const { data, text } = svgCaptcha.create({ size: 4, noise: 2, ignoreChars: '0oO1iIlL', color: true, background: '#f3f6fb' });
  const id = crypto.randomUUID();
  await db.delete(captchas).where(lt(captchas.expiresAt, new Date()));
  await db.insert(captchas).values({ id, answer: text.toLowerCase(), expiresAt: new Date(Date.now() + CAPTCHA_TTL_MS) });
  return { id, svg: data };
}

/** One use only: the answer is deleted whether it matched or not. */
export async function consumeCaptcha(db: Database, id: string | undefined, answer: string): Promise<boolean> {
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) return false;
  const [row] = await db.delete(captchas).where(eq(captchas.id, id)).returning();
  if (!row || row.expiresAt.getTime() < Date.now()) return false;
  return row.answer === answer.trim().toLowerCase();
}
