import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPii, loadOrCreateKeyFile, parseKeys, type PiiKeys } from './pii.js';

const randomKeys = (): PiiKeys => ({ encryptionKey: crypto.randomBytes(32), hmacKey: crypto.randomBytes(32) });

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pii-test-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('encrypt / decrypt', () => {
  const pii = createPii(randomKeys());

  it.each(['430102198001010011', '11010519491231002X', '军字第1234567号', '', '张三 医师 ✓'])('round-trips %j', (plain) => {
    const stored = pii.encrypt(plain);
    expect(pii.decrypt(stored)).toBe(plain);
  });

  it('does not store the plain text', () => {
    const stored = pii.encrypt('430102198001010011');
    expect(stored).not.toContain('430102198001010011');
    expect(stored.startsWith('v1.')).toBe(true);
    expect(stored.split('.')).toHaveLength(4);
  });

  it('gives a different cipher text each time (random IV), both decrypting to the value', () => {
    const a = pii.encrypt('430102198001010011');
    const b = pii.encrypt('430102198001010011');
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
    expect(pii.decrypt(a)).toBe('430102198001010011');
    expect(pii.decrypt(b)).toBe('430102198001010011');
  });

  it('refuses a cipher text whose body was tampered with', () => {
    const [v, iv, tag, body] = pii.encrypt('430102198001010011').split('.');
    const bytes = Buffer.from(body, 'base64');
    bytes[0] ^= 0x01;
    expect(() => pii.decrypt([v, iv, tag, bytes.toString('base64')].join('.'))).toThrow();
  });

  it('refuses a cipher text whose auth tag or IV was tampered with', () => {
    const [v, iv, tag, body] = pii.encrypt('430102198001010011').split('.');
    const badTag = Buffer.from(tag, 'base64');
    badTag[0] ^= 0x80;
    expect(() => pii.decrypt([v, iv, badTag.toString('base64'), body].join('.'))).toThrow();
    const badIv = Buffer.from(iv, 'base64');
    badIv[0] ^= 0x01;
    expect(() => pii.decrypt([v, badIv.toString('base64'), tag, body].join('.'))).toThrow();
  });

  it('refuses a truncated auth tag (a GCM tag must be the full 16 bytes)', () => {
    // Without { authTagLength: 16 } Node accepts 4- to 15-byte tags, so a forger only has to match 32 bits.
    const [v, iv, tag, body] = pii.encrypt('430102198001010011').split('.');
    const shortTag = Buffer.from(tag, 'base64').subarray(0, 4).toString('base64');
    expect(() => pii.decrypt([v, iv, shortTag, body].join('.'))).toThrow();
  });

  it('refuses a cipher text made with another key', () => {
    const other = createPii(randomKeys());
    expect(() => other.decrypt(pii.encrypt('430102198001010011'))).toThrow();
  });

  it('refuses an unknown version', () => {
    const stored = pii.encrypt('x').replace(/^v1\./, 'v2.');
    expect(() => pii.decrypt(stored)).toThrow('unknown cipher version');
  });
});

