// File storage behind one interface: a local folder under DATA_DIR by default; an object store can
// implement the same three calls when app instances run on several machines.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
}

export function localStorage(root: string): Storage {
  const resolve = (key: string) => {
    if (!/^[a-z0-9/-]+$/i.test(key) || key.includes('..')) throw new Error(`invalid storage key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, data) {
      const file = resolve(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a crash never leaves half a file under the final name.
      await fs.promises.writeFile(`${file}.part`, data, { mode: 0o600 });
      await fs.promises.rename(`${file}.part`, file);
    },
    read(key) {
      return fs.createReadStream(resolve(key));
    },
    async remove(key) {
      await fs.promises.rm(resolve(key), { force: true });
    },
  };
}
