import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { documentKey } from '@hds/storage';
import type { PipelineDeps } from './deps.ts';

export interface IngestedDocument {
  documentId: string;
  sha256: string;
  /** The content was new to the results store. */
  created: boolean;
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Stores a local file's bytes under its content address (once) and records
 * the document. A file seen before (same sha256) is not stored or read again.
 */
export async function ingestLocalFile(deps: PipelineDeps, input: { tenantId: string; filePath: string; fileName: string }): Promise<IngestedDocument> {
  const sha256 = await sha256OfFile(input.filePath);
  const { size } = await stat(input.filePath);
  const key = documentKey(sha256);
  if (!(await deps.store.head(key))) await deps.store.put(key, createReadStream(input.filePath));
  const { row, created } = await deps.repos.documents.upsert({ tenantId: input.tenantId, sha256, sizeBytes: size, fileName: input.fileName });
  return { documentId: row.id, sha256, created };
}
