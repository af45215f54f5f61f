import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '@hds/core';

/** Where the registry refresh reads the list: an HTTP(S) URL, or the newest file of a folder operators drop exports into. */
export type RegistrySource =
  | { kind: 'url'; url: string; timeoutMs: number; maxBytes: number }
  | { kind: 'folder'; dir: string; maxBytes: number };

/** Validators of the last fetch, for a conditional request. */
export interface SourceValidators {
  etag: string | null;
  lastModified: string | null;
}

export type SourceFetch =
  | { status: 'not_modified' }
  | { status: 'fetched'; bytes: Uint8Array; sha256: string; fileName: string; etag: string | null; lastModified: string | null };

const REGISTRY_FILE = /\.(csv|tsv|txt|json|xlsx|xlsm)$/i;

/** A stable key of a source, without its secrets: a URL's digest (a query string may carry a token). */
export function sourceKey(source: RegistrySource): string {
  const where = source.kind === 'url' ? source.url : source.dir;
  return `${source.kind}:${createHash('sha256').update(where).digest('hex').slice(0, 32)}`;
}

/** What logs and the database may show of a source: a URL without credentials, query or fragment. */
export function sourceLabel(source: RegistrySource): string {
  if (source.kind === 'folder') return source.dir;
  try {
    const u = new URL(source.url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return 'url';
  }
}

function unreachable(message: string, cause?: unknown): AppError {
  return new AppError('registry.source_unreachable', message, { retryable: true, httpStatus: 502, cause });
}

function tooLarge(label: string, maxBytes: number): AppError {
  return new AppError('registry.source_too_large', `The registry at ${label} is larger than ${maxBytes} bytes`, { httpStatus: 413 });
}

async function readBounded(body: ReadableStream<Uint8Array>, maxBytes: number, label: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(label, maxBytes);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function fileNameOf(res: Response, url: URL): string {
  const disposition = res.headers.get('content-disposition') ?? '';
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const fromHeader = m?.[1] ? basename(decodeURIComponent(m[1])) : '';
  const fromPath = basename(url.pathname);
  const name = fromHeader || fromPath || 'registry';
  if (REGISTRY_FILE.test(name)) return name;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) return `${name}.json`;
  if (type.includes('spreadsheetml')) return `${name}.xlsx`;
  // Format from the bytes (zip magic, '[' or '{', else CSV).
  return name;
}

async function fetchUrl(source: Extract<RegistrySource, { kind: 'url' }>, last: SourceValidators): Promise<SourceFetch> {
  const label = sourceLabel(source);
  const url = new URL(source.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('registry.source_invalid', `The registry source must be an http(s) URL, got ${url.protocol}`);
  const headers: Record<string, string> = { accept: 'text/csv, application/json, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, */*;q=0.5' };
  if (last.etag) headers['if-none-match'] = last.etag;
  if (last.lastModified) headers['if-modified-since'] = last.lastModified;
  let res: Response;
  try {
    res = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(source.timeoutMs) });
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${source.timeoutMs} ms` : (e.cause?.code ?? (err as Error).message);
    throw unreachable(`The registry at ${label} could not be fetched: ${why}`, err);
  }
  if (res.status === 304) {
    await res.body?.cancel();
    return { status: 'not_modified' };
  }
  if (!res.ok) {
    await res.body?.cancel();
    // 5xx and 429 are the server's trouble and may pass; other statuses need the operator.
    const retryable = res.status >= 500 || res.status === 429;
    throw new AppError('registry.source_http', `The registry at ${label} answered HTTP ${res.status}`, { retryable, httpStatus: 502, details: { status: res.status } });
  }
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > source.maxBytes) {
    await res.body?.cancel();
    throw tooLarge(label, source.maxBytes);
  }
  let bytes: Uint8Array;
  try {
    bytes = res.body ? await readBounded(res.body, source.maxBytes, label) : new Uint8Array();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreachable(`The registry at ${label} was cut while downloading: ${(err as Error).message}`, err);
  }
  const lastModified = res.headers.get('last-modified');
  return {
    status: 'fetched',
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fileName: fileNameOf(res, url),
    etag: res.headers.get('etag'),
    lastModified,
  };
}

async function fetchFolder(source: Extract<RegistrySource, { kind: 'folder' }>): Promise<SourceFetch> {
  let names: string[];
  try {
    names = (await readdir(source.dir, { withFileTypes: true })).filter((d) => d.isFile() && REGISTRY_FILE.test(d.name) && !d.name.startsWith('.')).map((d) => d.name);
  } catch (err) {
    throw unreachable(`The registry folder ${source.dir} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, err);
  }
  if (names.length === 0) throw new AppError('registry.source_empty', `The registry folder ${source.dir} holds no .csv, .json or .xlsx file`, { httpStatus: 404 });
  // The newest file is the current list; a file still being copied is newer still, but its hash changes when it completes.
  const files = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(join(source.dir, name))).mtime })));
  files.sort((a, b) => b.mtime.getTime() - a.mtime.getTime() || (a.name < b.name ? 1 : -1));
  const newest = files[0]!;
  const path = join(source.dir, newest.name);
  const size = (await stat(path)).size;
  if (size > source.maxBytes) throw tooLarge(path, source.maxBytes);
  const bytes = new Uint8Array(await readFile(path));
  return { status: 'fetched', bytes, sha256: createHash('sha256').update(bytes).digest('hex'), fileName: newest.name, etag: null, lastModified: null };
}

/**
 * Reads the source once (the snapshot's date is the day it is read: the list
 * as seen then, whatever the file's own dates). A URL is asked conditionally (If-None-Match,
 * If-Modified-Since from the last fetch): 304 means unchanged without a
 * download. Errors are AppErrors with a code: `registry.source_unreachable`
 * (network, timeout: retryable), `registry.source_http` (retryable for 5xx
 * and 429), `registry.source_too_large`, `registry.source_empty`,
 * `registry.source_invalid`.
 */
export async function fetchRegistrySource(source: RegistrySource, last: SourceValidators): Promise<SourceFetch> {
  return source.kind === 'url' ? fetchUrl(source, last) : fetchFolder(source);
}
