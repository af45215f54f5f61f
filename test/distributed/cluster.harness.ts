import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createTestPostgres, type TestDatabase } from '@hds/db/testing';
import { createBullmqProducer, openDeadLetter, type DeadLetter, type JobProducer } from '@hds/jobs';
import { silentLogger } from '@hds/logger';
import { dossierVersion, ingestLocalFile, openServiceResources, scanReviewFolder, type ServiceResources } from '@hds/pipeline';
import { generateCorpus, scanCorpus, type CorpusTruth } from '../fixtures/src/index.ts';
import { startRedisServer, type RedisServer } from './redis-server.harness.ts';
import { spawnService, type ServiceName, type ServiceProcess } from './service-process.harness.ts';

// S3 of infra/scripts/s3.sh (Ceph RADOS Gateway on loopback).
export const S3_ENDPOINT = process.env.HDS_TEST_S3_ENDPOINT ?? 'http://127.0.0.1:7480';
const S3_ACCESS = process.env.HDS_TEST_S3_ACCESS_KEY ?? 'hdstestaccess';
const S3_SECRET = process.env.HDS_TEST_S3_SECRET_KEY ?? 'hdstestsecret';
export const AS_OF = '2026-11-29';
export const TENANT = 'fault-test';

/** Real PostgreSQL (own database), S3 (own bucket), Redis (own server) and the service processes on them. */
export interface Cluster {
  redis: RedisServer;
  db: TestDatabase;
  /** What the workers get: override per process with `spawn(name, { S3_ENDPOINT: … })`. */
  env: Record<string, string>;
  /** The pipeline's adapters in this process, on the same database and bucket (ingest, checks). */
  resources: ServiceResources;
  producer: JobProducer;
  /** The queues' state, through a connection of its own (the test's Redis may have been restarted since). */
  queues<T>(read: (q: DeadLetter) => Promise<T>): Promise<T>;
  processes: ServiceProcess[];
  spawn(name: ServiceName, env?: Record<string, string>, label?: string): ServiceProcess;
  dispose(): Promise<void>;
}

export async function createCluster(): Promise<Cluster> {
  const redis = await startRedisServer();
  let db: TestDatabase;
  try {
    db = await createTestPostgres();
  } catch (err) {
    await redis.dispose();
    throw err;
  }
  const prefix = `hds-test-${randomBytes(4).toString('hex')}`;
  const bucket = `hds-fault-${randomBytes(6).toString('hex')}`;
  const env: Record<string, string> = {
    DATABASE_URL: db.url!,
    DATABASE_POOL_SIZE: '3',
    REDIS_URL: redis.url,
    QUEUE_PREFIX: prefix,
    S3_ENDPOINT,
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: S3_ACCESS,
    S3_SECRET_ACCESS_KEY: S3_SECRET,
    S3_CREATE_BUCKET: 'true',
    LOG_LEVEL: 'debug',
    WORKER_CONCURRENCY: '1',
    // Short locks: a killed worker's job is taken over within seconds.
    JOB_LOCK_MS: '3000',
    SHUTDOWN_TIMEOUT_MS: '10000',
    OCR_THREADS: '1',
    HEALTH_PORT: '0',
  };
  const resources = await openServiceResources(
    { DATABASE_URL: db.url!, DATABASE_POOL_SIZE: 3, S3_ENDPOINT, S3_REGION: 'us-east-1', S3_BUCKET: bucket, S3_ACCESS_KEY_ID: S3_ACCESS, S3_SECRET_ACCESS_KEY: S3_SECRET, S3_FORCE_PATH_STYLE: true, S3_CREATE_BUCKET: true },
    silentLogger(),
  );
  try {
    await resources.deps.repos.vendors.ensureTenant(TENANT, 'Fault tests');
    // S3 answers (creating the bucket): fail here, cleanly, rather than in the middle of a test.
    await resources.store.head('health/ready');
  } catch (err) {
    await resources.close().catch(() => undefined);
    await db.dispose().catch(() => undefined);
    await redis.dispose();
    throw err;
  }
  const producer = createBullmqProducer({ redisUrl: redis.url, prefix });
  const processes: ServiceProcess[] = [];
  return {
    redis,
    db,
    env,
    resources,
    producer,
    async queues(read) {
      const q = await openDeadLetter({ redisUrl: redis.url, prefix });
      try {
        return await read(q);
      } finally {
        await q.close();
      }
    },
    processes,
    spawn(name, extra = {}, label) {
      const p = spawnService(name, { ...env, ...extra }, label);
      processes.push(p);
      return p;
    },
    async dispose() {
      for (const p of processes) p.kill('SIGKILL');
      await Promise.all(processes.map((p) => p.exited));
      // Every step, whatever the others did: a test that failed on S3 must still drop its database.
      const steps = [
        () => producer.close(),
        async () => {
          // The documents go; the (empty) bucket stays: the object-store port has no bucket removal.
          for await (const o of resources.store.list('')) await resources.store.delete(o.key);
        },
        () => resources.close(),
        () => db.dispose(),
        () => redis.dispose(),
      ];
      const failures: unknown[] = [];
      for (const step of steps) await step().catch((err: unknown) => failures.push(err));
      if (failures.length > 0) throw failures[0];
    },
  };
}

/**
 * A generated corpus; `scanned` documents (one-page ones) replaced by their
 * scan, so that reading them takes OCR: seconds, long enough to kill a
 * worker in the middle of it.
 */
