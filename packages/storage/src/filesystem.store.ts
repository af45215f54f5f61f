import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidKey, notFound, unavailable, type ObjectInfo, type ObjectStore } from './object-store.port.ts';

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/**
 * Objects as files under one root folder (embedded mode). Writes go to a
 * temporary file renamed into place, so a reader never sees half an object.
 */
export function createFilesystemStore(root: string): ObjectStore {
  const pathOf = (key: string) => {
    assertValidKey(key);
    return join(root, ...key.split('/'));
  };

  async function* walk(dir: string): AsyncGenerator<string> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (isMissing(err)) return;
      throw unavailable('list', err);
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, e.name);
      if (e.isDirectory()) yield* walk(full);
      else if (e.isFile() && !e.name.includes('.tmp-')) yield full;
    }
  }

  return {
    kind: 'filesystem',
    async put(key, body) {
      const target = pathOf(key);
      const tmp = `${target}.tmp-${randomBytes(6).toString('hex')}`;
      try {
        await mkdir(dirname(target), { recursive: true });
        if (body instanceof Uint8Array) await writeFile(tmp, body);
        else await pipeline(body, createWriteStream(tmp));
        await rename(tmp, target);
      } catch (err) {
        await rm(tmp, { force: true });
        throw unavailable('put', err);
      }
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (err) {
        throw isMissing(err) ? notFound(key, err) : unavailable('get', err);
      }
    },
    async getStream(key) {
      const path = pathOf(key);
      try {
        await stat(path);
      } catch (err) {
        throw isMissing(err) ? notFound(key, err) : unavailable('get', err);
      }
      return createReadStream(path) as Readable;
    },
    async head(key) {
      try {
        const s = await stat(pathOf(key));
        return s.isFile() ? { key, size: s.size } : null;
      } catch (err) {
        if (isMissing(err)) return null;
        throw unavailable('head', err);
      }
    },
    async copy(fromKey, toKey) {
      const source = pathOf(fromKey);
      const target = pathOf(toKey);
      // Same as put: a temporary file renamed into place, never half a copy under the key.
      const tmp = `${target}.tmp-${randomBytes(6).toString('hex')}`;
      try {
        await mkdir(dirname(target), { recursive: true });
        await copyFile(source, tmp);
        await rename(tmp, target);
      } catch (err) {
        await rm(tmp, { force: true });
        throw isMissing(err) ? notFound(fromKey, err) : unavailable('copy', err);
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async *list(prefix): AsyncIterable<ObjectInfo> {
      for await (const file of walk(root)) {
        const key = relative(root, file).split(sep).join('/');
        if (key.startsWith(prefix)) yield { key, size: (await stat(file)).size };
      }
    },
    async close() {},
  };
}
