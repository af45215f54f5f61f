import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFilesystemStore } from './filesystem.store.ts';
import { objectStoreContract } from './object-store.contract.ts';

objectStoreContract('filesystem', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hds-fs-store-'));
  return { store: createFilesystemStore(dir), dispose: () => rm(dir, { recursive: true, force: true }) };
});
