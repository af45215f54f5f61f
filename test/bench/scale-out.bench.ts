// Scale-out of the distributed extract stage: the same batch of scanned
// documents read by 1 and then by 2 extract-worker processes (each with an
// OCR pool of one thread, one job at a time), on real Redis, PostgreSQL and
// S3, timed from the enqueue of the batch to its last document extracted.
//   node test/bench/scale-out.bench.ts [--documents 16] [--seed 8080] [--workers 1,2]
// Needs the S3 server of infra/scripts/s3.sh (HDS_TEST_S3_* variables) and
// PostgreSQL on 127.0.0.1:5432; starts a redis-server of its own.
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { JobRequest } from '@hds/jobs';
import { createCluster, ingestCorpus, makeCorpus, TENANT } from '../distributed/cluster.harness.ts';

const { values } = parseArgs({ options: { documents: { type: 'string', default: '16' }, seed: { type: 'string', default: '8080' }, workers: { type: 'string', default: '1,2' } } });
const documents = Number(values.documents);
const counts = values.workers!.split(',').map(Number);

// Scanned certificates only: every document of the batch is OCR work.
const corpus = await makeCorpus({ seed: Number(values.seed), vendors: documents, scanned: documents });
const scanned = new Set(corpus.scannedPaths);

interface Run {
  workers: number;
  seconds: number;
  documents: number;
  pages: number;
  /** Documents each process finished: the work was shared. */
  perWorker: number[];
}

async function runWith(workers: number): Promise<Run> {
  const cluster = await createCluster();
  try {
    const ingested = await ingestCorpus(cluster.resources, corpus.dir);
    const ids = [...ingested.documents].filter(([path]) => scanned.has(path)).map(([, id]) => id);
    const procs = Array.from({ length: workers }, (_, i) => cluster.spawn('extract-worker', { LOG_LEVEL: 'info', OCR_THREADS: '1', WORKER_CONCURRENCY: '1' }, `extract-${i + 1}`));
    // Start-up (model loading) is not part of the batch's time.
    await Promise.all(procs.map((p) => p.waitForLog((l) => l.msg === 'service started', 60_000)));
    const jobs: JobRequest[] = ids.map((documentId) => ({ name: 'document.extract', payload: { tenantId: TENANT, documentId } }));
    const t0 = performance.now();
    await cluster.producer.enqueueMany(jobs);
    const db = cluster.db.db;
    for (;;) {
      const rows = await db.selectFrom('documents').select(['status', 'page_count']).where('id', 'in', ids).execute();
      if (rows.every((r) => r.status !== 'stored')) {
        const seconds = (performance.now() - t0) / 1000;
        const perWorker = procs.map((p) => p.logs.filter((l) => l.msg === 'job done').length);
        if (process.env.BENCH_VERBOSE) for (const p of procs) console.log(p.label, p.logs.filter((l) => l.msg === 'job done' || l.msg === 'document extracted').map((l) => `${l.msg}:${String(l.ms)}`).join(' '));
        return { workers, seconds, documents: rows.length, pages: rows.reduce((n, r) => n + (r.page_count ?? 0), 0), perWorker };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await cluster.dispose();
  }
}

const runs: Run[] = [];
for (const n of counts) runs.push(await runWith(n));
await corpus.dispose();

const base = runs[0]!;
console.log(`${base.documents} scanned documents (${base.pages} pages), ${availableParallelism()} cores, load average before ${loadavg()[0]!.toFixed(2)}`);
console.log(`${'extract workers'.padEnd(16)} ${'seconds'.padStart(8)} ${'pages/s'.padStart(8)} ${'speed-up'.padStart(9)}  jobs per worker`);
for (const r of runs) {
  console.log(`${String(r.workers).padEnd(16)} ${r.seconds.toFixed(1).padStart(8)} ${(r.pages / r.seconds).toFixed(2).padStart(8)} ${`${(base.seconds / r.seconds).toFixed(2)}×`.padStart(9)}  ${r.perWorker.join(' + ')}`);
}
const two = runs.find((r) => r.workers === 2);
if (two && base.workers === 1) console.log(`2 workers vs 1: ${(base.seconds / two.seconds).toFixed(2)}× (target ≥ 1.7×)`);
