// Password hashing (argon2id) and the check of an initial password that has never been changed.
import crypto from 'node:crypto';
import argon2 from 'argon2';
import type { InitialPasswordRule } from '../../common/enums.js';
import { initialPassword } from '../../common/password.js';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/**
 * The hash of nobody's password, with the parameters `hashPassword` uses (a test keeps them equal): checking a
 * password against it costs what checking a real account's does, so the time of an answer does not tell whether
 * the account exists or still has its initial password.
 */
export const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$KVk/B0H/gTbbCgfMd9oJJQ$vfy7doQ7gjgbgBxY/uM25PZuPESkoQpVFwoESooq3Vk';

function equalInConstantTime(a: string, b: string): boolean {
  const left = crypto.createHash('sha256').update(a).digest();
  const right = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(left, right);
}

async function argon2Matches(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * Every call costs one argon2 verification, whether the account exists (`stored` null: never matches), has a
 * hash, or still has the initial password. A null hash means the province's initial password, derived from the
 * account name by the policy's rule, so a whole province can be imported without hashing 400k passwords.
 */
export async function verifyPassword(
  password: string,
  stored: { hash: string | null; rule: InitialPasswordRule; account: string } | null,
): Promise<boolean> {
  if (stored && stored.hash !== null) return argon2Matches(stored.hash, password);
  await argon2Matches(DUMMY_HASH, password);
  return stored !== null && equalInConstantTime(password, initialPassword(stored.rule, stored.account));
}
