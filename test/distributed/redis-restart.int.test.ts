import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBullmqProducer } from '@hds/jobs';
import { scanReviewFolder } from '@hds/pipeline';
import { createFixture, ingestCorpus, makeCorpus, resultRows, TENANT, waitForResults, type Cluster, type Fixture, type Ingested } from './cluster.harness.ts';

// The test's own redis-server (AOF, fsync always, as production runs it),
// killed while the workers run and started again on the same port.
describe('Redis restarted while workers run', () => {
  let fixture: Fixture;
  let cluster: Cluster;
  let corpus: Awaited<ReturnType<typeof makeCorpus>>;
  let ingested: Ingested;
  let lateVendor: string;

  beforeAll(async () => {
    fixture = await createFixture({ seed: 4202, vendors: 3 });
    ({ cluster, corpus } = fixture);
    // One vendor's dossier is uploaded during the outage.
    lateVendor = (await scanReviewFolder(corpus.dir)).vendors.at(-1)!.name;
    ingested = await ingestCorpus(cluster.resources, corpus.dir, { vendors: (name) => name !== lateVendor });
  }, 60_000);
  afterAll(async () => {
    await fixture?.dispose();
  });

  it('has the workers reconnect and finish; an upload whose job was lost is repaired by the sweep', async () => {
    const workers = [cluster.spawn('extract-worker'), cluster.spawn('parse-worker'), cluster.spawn('rules-worker')];
    // The sweep every 5 s, for documents stuck more than 2 s.
    const scheduler = cluster.spawn('scheduler', { SWEEP_EVERY_SECONDS: '5', SWEEP_OLDER_THAN_SECONDS: '2' });
    await Promise.all(cluster.processes.map((p) => p.waitForLog((l) => l.msg === 'service started')));
    await cluster.producer.enqueueMany([...ingested.documents.values()].map((documentId) => ({ name: 'document.extract', payload: { tenantId: TENANT, documentId } })));
    await workers[1]!.waitForLog((l) => l.msg === 'job done', 20_000);

    await cluster.redis.stop('SIGKILL');
    // Uploads during the outage: stored in S3 and PostgreSQL, but their jobs cannot be enqueued (the intake answers 503).
    const late = await ingestCorpus(cluster.resources, corpus.dir, { vendors: (name) => name === lateVendor });
    const intake = createBullmqProducer({ redisUrl: cluster.redis.url, prefix: cluster.env.QUEUE_PREFIX!, failFast: true });
    const lateJobs = [...late.documents.values()].map((documentId) => ({ name: 'document.extract' as const, payload: { tenantId: TENANT, documentId } }));
    await expect(intake.enqueueMany(lateJobs)).rejects.toMatchObject({ code: 'queue.unavailable', httpStatus: 503 });
    await intake.close();
    ingested.vendors.push(...late.vendors);
    for (const [path, id] of late.documents) ingested.documents.set(path, id);
    await new Promise((r) => setTimeout(r, 3_000));
    await cluster.redis.start();

    // Their jobs were never enqueued: the scheduler's sweep finds them in `stored`.
    await waitForResults(cluster, ingested, 60_000);
    for (const w of workers) {
      expect(w.logs.some((l) => l.msg === 'Redis connection back'), w.tail()).toBe(true);
      expect(await Promise.race([w.exited, Promise.resolve('running')])).toBe('running');
    }
    expect(scheduler.logs.some((l) => l.msg === 'stuck documents re-enqueued' && Number(l.extract) >= 1)).toBe(true);

    const rows = await resultRows(cluster);
    expect(rows.documents).toHaveLength(ingested.documents.size);
    expect(rows.documents.filter((d) => d.status !== 'parsed' && d.status !== 'failed')).toEqual([]);
    for (const d of rows.documents.filter((x) => x.status === 'parsed')) expect(Number(rows.pages.find((p) => p.document_id === d.id)?.n)).toBe(d.page_count);
    expect(rows.evaluations.filter((e) => e.n !== 1)).toEqual([]);
  }, 120_000);
});
