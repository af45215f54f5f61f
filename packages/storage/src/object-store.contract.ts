import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ObjectStore } from './object-store.port.ts';

/**
 * The behaviour every ObjectStore adapter must have. Each adapter's test
 * file calls this with a factory giving a fresh, empty store.
 */
export function objectStoreContract(name: string, makeStore: () => Promise<{ store: ObjectStore; dispose(): Promise<void> }>): void {
  describe(`${name} object store contract`, () => {
    const withStore = async (fn: (s: ObjectStore) => Promise<void>) => {
      const { store, dispose } = await makeStore();
      try {
        await fn(store);
      } finally {
        await dispose();
      }
    };

    it('puts and gets bytes, reports their size', () =>
      withStore(async (s) => {
        const bytes = new TextEncoder().encode('%PDF-1.7 données de santé');
        await s.put('documents/abc', bytes);
        expect(Buffer.from(await s.get('documents/abc')).toString()).toBe('%PDF-1.7 données de santé');
        expect(await s.head('documents/abc')).toEqual({ key: 'documents/abc', size: bytes.length });
      }));

    it('streams uploads and downloads of several megabytes', () =>
      withStore(async (s) => {
        const chunk = Buffer.alloc(1024 * 1024, 7);
        await s.put('big/object', Readable.from([chunk, chunk, chunk, Buffer.from('fin')]));
        expect((await s.head('big/object'))?.size).toBe(3 * 1024 * 1024 + 3);
        let total = 0;
        for await (const part of await s.getStream('big/object')) total += (part as Buffer).length;
        expect(total).toBe(3 * 1024 * 1024 + 3);
      }));

    it('overwrites a key with the new bytes', () =>
      withStore(async (s) => {
        await s.put('k/1', new Uint8Array([1, 2, 3]));
        await s.put('k/1', new Uint8Array([4]));
        expect([...(await s.get('k/1'))]).toEqual([4]);
      }));

    it('says not found for a missing key, and deleting twice is fine', () =>
      withStore(async (s) => {
        await expect(s.get('missing/key')).rejects.toMatchObject({ code: 'storage.not_found' });
        await expect(s.getStream('missing/key')).rejects.toMatchObject({ code: 'storage.not_found' });
        expect(await s.head('missing/key')).toBeNull();
        await s.put('gone/1', new Uint8Array([1]));
        await s.delete('gone/1');
        await s.delete('gone/1');
        expect(await s.head('gone/1')).toBeNull();
      }));

    it('lists keys under a prefix', () =>
      withStore(async (s) => {
        await s.put('documents/a', new Uint8Array([1]));
        await s.put('documents/b', new Uint8Array([1, 2]));
        await s.put('other/c', new Uint8Array([1]));
        const listed: string[] = [];
        for await (const o of s.list('documents/')) listed.push(o.key);
        expect(listed.sort()).toEqual(['documents/a', 'documents/b']);
      }));

    it('refuses keys that could escape the store', () =>
      withStore(async (s) => {
        for (const bad of ['../etc/passwd', '/abs', 'a/../../b', 'a//b', '']) {
          await expect(s.put(bad, new Uint8Array([1]))).rejects.toMatchObject({ code: 'storage.invalid_key' });
        }
      }));

    it('copies an object to another key, leaving the source, and says not found for a missing source', () =>
      withStore(async (s) => {
        const chunk = Buffer.alloc(1024 * 1024, 3);
        await s.put('incoming/tmp-1', Readable.from([chunk, Buffer.from('%%EOF')]));
        await s.put('documents/target', new Uint8Array([9]));
        await s.copy('incoming/tmp-1', 'documents/target');
        expect((await s.head('documents/target'))?.size).toBe(1024 * 1024 + 5);
        expect(Buffer.from(await s.get('documents/target')).subarray(-5).toString()).toBe('%%EOF');
        expect((await s.head('incoming/tmp-1'))?.size).toBe(1024 * 1024 + 5);
        await expect(s.copy('incoming/missing', 'documents/other')).rejects.toMatchObject({ code: 'storage.not_found' });
        expect(await s.head('documents/other')).toBeNull();
        await expect(s.copy('incoming/tmp-1', '../escape')).rejects.toMatchObject({ code: 'storage.invalid_key' });
      }));
  });
}
