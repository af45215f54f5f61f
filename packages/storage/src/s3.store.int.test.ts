import { createHash, randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { objectStoreContract } from './object-store.contract.ts';
import { createS3Store, type S3StoreConfig } from './s3.store.ts';

// Server and credentials of infra/scripts/s3.sh (Ceph RADOS Gateway on loopback).
const endpoint = process.env.HDS_TEST_S3_ENDPOINT ?? 'http://127.0.0.1:7480';
const accessKeyId = process.env.HDS_TEST_S3_ACCESS_KEY ?? 'hdstestaccess';
const secretAccessKey = process.env.HDS_TEST_S3_SECRET_KEY ?? 'hdstestsecret';
const base = { endpoint, region: 'us-east-1', accessKeyId, secretAccessKey } satisfies Partial<S3StoreConfig>;

const admin = new S3Client({ ...base, credentials: { accessKeyId, secretAccessKey }, forcePathStyle: true });
afterAll(() => admin.destroy());

const isMissingBucket = (err: unknown) => (err as { name?: string }).name === 'NoSuchBucket';

// Each store gets its own bucket, so tests and files can run in parallel; the
// bucket goes away afterwards, with anything a failed test left in it.
async function removeBucket(Bucket: string): Promise<void> {
  try {
    const uploads = await admin.send(new ListMultipartUploadsCommand({ Bucket }));
    for (const u of uploads.Uploads ?? []) await admin.send(new AbortMultipartUploadCommand({ Bucket, Key: u.Key, UploadId: u.UploadId }));
    let ContinuationToken: string | undefined;
    do {
      const page = await admin.send(new ListObjectsV2Command({ Bucket, ContinuationToken }));
      const Objects = (page.Contents ?? []).map((o) => ({ Key: o.Key }));
      if (Objects.length > 0) await admin.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } }));
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    await admin.send(new DeleteBucketCommand({ Bucket }));
  } catch (err) {
    // The bucket is created on first use; a test that never reached S3 has none.
    if (!isMissingBucket(err)) throw err;
  }
}

async function freshStore(overrides: Partial<S3StoreConfig> = {}) {
  const bucket = `hds-test-${randomUUID()}`;
  const store = createS3Store({ ...base, bucket, ensureBucket: true, ...overrides });
  return { store, bucket, dispose: async () => { await store.close(); await removeBucket(bucket); } };
}

objectStoreContract('s3', freshStore);

describe('s3 object store', () => {
  it('uploads a stream larger than one part as a multipart upload, byte for byte', async () => {
    const { store, dispose } = await freshStore();
    try {
      // 17 MiB of varied bytes: three 8 MiB parts, the last one short.
      const chunks = Array.from({ length: 17 }, (_, i) => Buffer.alloc(1024 * 1024, i + 1));
      const expected = createHash('sha256');
      for (const c of chunks) expected.update(c);
      await store.put('documents/large', Readable.from(chunks), { contentType: 'application/pdf' });
      expect((await store.head('documents/large'))?.size).toBe(17 * 1024 * 1024);
      const actual = createHash('sha256');
      for await (const part of await store.getStream('documents/large')) actual.update(part as Buffer);
      expect(actual.digest('hex')).toBe(expected.digest('hex'));
    } finally {
      await dispose();
    }
  });

  it('lists past one page of results', async () => {
    const { store, dispose } = await freshStore();
    try {
      // ListObjectsV2 returns at most 1,000 keys a page.
      const keys = Array.from({ length: 1005 }, (_, i) => `p/${String(i).padStart(4, '0')}`);
      for (let i = 0; i < keys.length; i += 50) await Promise.all(keys.slice(i, i + 50).map((k) => store.put(k, new Uint8Array([1]))));
      const listed: string[] = [];
      for await (const o of store.list('p/')) listed.push(o.key);
      expect(listed).toEqual(keys);
    } finally {
      await dispose();
    }
  });

  it('fails fast and retryably when nothing listens on the endpoint', async () => {
    const closed = await closedPort();
    const store = createS3Store({ ...base, endpoint: `http://127.0.0.1:${closed}`, bucket: 'hds-unreachable' });
    const started = Date.now();
    try {
      const err = await store.get('documents/abc').catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'storage.unavailable', retryable: true });
      await expect(store.put('documents/abc', new Uint8Array([1]))).rejects.toMatchObject({ code: 'storage.unavailable', retryable: true });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await store.close();
    }
  });

  it('gives up on a server that accepts connections but never answers', async () => {
    const { port, close } = await silentServer();
    const store = createS3Store({ ...base, endpoint: `http://127.0.0.1:${port}`, bucket: 'hds-silent', requestTimeoutMs: 500, maxAttempts: 2 });
    const started = Date.now();
    try {
      await expect(store.head('documents/abc')).rejects.toMatchObject({ code: 'storage.unavailable', retryable: true });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await store.close();
      await close();
    }
  });

  it('fails a download that stalls halfway with a retryable error on the stream', async () => {
    // Headers and the first bytes, then nothing: only the inactivity timeout can end it.
    const server = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-length': '1000', 'content-type': 'application/pdf' });
      res.write(Buffer.alloc(100, 1));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const store = createS3Store({ ...base, endpoint: `http://127.0.0.1:${port}`, bucket: 'hds-stall', requestTimeoutMs: 500, maxAttempts: 1 });
    try {
      const stream = await store.getStream('documents/abc');
      const read = (async () => {
        for await (const _ of stream);
      })();
      await expect(read).rejects.toMatchObject({ code: 'storage.unavailable', retryable: true });
    } finally {
      await store.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('reports refused credentials without echoing them', async () => {
    const { store, dispose } = await freshStore({ secretAccessKey: 'not-the-secret-123' });
    try {
      const err = (await store.get('documents/abc').catch((e: unknown) => e)) as Error & { cause?: Error };
      expect(err).toMatchObject({ code: 'storage.unavailable' });
      const text = `${err.message} ${err.cause?.message ?? ''} ${JSON.stringify(err)}`;
      expect(text).not.toContain('not-the-secret-123');
      expect(text).not.toContain(accessKeyId);
    } finally {
      await dispose();
    }
  });
});

/** A port that was free a moment ago: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
