// 证件号码 protection: AES-256-GCM for storage, HMAC-SHA256 blind index for lookup (DESIGN §5).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { canonicalIdNumber } from '../../common/id-number.js';

export interface PiiKeys {
  encryptionKey: Buffer;
  hmacKey: Buffer;
}

export interface Pii {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  /** Blind index of the canonical form, so the 15- and 18-digit forms of one 身份证 match. */
  idNumberHash(idNumber: string): string;
  /** Keyed hash of the last four characters of the canonical form, for the 证件号码 后几位 search. */
  idNumberTailHash(idNumberOrTail: string): string;
  /** Keyed tag of a 证书编号 for the QR code's verification link: numbers cannot be enumerated without the key. */
  certificateTag(number: string): string;
  /** For a worker thread of this process that stores 证件号码 itself (批量导入): it makes its own `createPii`. */
  readonly keys: PiiKeys;
}

/** The characters the 后几位 search indexes. */
export const ID_TAIL_LENGTH = 4;

function keyFrom(base64: string, name: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded`);
  return key;
}

export function parseKeys(encryptionKey: string, hmacKey: string): PiiKeys {
  return { encryptionKey: keyFrom(encryptionKey, 'ID_ENCRYPTION_KEY'), hmacKey: keyFrom(hmacKey, 'ID_HMAC_KEY') };
}

/** Embedded default: keys generated once into DATA_DIR/keys.json, readable by the owner only. */
export function loadOrCreateKeyFile(dataDir: string): PiiKeys {
  const file = path.join(dataDir, 'keys.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const generated = {
      idEncryptionKey: crypto.randomBytes(32).toString('base64'),
      idHmacKey: crypto.randomBytes(32).toString('base64'),
    };
    fs.writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600, flag: 'wx' });
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { idEncryptionKey: string; idHmacKey: string };
  return parseKeys(stored.idEncryptionKey, stored.idHmacKey);
}

const IV_BYTES = 12;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;
/**
 * A fresh GCM nonce, cut from random bytes drawn 1,024 nonces at a time (never reused): one call to the generator per
 * row cost an import of 100k physicians half a second.
 */
function nextIv(): Buffer {
  if (ivOffset >= ivPool.length) {
    ivPool = crypto.randomBytes(IV_BYTES * 1024);
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  return ivPool.subarray(ivOffset - IV_BYTES, ivOffset);
}

export function createPii(keys: PiiKeys): Pii {
  return {
    keys,
    encrypt(plain) {
      const iv = nextIv();
      const cipher = crypto.createCipheriv('aes-256-gcm', keys.encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    decrypt(stored) {
      const [version, iv, tag, body] = stored.split('.');
      if (version !== 'v1') throw new Error('unknown cipher version');
      const decipher = crypto.createDecipheriv('aes-256-gcm', keys.encryptionKey, Buffer.from(iv, 'base64'), { authTagLength: 16 });
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    idNumberHash(idNumber) {
      return crypto.createHmac('sha256', keys.hmacKey).update(canonicalIdNumber(idNumber)).digest('hex');
    },
    idNumberTailHash(idNumberOrTail) {
      const tail = (idNumberOrTail.length >= 15 ? canonicalIdNumber(idNumberOrTail) : idNumberOrTail.trim().toUpperCase()).slice(-ID_TAIL_LENGTH);
      return crypto.createHmac('sha256', keys.hmacKey).update(`tail:${tail}`).digest('hex');
    },
    certificateTag(number) {
      return crypto.createHmac('sha256', keys.hmacKey).update(`certificate:${number}`).digest('base64url').slice(0, 16);
    },
  };
}
