import { randomBytes, randomUUID } from 'node:crypto';
import { addDays, type ReportVendor } from '@hds/core';
import { dossierVersion } from '@hds/pipeline';
import { createSecretBox, generateWebhookSecret } from '@hds/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, ingestCorpus, TENANT, waitForResults, type Cluster, type Fixture, type Ingested } from '../distributed/cluster.harness.ts';
import { startReceiver, type Receiver } from './receiver.harness.ts';

// The whole distributed pipeline as processes (extract, parse and rules
// workers, the notifier) on a generated corpus: the events come from real
// evaluations by the rules worker, through the outbox, to a receiver on
// loopback that verifies every signature.
describe('webhooks from the distributed pipeline', () => {
  let fixture: Fixture;
  let cluster: Cluster;
  let ingested: Ingested;
  let receiver: Receiver;
  const key = randomBytes(32).toString('base64');
  const secret = generateWebhookSecret();

  beforeAll(async () => {
    [fixture, receiver] = await Promise.all([createFixture({ seed: 6106, vendors: 3 }), startReceiver()]);
    cluster = fixture.cluster;
    ingested = await ingestCorpus(cluster.resources, fixture.corpus.dir);
    receiver.route('/hooks', secret);
    const id = randomUUID();
    await cluster.resources.deps.repos.webhooks.create({ id, tenantId: TENANT, url: receiver.url('/hooks'), events: ['vendor.status_changed'], description: null, secretSealed: createSecretBox(key).seal(secret, id) });
  }, 120_000);
  afterAll(async () => {
    await fixture?.dispose();
    await receiver?.close();
  });

  const statusChanges = (vendorId?: string) => receiver.hooks('/hooks').filter((h) => h.body.type === 'vendor.status_changed' && (vendorId === undefined || h.body.data.vendor.id === vendorId));

  it('one vendor.status_changed per vendor evaluated, then exactly one when a vendor turns non-compliant', async () => {
    for (const name of ['extract-worker', 'parse-worker', 'rules-worker'] as const) cluster.spawn(name);
    cluster.spawn('notifier', { WEBHOOK_SECRET_KEY: key, WEBHOOK_ALLOWED_TARGETS: '127.0.0.1', WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_RELAY_INTERVAL_MS: '100', WEBHOOK_BACKOFF_BASE_MS: '100' });
    await Promise.all(cluster.processes.map((p) => p.waitForLog((l) => l.msg === 'service started')));
    await cluster.producer.enqueueMany([...ingested.documents.values()].map((documentId) => ({ name: 'document.extract' as const, payload: { tenantId: TENANT, documentId } })));
    await waitForResults(cluster, ingested, 120_000);

    const repos = cluster.resources.deps.repos;
    const until = async (what: string, ok: () => boolean, ms = 30_000) => {
      const end = Date.now() + ms;
      while (!ok()) {
        if (Date.now() > end) throw new Error(`${what} within ${ms} ms\n${cluster.processes.map((p) => p.tail(8)).join('\n')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await until('one status change per vendor', () => statusChanges().length >= ingested.vendors.length);
    await new Promise((r) => setTimeout(r, 1_000));
    const latest = new Map(await Promise.all(ingested.vendors.map(async (v) => [v.id, (await repos.evaluations.latest(v.id))!] as const)));
    for (const v of ingested.vendors) {
      const [change, ...more] = statusChanges(v.id);
      expect(more, v.name).toEqual([]);
      expect(change!.verified).toBe(true);
      expect(change!.body.data).toMatchObject({ vendor: { id: v.id, name: v.name }, previousStatus: null, status: latest.get(v.id)!.status });
    }

    // A vendor not yet non-compliant, re-checked the day after its certificates expire.
    const target = ingested.vendors.find((v) => latest.get(v.id)!.status !== 'non_compliant' && (latest.get(v.id)!.report as ReportVendor).certificates.some((c) => c.expiresOn));
    expect(target, 'the corpus has a vendor that is not non-compliant and holds a dated certificate').toBeDefined();
    const before = latest.get(target!.id)!;
    const lastExpiry = (before.report as ReportVendor).certificates.map((c) => c.expiresOn).filter((d): d is string => d !== null).sort().at(-1)!;
    const docs = await repos.vendors.listDocuments(target!.id);
    const recheck = (asOf: string) => ({ name: 'vendor.evaluate' as const, payload: { tenantId: TENANT, vendorId: target!.id, asOf, dossierVersion: dossierVersion(docs), reason: 'test.recheck' } });
    await cluster.producer.enqueue(recheck(addDays(lastExpiry, 1)));
    await until('the vendor turned non-compliant', () => statusChanges(target!.id).length >= 2);
    // Asked again, and a day later (nothing changes): no further event.
    await cluster.producer.enqueueMany([recheck(addDays(lastExpiry, 1)), recheck(addDays(lastExpiry, 2))]);
    const end = Date.now() + 20_000;
    while ((await repos.evaluations.latest(target!.id))!.asOf !== addDays(lastExpiry, 2) && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    expect((await repos.evaluations.latest(target!.id))!.asOf).toBe(addDays(lastExpiry, 2));
    await new Promise((r) => setTimeout(r, 1_500));

    const changes = statusChanges(target!.id);
    expect(changes).toHaveLength(2);
    expect(changes[1]!.verified).toBe(true);
    expect(changes[1]!.body.data).toMatchObject({ previousStatus: before.status, status: 'non_compliant', asOf: addDays(lastExpiry, 1) });
    expect(new Set(receiver.hooks('/hooks').map((h) => h.id)).size).toBe(receiver.hooks('/hooks').length);
  }, 240_000);
});