describe('idNumberHash', () => {
  const keys = randomKeys();
  const pii = createPii(keys);

  it('is 64 hex characters (HMAC-SHA256)', () => {
    expect(pii.idNumberHash('430102198001010011')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the HMAC-SHA256 of the 18-digit form under the HMAC key', () => {
    const expected = crypto.createHmac('sha256', keys.hmacKey).update('430102198001010011').digest('hex');
    expect(pii.idNumberHash('430102800101001')).toBe(expected);
  });

  it('is equal for the 15- and 18-digit forms of the same 身份证', () => {
    expect(pii.idNumberHash('430102800101001')).toBe(pii.idNumberHash('430102198001010011'));
    expect(pii.idNumberHash('110105491231002')).toBe(pii.idNumberHash('11010519491231002X'));
  });

  it('ignores case and surrounding spaces', () => {
    expect(pii.idNumberHash('11010519491231002x')).toBe(pii.idNumberHash('11010519491231002X'));
    expect(pii.idNumberHash(' e12345678 ')).toBe(pii.idNumberHash('E12345678'));
  });

  it('differs for different people', () => {
    expect(pii.idNumberHash('430102198001010011')).not.toBe(pii.idNumberHash('11010519491231002X'));
    expect(pii.idNumberHash('430102800101001')).not.toBe(pii.idNumberHash('110105491231002'));
  });

  it('differs under another HMAC key', () => {
    const other = createPii({ encryptionKey: keys.encryptionKey, hmacKey: crypto.randomBytes(32) });
    expect(other.idNumberHash('430102198001010011')).not.toBe(pii.idNumberHash('430102198001010011'));
  });

  it('does not depend on the encryption key', () => {
    const other = createPii({ encryptionKey: crypto.randomBytes(32), hmacKey: keys.hmacKey });
    expect(other.idNumberHash('430102198001010011')).toBe(pii.idNumberHash('430102198001010011'));
  });
});

describe('parseKeys', () => {
  const b64 = (n: number) => crypto.randomBytes(n).toString('base64');

  it('accepts two base64-encoded 32-byte keys', () => {
    const enc = crypto.randomBytes(32);
    const mac = crypto.randomBytes(32);
    const keys = parseKeys(enc.toString('base64'), mac.toString('base64'));
    expect(keys.encryptionKey.equals(enc)).toBe(true);
    expect(keys.hmacKey.equals(mac)).toBe(true);
  });

  it('refuses an encryption key that is not 32 bytes, naming it', () => {
    expect(() => parseKeys(b64(16), b64(32))).toThrow('ID_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
    expect(() => parseKeys(b64(33), b64(32))).toThrow('ID_ENCRYPTION_KEY must be 32 bytes');
    expect(() => parseKeys('', b64(32))).toThrow('ID_ENCRYPTION_KEY must be 32 bytes');
  });

  it('refuses an HMAC key that is not 32 bytes, naming it', () => {
    expect(() => parseKeys(b64(32), b64(31))).toThrow('ID_HMAC_KEY must be 32 bytes, base64-encoded');
    expect(() => parseKeys(b64(32), b64(64))).toThrow('ID_HMAC_KEY must be 32 bytes');
  });

  it('refuses a 32-character key given as plain text rather than base64 of 32 bytes', () => {
    expect(() => parseKeys('0123456789abcdef0123456789abcdef', b64(32))).toThrow('ID_ENCRYPTION_KEY must be 32 bytes');
  });
});

describe('loadOrCreateKeyFile', () => {
  it('creates DATA_DIR/keys.json readable by the owner only', () => {
    const dataDir = path.join(tempDir(), 'data');
    const keys = loadOrCreateKeyFile(dataDir);
    const file = path.join(dataDir, 'keys.json');
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(keys.encryptionKey).toHaveLength(32);
    expect(keys.hmacKey).toHaveLength(32);
    expect(keys.encryptionKey.equals(keys.hmacKey)).toBe(false);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(Buffer.from(stored.idEncryptionKey, 'base64').equals(keys.encryptionKey)).toBe(true);
    expect(Buffer.from(stored.idHmacKey, 'base64').equals(keys.hmacKey)).toBe(true);
  });

  it('returns the same keys on the second call, so stored data stays readable', () => {
    const dataDir = tempDir();
    const first = loadOrCreateKeyFile(dataDir);
    const stored = createPii(first).encrypt('430102198001010011');
    const hash = createPii(first).idNumberHash('430102198001010011');
    const before = fs.readFileSync(path.join(dataDir, 'keys.json'), 'utf8');

    const second = loadOrCreateKeyFile(dataDir);
    expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);
    expect(second.hmacKey.equals(first.hmacKey)).toBe(true);
    expect(fs.readFileSync(path.join(dataDir, 'keys.json'), 'utf8')).toBe(before);
    expect(createPii(second).decrypt(stored)).toBe('430102198001010011');
    expect(createPii(second).idNumberHash('430102800101001')).toBe(hash);
  });

  it('generates different keys for different data folders', () => {
    const a = loadOrCreateKeyFile(tempDir());
    const b = loadOrCreateKeyFile(tempDir());
    expect(a.encryptionKey.equals(b.encryptionKey)).toBe(false);
    expect(a.hmacKey.equals(b.hmacKey)).toBe(false);
  });

  it('refuses a keys.json holding a key of the wrong size', () => {
    const dataDir = tempDir();
    fs.writeFileSync(
      path.join(dataDir, 'keys.json'),
      JSON.stringify({ idEncryptionKey: crypto.randomBytes(16).toString('base64'), idHmacKey: crypto.randomBytes(32).toString('base64') }),
    );
    expect(() => loadOrCreateKeyFile(dataDir)).toThrow('ID_ENCRYPTION_KEY must be 32 bytes');
  });
});
