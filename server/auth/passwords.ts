// Password hashing (argon2id) and the check of an initial password that has never been changed.
import crypto from 'node:crypto';
import argon2 from 'argon2';
import type { InitialPasswordRule } from '../../common/enums.js';
import { initialPassword } from '../../common/password.js';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

function equalInConstantTime(a: string, b: string): boolean {
  const left = crypto.createHash('sha256').update(a).digest();
  const right = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(left, right);
}

/**
 * A null hash means the account still has the province's initial password, derived from the account
 * name by the policy's rule, so a whole province can be imported without hashing 400k passwords.
 */
export async function verifyPassword(
  password: string,
  stored: { hash: string | null; rule: InitialPasswordRule; account: string },
): Promise<boolean> {
  if (stored.hash === null) return equalInConstantTime(password, initialPassword(stored.rule, stored.account));
  try {
    return await argon2.verify(stored.hash, password);
  } catch {
    return false;
  }
}
