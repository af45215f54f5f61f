import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRepositories, type Repositories } from '@hds/db';
import { createTestPostgres, type TestDatabase } from '@hds/db/testing';
import { closeConnection, createBullmqProducer, createWorkerConnection, type JobProducer } from '@hds/jobs';
import { silentLogger, type Logger } from '@hds/logger';
import { createS3Store, type ObjectStore } from '@hds/storage';
import { buildApp, type AppDeps } from './app.ts';
import type { Readiness } from './health.routes.ts';

/**
 * Test harness (not a test): the intake API over real HTTP on a random port,
 * against a database, a bucket and a BullMQ prefix of its own, all removed
 * on dispose, so test files run in parallel.
 */

export const S3_TEST = {
  endpoint: process.env.HDS_TEST_S3_ENDPOINT ?? 'http://127.0.0.1:7480',
  accessKeyId: process.env.HDS_TEST_S3_ACCESS_KEY ?? 'hdstestaccess',
  secretAccessKey: process.env.HDS_TEST_S3_SECRET_KEY ?? 'hdstestsecret',
  region: 'us-east-1',
};
export const REDIS_TEST_URL = process.env.HDS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface HarnessOptions {
  uploadMaxBytes?: number;
  uploadMaxFiles?: number;
  /** Redis of the producer (a closed port simulates an outage). */
  redisUrl?: string;
  logger?: Logger;
  readiness?: () => Promise<Readiness>;
  /** Webhook settings of the API (default: none, creating a subscription answers 503). */
  webhooks?: AppDeps['webhooks'];
}

export interface Harness {
  baseUrl: string;
  db: TestDatabase;
  repos: Repositories;
  store: ObjectStore;
  bucket: string;
  prefix: string;
  /** Redis, for looking at the queues (the harness's own, working connection). */
  redis: ReturnType<typeof createWorkerConnection>;
  /** A tenant and one of its keys. */
  tenant(id?: string): Promise<{ tenantId: string; key: string }>;
  /** A second API on the same database, bucket and prefix, with other options. */
  sibling(opts: HarnessOptions): Promise<{ baseUrl: string; close(): Promise<void> }>;
  objectKeys(prefix?: string): Promise<string[]>;
  dispose(): Promise<void>;
}

// Emptying a bucket needs no more than the port; removing it needs the SDK,
// which is the storage package's dependency, not ours: borrowed for cleanup only.
const requireFromStorage = createRequire(new URL('../../../packages/storage/package.json', import.meta.url));

async function deleteBucket(bucket: string): Promise<void> {
  type Sdk = {
    S3Client: new (config: unknown) => { send(command: unknown): Promise<unknown>; destroy(): void };
    DeleteBucketCommand: new (input: { Bucket: string }) => unknown;
  };
  const { S3Client, DeleteBucketCommand } = requireFromStorage('@aws-sdk/client-s3') as Sdk;
  const client = new S3Client({ endpoint: S3_TEST.endpoint, region: S3_TEST.region, forcePathStyle: true, credentials: { accessKeyId: S3_TEST.accessKeyId, secretAccessKey: S3_TEST.secretAccessKey } });
  try {
    await client.send(new DeleteBucketCommand({ Bucket: bucket }));
  } catch (err) {
    if ((err as { name?: string }).name !== 'NoSuchBucket') throw err;
  } finally {
    client.destroy();
  }
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const db = await createTestPostgres();
  const repos = createRepositories(db.db);
  const bucket = `hds-test-intake-${randomUUID()}`;
  const store = createS3Store({ ...S3_TEST, bucket, ensureBucket: true });
  const prefix = `hds-test-${randomBytes(6).toString('hex')}`;
  const redis = createWorkerConnection(REDIS_TEST_URL);
  const apps: Array<{ close(): Promise<void> }> = [];

  const start = async (o: HarnessOptions) => {
    const producer: JobProducer = createBullmqProducer({ redisUrl: o.redisUrl ?? REDIS_TEST_URL, prefix, failFast: true });
    const app = await buildApp({
      repos,
      db: db.db,
      store,
      enqueue: (jobs) => producer.enqueueMany(jobs),
      logger: o.logger ?? silentLogger(),
      limits: { uploadMaxBytes: o.uploadMaxBytes ?? 50 * 1024 * 1024, uploadMaxFiles: o.uploadMaxFiles ?? 20 },
      enqueueTimeoutMs: 3_000,
      readiness: o.readiness ?? (async () => ({ ready: true, checks: { postgres: 'ok', redis: 'ok', s3: 'ok' } })),
      ...(o.webhooks ? { webhooks: o.webhooks } : {}),
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const handle = {
      baseUrl: `http://127.0.0.1:${port}`,
      close: async () => {
        await app.close();
        await producer.close();
      },
    };
    apps.push(handle);
    return handle;
  };

  const main = await start(opts);
  const objectKeys = async (p = '') => {
    const keys: string[] = [];
    for await (const o of store.list(p)) keys.push(o.key);
    return keys.sort();
  };
  return {
    baseUrl: main.baseUrl,
    db,
    repos,
    store,
    bucket,
    prefix,
    redis,
    async tenant(id = `t-${randomBytes(4).toString('hex')}`) {
      await repos.vendors.ensureTenant(id, id);
      const { key } = await repos.apiKeys.create({ tenantId: id, label: 'test' });
      return { tenantId: id, key };
    },
    sibling: start,
    objectKeys,
    async dispose() {
      for (const a of apps) await a.close().catch(() => undefined);
      for (const k of await objectKeys().catch(() => [])) await store.delete(k);
      await store.close();
      await deleteBucket(bucket).catch(() => undefined);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await closeConnection(redis);
      await db.dispose();
    },
  };
}

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: any;
}

export interface UploadFile {
  name: string;
  /** Bytes, or a stream of them (sent as they come: nothing is buffered). */
  data: Buffer | AsyncIterable<Buffer>;
  size?: number;
}

/**
 * A multipart upload over node:http: with Content-Length when every size is
 * known and `chunked` is not asked, else chunked. The answer is read even
 * when the server answers before the body is sent (413 on a declared size).
 */
export function upload(url: string, key: string | null, files: UploadFile[], opts: { chunked?: boolean; declaredLength?: number } = {}): Promise<HttpResult> {
  const boundary = `----hds${randomBytes(8).toString('hex')}`;
  const heads = files.map((f) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const sizes = files.map((f) => (Buffer.isBuffer(f.data) ? f.data.length : f.size));
  const known = sizes.every((s) => s !== undefined);
  const length = heads.reduce((n, h) => n + h.length, 0) + sizes.reduce<number>((n, s) => n + (s ?? 0) + 2, 0) + tail.length;
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (key) headers.authorization = `Bearer ${key}`;
  if (opts.declaredLength !== undefined) headers['content-length'] = String(opts.declaredLength);
  else if (known && !opts.chunked) headers['content-length'] = String(length);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : null });
      });
    });
    // The server may stop reading (and close) once it has refused the body.
    req.on('error', (err) => setTimeout(() => reject(err), 200));
    (async () => {
      for (const [i, f] of files.entries()) {
        if (!req.write(heads[i])) await new Promise((r) => req.once('drain', r));
        const source = Buffer.isBuffer(f.data) ? [f.data] : f.data;
        for await (const chunk of source) {
          if (req.destroyed) return;
          if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
        }
        req.write('\r\n');
      }
      req.end(tail);
    })().catch(() => undefined);
  });
}

export async function getJson(url: string, key: string | null, init: { method?: string; body?: unknown } = {}): Promise<HttpResult> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: Object.fromEntries(res.headers), body: text ? JSON.parse(text) : null };
}
