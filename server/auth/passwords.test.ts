import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';

const params = (hash: string) => hash.split('$').slice(1, 4).join('$');

describe('verifyPassword', () => {
  it('checks unknown accounts against a hash as costly as a real one', async () => {
    expect(params(DUMMY_HASH)).toBe(params(await hashPassword('Anything#1')));
    expect(await verifyPassword('Anything#1', null)).toBe(false);
  });

  it('accepts the initial password of an account that never set one', async () => {
    expect(await verifyPassword('666666', { hash: null, rule: 'fixed666666', account: 'JG0001' })).toBe(true);
    expect(await verifyPassword('123456*Dk', { hash: null, rule: 'idSuffixDk', account: 'JG123456' })).toBe(true);
    expect(await verifyPassword('666666', { hash: null, rule: 'idSuffixDk', account: 'JG123456' })).toBe(false);
  });
});
