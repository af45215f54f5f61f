import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { AppError, isAppError } from '@hds/core';
import type { Repositories } from '@hds/db';
import { sniffFileType, SUPPORTED_EXTENSIONS, type FileType } from '@hds/extraction';
import type { JobRequest } from '@hds/jobs';
import type { Logger } from '@hds/logger';
import { documentKey, type ObjectStore } from '@hds/storage';
import { dossierVersion } from './dossier-version.ts';

export interface UploadIntakeDeps {
  repos: Repositories;
  store: ObjectStore;
  /** Where the follow-up jobs go (the BullMQ producer in the HTTP API). */
  enqueue: (jobs: JobRequest[]) => Promise<void>;
  logger: Logger;
  /** How long the queue may take to accept the jobs before the upload is answered `queue.unavailable`; default 5 s. */
  enqueueTimeoutMs?: number;
}

/** A file streamed to a temporary object, hashed and measured, not yet a document. */
export interface ReceivedUpload {
  tempKey: string;
  sha256: string;
  sizeBytes: number;
  fileName: string;
  fileType: FileType;
}

export interface UploadedDocument {
  documentId: string;
  sha256: string;
  sizeBytes: number;
  fileName: string;
  /** False when the tenant already had this content (same sha256): nothing was stored twice. */
  created: boolean;
  status: string;
}

// sniffFileType looks at the first KiB (some producers put junk before `%PDF-`).
const SNIFF_BYTES = 1024;
const READABLE_TYPES: ReadonlySet<FileType> = new Set(['pdf', 'png', 'jpeg', 'tiff']);
const MAX_NAME_LENGTH = 200;

/**
 * The name a document goes by in its dossier: the last path segment only (a
 * client may send `C:\scans\x.pdf`), NFC, without control characters.
 */
export function uploadFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.length > MAX_NAME_LENGTH ? clean.slice(clean.length - MAX_NAME_LENGTH) : clean;
}

function hasSupportedExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return SUPPORTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function unsupportedType(reason: string): AppError {
  return new AppError('document.unsupported_type', `${reason}; accepted: PDF, PNG, JPEG or TIFF (${SUPPORTED_EXTENSIONS.join(', ')})`, { httpStatus: 415 });
}

// A queue client waiting for a Redis it never reached would hold the request
// (and the client) indefinitely; past the deadline it counts as unavailable.
async function withDeadline(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  work.catch(() => undefined);
  try {
    await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new AppError('queue.unavailable', `The job queue did not answer within ${ms} ms`, { retryable: true, httpStatus: 503 })), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError('document.too_large', `The upload exceeds the limit of ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(1)} MiB)`, { httpStatus: 413 });
}

/**
 * Intake of uploaded files: each is checked (declared extension, first
 * bytes) before a byte is stored, streamed to a temporary object while its
 * sha256 and size are computed — never held whole in memory — then, once
 * the whole request has arrived, moved to its content address, recorded and
 * queued. A request that fails halfway leaves nothing behind.
 */
