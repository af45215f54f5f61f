import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, TENANT, type Cluster } from './cluster.harness.ts';

/**
 * Two scheduler processes on one Redis (the test's own redis-server): the
 * job schedulers are upserted by stable id, so each tick of the re-check is
 * one job whoever holds it, and its evaluations are keyed by vendor, date,
 * snapshot and dossier: three vendors, however many ticks, three jobs.
 */
describe('scheduler replicas', () => {
  let cluster: Cluster;
  const vendors: string[] = [];

  beforeAll(async () => {
    cluster = await createCluster();
    const repos = cluster.resources.deps.repos;
    for (const name of ['Alpha', 'Bravo', 'Charlie']) {
      const id = await repos.vendors.upsert(TENANT, name);
      const { row } = await repos.documents.upsert({ tenantId: TENANT, sha256: randomBytes(32).toString('hex'), sizeBytes: 1, fileName: `${name}.pdf` });
      await repos.vendors.linkDocument(id, row.id, `${name}/${name}.pdf`);
      vendors.push(id);
    }
    // A vendor without documents is not evaluated.
    await repos.vendors.upsert(TENANT, 'Delta');
  }, 60_000);
  afterAll(async () => {
    await cluster?.dispose();
  });

  it('do not double the jobs', async () => {
    // Every 2 seconds instead of daily; no rules worker runs, so the evaluations stay queued where they can be counted.
    const env = { RECHECK_CRON: '*/2 * * * * *', SWEEP_EVERY_SECONDS: '3600' };
    const replicas = [cluster.spawn('scheduler', env, 'scheduler-1'), cluster.spawn('scheduler', env, 'scheduler-2')];
    await Promise.all(replicas.map((p) => p.waitForLog((l) => l.msg === 'service started')));
    for (const p of replicas) expect((await p.waitForLog((l) => l.msg === 'job schedulers in place')).upserted).toEqual(['documents-sweep', 'vendors-recheck']);
    const started = Date.now();
    const runs = () => replicas.flatMap((p) => p.logs.filter((l) => l.msg === 'vendors re-checked').map((l) => ({ jobId: String(l.jobId), by: p.label })));
    const deadline = started + 30_000;
    while (runs().length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const elapsedS = (Date.now() - started) / 1000;
    const seen = runs();
    expect(seen.length, replicas.map((p) => p.tail()).join('\n')).toBeGreaterThanOrEqual(4);
    // Each tick ran once, by one replica or the other; never more ticks than the clock allows.
    expect(new Set(seen.map((r) => r.jobId)).size).toBe(seen.length);
    expect(seen.length).toBeLessThanOrEqual(Math.ceil(elapsedS / 2) + 2);
    const counts = await cluster.queues((q) => q.counts());
    expect(counts.evaluate!.waiting).toBe(vendors.length);
    expect(counts.maintenance!.failed).toBe(0);
    for (const p of replicas) expect(await Promise.race([p.exited, Promise.resolve('running')])).toBe('running');
    expect(await Promise.all(replicas.map((p) => p.stop()))).toEqual([0, 0]);
  }, 90_000);
});
