import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, ingestCorpus, makeCorpus, resultRows, S3_ENDPOINT, TENANT, waitForResults, type Cluster, type Fixture, type Ingested } from './cluster.harness.ts';
import { freePort } from './redis-server.harness.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.harness.ts';

async function readyz(port: number): Promise<{ status: number; body: { checks?: Record<string, string> } }> {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { status: res.status, body: (await res.json()) as { checks?: Record<string, string> } };
}

async function readyWithin(port: number, ms: number): Promise<Awaited<ReturnType<typeof readyz>>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const r = await readyz(port);
    if (r.status === 200 || Date.now() > deadline) return r;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// The workers reach S3 through a TCP relay the test takes down: connections
// refused, open ones cut, as when the S3 server is down.
describe('the S3 server unavailable for a while', () => {
  let fixture: Fixture;
  let cluster: Cluster;
  let corpus: Awaited<ReturnType<typeof makeCorpus>>;
  let ingested: Ingested;
  let proxy: TcpProxy;

  beforeAll(async () => {
    fixture = await createFixture({ seed: 4303, vendors: 2 });
    ({ cluster, corpus } = fixture);
    // Stored directly (the outage starts after the uploads).
    ingested = await ingestCorpus(cluster.resources, corpus.dir);
    const s3 = new URL(S3_ENDPOINT);
    proxy = await startTcpProxy({ host: s3.hostname, port: Number(s3.port || 80) });
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await fixture?.dispose();
  });

  it('has jobs retried with backoff, and completed once it is back', async () => {
    const healthPort = await freePort();
    const viaProxy = { S3_ENDPOINT: `http://127.0.0.1:${proxy.port}` };
    const extract = cluster.spawn('extract-worker', { ...viaProxy, HEALTH_PORT: String(healthPort) });
    cluster.spawn('parse-worker', viaProxy);
    cluster.spawn('rules-worker', viaProxy);
    await Promise.all(cluster.processes.map((p) => p.waitForLog((l) => l.msg === 'service started')));
    // Ready once its checks pass; on a loaded machine (the suite runs OCR files alongside) the first may take a moment.
    expect((await readyWithin(healthPort, 15_000)).status).toBe(200);

    await proxy.close();
    const jobs = [...ingested.documents.values()].map((documentId) => ({ name: 'document.extract' as const, payload: { tenantId: TENANT, documentId } }));
    await cluster.producer.enqueueMany(jobs);
    await extract.waitForLog((l) => l.msg === 'job failed; will retry' && l.code === 'storage.unavailable', 20_000);
    const down = await readyz(healthPort);
    expect(down.status).toBe(503);
    expect(down.body.checks).toMatchObject({ redis: 'ok', database: 'ok', storage: 'storage.unavailable' });
    // Nothing was read while S3 was away, and nothing was given up.
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await cluster.queues((q) => q.list())).filter((j) => j.code === 'storage.unavailable')).toEqual([]);

    await proxy.open();
    await waitForResults(cluster, ingested, 60_000);
    expect((await readyWithin(healthPort, 15_000)).status).toBe(200);

    const retried = new Set(extract.logs.filter((l) => l.msg === 'job failed; will retry').map((l) => l.jobId));
    expect(retried.size).toBeGreaterThan(0);
    // Each ran to its end once S3 was back: read, or found unreadable (bad input, recorded).
    const ended = (jobId: unknown) => extract.logs.some((l) => l.jobId === jobId && (l.msg === 'job done' || l.msg === 'job failed on bad input; recorded, not retried'));
    expect([...retried].filter((jobId) => !ended(jobId))).toEqual([]);
    const rows = await resultRows(cluster);
    expect(rows.documents.filter((d) => d.status !== 'parsed' && d.status !== 'failed')).toEqual([]);
    expect(rows.evaluations.filter((e) => e.n !== 1)).toEqual([]);
    // Dead letters: unreadable documents only (after their outage retries), never the outage itself.
    const failed = new Set(rows.documents.filter((d) => d.status === 'failed').map((d) => `document ${d.id}`));
    expect((await cluster.queues((q) => q.list())).filter((j) => j.code === 'storage.unavailable' || !failed.has(j.subject ?? ''))).toEqual([]);
  }, 120_000);
});