export function createUploadIntake(deps: UploadIntakeDeps) {
  const removeQuietly = async (key: string) => {
    try {
      await deps.store.delete(key);
    } catch (err) {
      // An orphan under incoming/ is garbage, not data: a lifecycle rule may expire the prefix.
      deps.logger.warn({ key, err }, 'temporary upload object not deleted');
    }
  };

  return {
    /**
     * Streams one file to `incoming/<uuid>`. Refuses an unsupported type
     * before storing anything, and a stream longer than `maxBytes` by
     * aborting it and deleting what was stored.
     */
    async receive(input: { fileName: string; stream: Readable; maxBytes: number }): Promise<ReceivedUpload> {
      const fileName = uploadFileName(input.fileName);
      const source = input.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      const stop = async () => {
        await source.return?.();
      };
      if (!hasSupportedExtension(fileName)) {
        await stop();
        throw unsupportedType(`The file name${fileName ? ` ".${fileName.split('.').pop()}"` : ''} does not declare a supported type`);
      }
      const head: Buffer[] = [];
      let headBytes = 0;
      let ended = false;
      while (headBytes < SNIFF_BYTES) {
        const r = await source.next();
        if (r.done) {
          ended = true;
          break;
        }
        head.push(r.value);
        headBytes += r.value.length;
      }
      const fileType = sniffFileType(Buffer.concat(head));
      if (fileType === 'empty') throw new AppError('document.empty', 'The file is empty', { httpStatus: 400 });
      if (!READABLE_TYPES.has(fileType)) {
        await stop();
        throw unsupportedType('The content is not a PDF, PNG, JPEG or TIFF file');
      }

      const hash = createHash('sha256');
      let size = 0;
      let refused: AppError | null = null;
      const take = (chunk: Buffer): Buffer => {
        size += chunk.length;
        if (size > input.maxBytes) {
          refused = tooLarge(input.maxBytes);
          throw refused;
        }
        hash.update(chunk);
        return chunk;
      };
      async function* body(): AsyncGenerator<Buffer> {
        try {
          for (const chunk of head) yield take(chunk);
          if (!ended) for (let r = await source.next(); !r.done; r = await source.next()) yield take(r.value);
          // A parser that cut the file at its own limit ends it quietly: never store a truncated file.
          if ((input.stream as Readable & { truncated?: boolean }).truncated) throw (refused = tooLarge(input.maxBytes));
        } finally {
          await stop();
        }
      }

      const tempKey = `incoming/${randomUUID()}`;
      try {
        await deps.store.put(tempKey, Readable.from(body(), { objectMode: false }));
      } catch (err) {
        await removeQuietly(tempKey);
        throw refused ?? err;
      }
      if (refused) {
        await removeQuietly(tempKey);
        throw refused;
      }
      return { tempKey, sha256: hash.digest('hex'), sizeBytes: size, fileName, fileType };
    },

    /** Deletes the temporary objects of a request that will not be committed. */
    async discard(files: ReceivedUpload[]): Promise<void> {
      await Promise.all(files.map((f) => removeQuietly(f.tempKey)));
    },

    /**
     * Moves each file to `documents/<sha256>` (a server-side copy, skipped
     * when the content is already there), records the document (one per
     * tenant and content) and its place in the vendor's dossier
     * (`<vendor name>/<file name>`, as `hds review` names a file in a vendor's
     * folder), then queues the extraction of each document and the vendor's
     * evaluation. Every step is idempotent: a retry of the same upload
     * converges on the same rows and jobs.
     */
    async commit(input: { tenantId: string; vendor: { id: string; name: string }; files: ReceivedUpload[]; correlationId?: string; /** The request's logger (request id, tenant). */ logger?: Pick<Logger, 'info'> }): Promise<UploadedDocument[]> {
      const log = input.logger ?? deps.logger;
      const out: UploadedDocument[] = [];
      let next = 0;
      try {
        for (; next < input.files.length; next++) {
          const f = input.files[next]!;
          const key = documentKey(f.sha256);
          if (!(await deps.store.head(key))) await deps.store.copy(f.tempKey, key);
          await deps.store.delete(f.tempKey);
          const { row, created } = await deps.repos.documents.upsert({ tenantId: input.tenantId, sha256: f.sha256, sizeBytes: f.sizeBytes, fileName: f.fileName });
          await deps.repos.vendors.linkDocument(input.vendor.id, row.id, `${input.vendor.name}/${f.fileName}`);
          log.info({ documentId: row.id, sha256: f.sha256, sizeBytes: f.sizeBytes, fileType: f.fileType, created }, 'document received');
          out.push({ documentId: row.id, sha256: f.sha256, sizeBytes: f.sizeBytes, fileName: f.fileName, created, status: row.status });
        }
      } catch (err) {
        // The files not moved yet would stay as orphans under incoming/.
        await Promise.all(input.files.slice(next).map((f) => removeQuietly(f.tempKey)));
        throw err;
      }

      const correlation = input.correlationId ? { correlationId: input.correlationId } : {};
      const jobs: JobRequest[] = [...new Set(out.map((d) => d.documentId))].map((documentId) => ({
        name: 'document.extract',
        payload: { tenantId: input.tenantId, documentId, ...correlation },
      }));
      // A document already read (sent before, or in another vendor's dossier)
      // asks for no evaluation of its own: this one covers the vendor. While
      // documents are still being read it is skipped, and the last one read asks again.
      const docs = await deps.repos.vendors.listDocuments(input.vendor.id);
      jobs.push({ name: 'vendor.evaluate', payload: { tenantId: input.tenantId, vendorId: input.vendor.id, dossierVersion: dossierVersion(docs), reason: 'document.uploaded', ...correlation } });
      try {
        await withDeadline(deps.enqueue(jobs), deps.enqueueTimeoutMs ?? 5_000);
      } catch (err) {
        if (isAppError(err) && err.code === 'queue.unavailable') {
          throw new AppError(
            'queue.unavailable',
            'The documents were stored but could not be queued for reading: the job queue is unavailable. Send the same upload again later; it is recognised (same content, same document) and not stored twice.',
            { httpStatus: 503, retryable: true, cause: err },
          );
        }
        throw err;
      }
      return out;
    },
  };
}

export type UploadIntake = ReturnType<typeof createUploadIntake>;
