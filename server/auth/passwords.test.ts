import { describe, expect, it } from 'vitest';
import { PRODUCTION_HASHING, dummyHash, hashPassword, hashingParameters, verifyPassword } from './passwords.js';

const params = (hash: string) => hash.split('$').slice(1, 4).join('$');

describe('verifyPassword', () => {
  it('checks unknown accounts against a hash as costly as a real one', async () => {
    expect(params(await dummyHash())).toBe(params(await hashPassword('Anything#1')));
    expect(await verifyPassword('Anything#1', null)).toBe(false);
  });

  it('hashes with the production argon2 parameters anywhere but under the test runner', () => {
    expect(hashingParameters({ NODE_ENV: 'production' })).toBe(PRODUCTION_HASHING);
    expect(hashingParameters({})).toBe(PRODUCTION_HASHING);
    expect(PRODUCTION_HASHING).toMatchObject({ memoryCost: 65536, timeCost: 3, parallelism: 4 });
  });

  it('accepts the initial password of an account that never set one', async () => {
    expect(await verifyPassword('666666', { hash: null, rule: 'fixed666666', account: 'JG0001' })).toBe(true);
    expect(await verifyPassword('123456*Dk', { hash: null, rule: 'idSuffixDk', account: 'JG123456' })).toBe(true);
    expect(await verifyPassword('666666', { hash: null, rule: 'idSuffixDk', account: 'JG123456' })).toBe(false);
  });
});
