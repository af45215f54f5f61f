import type { Readable } from 'node:stream';
import { AppError } from '@hds/core';

export interface ObjectInfo {
  key: string;
  size: number;
}

/**
 * Where document bytes live. Keys are content-addressed (`documents/<sha256>`),
 * so a put of an existing key writes the same bytes and is safe to repeat.
 * Missing objects fail with `storage.not_found`; infrastructure faults with a
 * retryable `storage.unavailable`.
 */
export interface ObjectStore {
  readonly kind: 'filesystem' | 's3';
  put(key: string, body: Uint8Array | Readable, opts?: { contentType?: string }): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  getStream(key: string): Promise<Readable>;
  /** Size of the object, or null when it does not exist. */
  head(key: string): Promise<ObjectInfo | null>;
  /**
   * Copies an object inside the store without the bytes passing through this
   * process (S3: server-side CopyObject, at most 5 GiB). The target is
   * replaced whole or not at all; a missing source fails with `storage.not_found`.
   */
  copy(fromKey: string, toKey: string): Promise<void>;
  /** Idempotent: deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
  list(prefix: string): AsyncIterable<ObjectInfo>;
  close(): Promise<void>;
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;

/** Keys are relative, portable and cannot climb out of the store. */
export function assertValidKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((s) => s === '' || s === '.' || s === '..') || key.length > 900) {
    throw new AppError('storage.invalid_key', `Invalid object key: ${JSON.stringify(key)}`, { httpStatus: 400 });
  }
}

export function documentKey(sha256: string): string {
  return `documents/${sha256}`;
}

export function notFound(key: string, cause?: unknown): AppError {
  return new AppError('storage.not_found', `No object at ${key}`, { httpStatus: 404, cause });
}

export function unavailable(op: string, cause: unknown): AppError {
  const message = (cause as Error | undefined)?.message ?? String(cause);
  return new AppError('storage.unavailable', `Object storage ${op} failed: ${message}`, { retryable: true, httpStatus: 503, cause });
}