export async function makeCorpus(opts: { seed: number; vendors: number; scanned?: number }): Promise<{ dir: string; truth: CorpusTruth; scannedPaths: string[]; dispose(): Promise<void> }> {
  const tmp = await mkdtemp(join(tmpdir(), 'hds-fault-corpus-'));
  const dir = join(tmp, 'corpus');
  const truth = await generateCorpus({ seed: opts.seed, vendors: opts.vendors, outDir: dir, asOf: AS_OF, hostile: true });
  const scannedPaths: string[] = [];
  if (opts.scanned) {
    const picks = truth.vendors.flatMap((v) => v.documents.filter((d) => d.kind === 'certificate').map((d) => ({ v, d }))).slice(0, opts.scanned);
    const sub: CorpusTruth = { ...truth, vendors: picks.map(({ v, d }) => ({ ...v, documents: [d] })) };
    const scanDir = join(tmp, 'scans');
    await scanCorpus({ seed: opts.seed, sourceDir: dir, outDir: scanDir, truth: sub, imageFilesShare: 0, blankDocuments: 0, truthFile: null, worker: false });
    for (const { d } of picks) {
      await cp(join(scanDir, d.path), join(dir, d.path));
      scannedPaths.push(d.path);
    }
  }
  return { dir, truth, scannedPaths, dispose: () => rm(tmp, { recursive: true, force: true }) };
}

export interface Fixture {
  cluster: Cluster;
  corpus: Awaited<ReturnType<typeof makeCorpus>>;
  dispose(): Promise<void>;
}

/** A cluster and a corpus, made at once; nothing left behind when either fails. */
export async function createFixture(corpus: { seed: number; vendors: number; scanned?: number }): Promise<Fixture> {
  const [c, k] = await Promise.allSettled([createCluster(), makeCorpus(corpus)]);
  if (c.status === 'rejected' || k.status === 'rejected') {
    if (c.status === 'fulfilled') await c.value.dispose().catch(() => undefined);
    if (k.status === 'fulfilled') await k.value.dispose();
    throw c.status === 'rejected' ? c.reason : (k as PromiseRejectedResult).reason;
  }
  return {
    cluster: c.value,
    corpus: k.value,
    async dispose() {
      await Promise.allSettled([c.value.dispose(), k.value.dispose()]);
    },
  };
}

export interface Ingested {
  vendors: Array<{ id: string; name: string }>;
  /** Document id by path in the corpus (`Vendor/file.pdf`). */
  documents: Map<string, string>;
}

/** Stores the corpus's files in S3 and records vendors and documents, as the intake does (no job enqueued). */
export async function ingestCorpus(resources: ServiceResources, dir: string, opts: { vendors?: (name: string) => boolean } = {}): Promise<Ingested> {
  const scan = await scanReviewFolder(dir);
  const out: Ingested = { vendors: [], documents: new Map() };
  for (const v of scan.vendors.filter((x) => opts.vendors?.(x.name) ?? true)) {
    const id = await resources.deps.repos.vendors.upsert(TENANT, v.name);
    const links: Array<{ documentId: string; path: string }> = [];
    for (const f of v.files) {
      const doc = await ingestLocalFile(resources.deps, { tenantId: TENANT, filePath: f.absolutePath, fileName: basename(f.path) });
      links.push({ documentId: doc.documentId, path: f.path });
      out.documents.set(f.path, doc.documentId);
    }
    await resources.deps.repos.vendors.replaceDocuments(id, links);
    out.vendors.push({ id, name: v.name });
  }
  return out;
}

/** Every document read (parsed or failed), every vendor evaluated at its current dossier version, no job left to run. */
export async function waitForResults(cluster: Cluster, ingested: Ingested, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  const repos = cluster.resources.deps.repos;
  let pending = 'not checked yet';
  while (Date.now() < until) {
    pending = '';
    for (const v of ingested.vendors) {
      const docs = await repos.vendors.listDocuments(v.id);
      const unread = docs.filter((d) => d.status !== 'parsed' && d.status !== 'failed');
      const latest = await repos.evaluations.latest(v.id);
      if (unread.length > 0) pending = `${v.name}: ${unread.length} document(s) ${unread.map((d) => d.status).join(',')}`;
      else if (latest?.dossierVersion !== dossierVersion(docs)) pending = `${v.name}: not evaluated at its current version`;
      if (pending) break;
    }
    if (!pending) {
      const counts = await cluster.queues((q) => q.counts());
      // A job scheduler always holds its next run, delayed: not work left.
      const busy = Object.entries(counts).filter(([q, c]) => (c.waiting ?? 0) + (c.active ?? 0) + (q === 'maintenance' ? 0 : (c.delayed ?? 0)) + (c.prioritized ?? 0) > 0);
      if (busy.length === 0) return;
      pending = `jobs left: ${JSON.stringify(Object.fromEntries(busy))}`;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`results incomplete after ${timeoutMs} ms (${pending})\n${cluster.processes.map((p) => p.tail(8)).join('\n')}`);
}

/** What "exactly once" is checked on: rows per document, pages, evaluations per dossier version. */
export async function resultRows(cluster: Cluster) {
  const db = cluster.db.db;
  const documents = await db.selectFrom('documents').select(['id', 'sha256', 'status', 'page_count']).where('tenant_id', '=', TENANT).execute();
  const pages = await db.selectFrom('pages').select(['document_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('page').as('last')]).groupBy('document_id').execute();
  const evaluations = await db
    .selectFrom('evaluations')
    .select(['vendor_id', 'dossier_version', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', TENANT)
    .groupBy(['vendor_id', 'dossier_version'])
    .execute();
  return { documents, pages, evaluations: evaluations.map((e) => ({ ...e, n: Number(e.n) })) };
}
