import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRequest } from '@hds/jobs';
import { createFixture, ingestCorpus, makeCorpus, resultRows, TENANT, waitForResults, type Cluster, type Fixture, type Ingested } from './cluster.harness.ts';
import type { ServiceProcess } from './service-process.harness.ts';

// Real worker processes on real Redis, PostgreSQL and S3. One scanned
// certificate (OCR: seconds) gives the time to kill a worker in the middle
// of its job; every job is also asked for twice.
describe('a worker killed with SIGKILL in the middle of a job', () => {
  let fixture: Fixture;
  let cluster: Cluster;
  let corpus: Awaited<ReturnType<typeof makeCorpus>>;
  let ingested: Ingested;
  let killed: ServiceProcess;
  let survivor: ServiceProcess;
  let scannedJob: string;
  const extractJobs = (): JobRequest[] => [...ingested.documents.values()].map((documentId) => ({ name: 'document.extract', payload: { tenantId: TENANT, documentId } }));

  beforeAll(async () => {
    fixture = await createFixture({ seed: 4101, vendors: 2, scanned: 1 });
    ({ cluster, corpus } = fixture);
    ingested = await ingestCorpus(cluster.resources, corpus.dir);
  }, 60_000);
  afterAll(async () => {
    await fixture?.dispose();
  });

  it('has its job taken over by another worker, and the document completes exactly once', async () => {
    const a = cluster.spawn('extract-worker', {}, 'extract-a');
    const b = cluster.spawn('extract-worker', {}, 'extract-b');
    cluster.spawn('parse-worker');
    cluster.spawn('rules-worker');
    await Promise.all(cluster.processes.map((p) => p.waitForLog((l) => l.msg === 'service started')));

    const scannedId = ingested.documents.get(corpus.scannedPaths[0]!)!;
    scannedJob = `extract.${scannedId}`;
    await cluster.producer.enqueue({ name: 'document.extract', payload: { tenantId: TENANT, documentId: scannedId } });
    killed = await Promise.race([a, b].map((w) => w.waitForLog((l) => l.msg === 'job started' && l.jobId === scannedJob).then(() => w)));
    survivor = killed === a ? b : a;
    killed.kill('SIGKILL');
    const t0 = Date.now();
    // Everything, twice over: the same job asked for again is the same job.
    await cluster.producer.enqueueMany([...extractJobs(), ...extractJobs()]);
    await cluster.producer.enqueue({ name: 'document.extract', payload: { tenantId: TENANT, documentId: scannedId } });

    await waitForResults(cluster, ingested, 90_000);
    expect(await killed.exited).toBeNull();
    expect(killed.logs.some((l) => l.msg === 'job done' && l.jobId === scannedJob)).toBe(false);
    // The survivor found the job stalled (its lock expired) and ran it to the end.
    const done = await survivor.waitForLog((l) => l.msg === 'job done' && l.jobId === scannedJob, 1);
    expect(done.outcome).toBe('done');
    expect(survivor.logs.some((l) => l.msg?.startsWith('job stalled') && l.jobId === scannedJob)).toBe(true);
    expect(Date.now() - t0).toBeLessThan(60_000);

    const rows = await resultRows(cluster);
    expect(rows.documents).toHaveLength(ingested.documents.size);
    expect(rows.documents.find((d) => d.id === scannedId)).toMatchObject({ status: 'parsed', page_count: 1 });
    // One set of pages per document read: as many rows as pages, numbered 1..n.
    for (const d of rows.documents.filter((x) => x.status === 'parsed')) {
      const p = rows.pages.find((x) => x.document_id === d.id);
      expect({ id: d.id, n: Number(p?.n), last: Number(p?.last) }).toEqual({ id: d.id, n: d.page_count, last: d.page_count });
    }
    // One evaluation per vendor and dossier version.
    expect(rows.evaluations.filter((e) => e.n !== 1)).toEqual([]);
    expect(new Set(rows.evaluations.map((e) => e.vendor_id)).size).toBe(ingested.vendors.length);
    // The failed set holds bad input only: unreadable documents, failed once with their code.
    const failedDocs = new Map(rows.documents.filter((d) => d.status === 'failed').map((d) => [`document ${d.id}`, d]));
    for (const j of await cluster.queues((q) => q.list())) expect({ job: j.id, queue: j.queue, attempts: j.attemptsMade, known: failedDocs.has(j.subject ?? '') }).toEqual({ job: j.id, queue: 'extract', attempts: 1, known: true });
  }, 120_000);

  it('runs nothing again when the same jobs are asked for after they completed', async () => {
    const before = await resultRows(cluster);
    await cluster.producer.enqueueMany(extractJobs());
    await new Promise((r) => setTimeout(r, 1_000));
    await waitForResults(cluster, ingested, 10_000);
    expect(await resultRows(cluster)).toEqual(before);
    expect(survivor.logs.filter((l) => l.msg === 'job done' && l.jobId === scannedJob)).toHaveLength(1);
  }, 30_000);
});
