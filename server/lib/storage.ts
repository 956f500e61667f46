// File storage behind one interface: a local folder under DATA_DIR by default; an object store can
// implement the same calls when app instances run on several machines.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface StoredObject {
  key: string;
  modifiedAt: Date;
}

export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every stored object, including half-written ones (`….part`), for the orphan check. */
  list(): AsyncIterable<StoredObject>;
}

// `.part` is the name of a file still being written (see put).
const KEY = /^[a-z0-9/-]+(\.part)?$/i;

export function localStorage(root: string): Storage {
  const resolve = (key: string) => {
    if (!KEY.test(key) || key.includes('..')) throw new Error(`invalid storage key: ${key}`);
    return path.join(root, key);
  };
  async function* walk(dir: string): AsyncGenerator<StoredObject> {
    let handle: fs.Dir;
    try {
      handle = await fs.promises.opendir(path.join(root, dir));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for await (const entry of handle) {
      const key = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) yield* walk(key);
      else if (entry.isFile() && KEY.test(key)) yield { key, modifiedAt: (await fs.promises.stat(path.join(root, key))).mtime };
    }
  }
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
    async exists(key) {
      return fs.promises.access(resolve(key)).then(
        () => true,
        () => false,
      );
    },
    list() {
      return walk('');
    },
  };
}
