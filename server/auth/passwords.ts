// Password hashing (argon2id) and the check of an initial password that has never been changed.
import crypto from 'node:crypto';
import argon2 from 'argon2';
import type { InitialPasswordRule } from '../../common/enums.js';
import { initialPassword } from '../../common/password.js';

/** argon2's own defaults for argon2id: 64 MiB, 3 passes, 4 lanes (about 170 ms of two cores per hash). */
export const PRODUCTION_HASHING = { type: argon2.argon2id, memoryCost: 65536, timeCost: 3, parallelism: 4 } as const;
/**
 * Under the test runner (NODE_ENV=test) a hash costs about 1 ms: the suite logs in thousands of times on a 2-core
 * machine, and what it checks (which password matches, that every answer costs one verification) does not depend
 * on the cost. Anything else, the demo included, gets the production parameters.
 */
const TEST_HASHING = { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

export function hashingParameters(env: NodeJS.ProcessEnv = process.env) {
  return env.NODE_ENV === 'test' ? TEST_HASHING : PRODUCTION_HASHING;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, hashingParameters());
}

let dummy: Promise<string> | undefined;
/**
 * The hash of nobody's password (a random one), made with the parameters `hashPassword` uses: checking a password
 * against it costs what checking a real account's does, so the time of an answer does not tell whether the account
 * exists or still has its initial password.
 */
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(crypto.randomBytes(32).toString('base64')));
}

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
  await argon2Matches(await dummyHash(), password);
  return stored !== null && equalInConstantTime(password, initialPassword(stored.rule, stored.account));
}
