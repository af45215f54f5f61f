import { randomUUID } from 'node:crypto';
import type { Finding, ReportVendor, VendorStatus } from '@hds/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from './repositories.ts';
import { createTestPglite, createTestPostgres, type TestDatabase } from './testing.ts';

const report = { name: 'Acme', status: 'compliant', documents: [], certificates: [], contracts: [], findings: [] } satisfies ReportVendor;
const critical: Finding = { rule: 'CERT_EXPIRED', severity: 'critical', document: 'Acme/cert.pdf', message: 'expiré', evidence: [{ path: 'Acme/cert.pdf', page: 1, excerpt: 'texte du document' }] };

// The outbox and deliveries run on both stores (the embedded one never relays, but the same SQL must hold).
describe.each([
  ['PGlite', createTestPglite],
  ['PostgreSQL', createTestPostgres],
])('webhook outbox and deliveries on %s', (_name, create) => {
  let t: TestDatabase;
  let repos: Repositories;
  let vendorId: string;
  let day = 0;
  const evaluate = (status: VendorStatus, findings: Finding[]) =>
    repos.evaluations.save({
      tenantId: 't1',
      vendorId,
      asOf: '2026-11-29',
      registrySnapshotId: null,
      status,
      dossierVersion: 'v',
      report: { ...report, status },
      findings: findings.map((f) => ({ fingerprint: f.rule, finding: f })),
      at: new Date(Date.UTC(2026, 10, 29, 10, day++)),
    });
  const events = async () => (await repos.events.list('t1', { limit: 100 })).rows.reverse();
  const subscribe = (events: string[]) => repos.webhooks.create({ id: randomUUID(), tenantId: 't1', url: 'https://hooks.example.com/x', events, description: null, secretSealed: 'v1.k.iv.ct' });

  beforeAll(async () => {
    t = await create();
    repos = createRepositories(t.db);
    await repos.vendors.ensureTenant('t1');
    vendorId = await repos.vendors.upsert('t1', 'Acme Santé');
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('writes no event while the tenant has no enabled subscription', async () => {
    await evaluate('compliant', []);
    expect(await events()).toEqual([]);
  });

  it('writes the events of an evaluation in its transaction, none for one that changed nothing', async () => {
    const all = await subscribe(['vendor.status_changed', 'finding.opened', 'finding.resolved']);
    const onlyStatus = await subscribe(['vendor.status_changed']);
    await evaluate('non_compliant', [critical]);
    await evaluate('non_compliant', [critical]);
    const written = await events();
    expect(written.map((e) => e.type)).toEqual(['vendor.status_changed', 'finding.opened']);
    expect(written[0]).toMatchObject({ vendorId, data: { vendor: { id: vendorId, name: 'Acme Santé' }, previousStatus: 'compliant', status: 'non_compliant' } });
    expect(JSON.stringify(written)).not.toContain('texte du document');

    expect(await repos.webhooks.fanOutEvents(100)).toBe(2);
    expect(await repos.webhooks.fanOutEvents(100)).toBe(0);
    const queued: string[] = [];
    expect(await repos.webhooks.enqueuePending(100, async (rows) => void queued.push(...rows.map((r) => `${r.subscriptionId === all.id ? 'all' : 'status'}:${r.round}`)))).toBe(3);
    expect(queued.sort()).toEqual(['all:0', 'all:0', 'status:0']);
    expect(await repos.webhooks.enqueuePending(100, async () => undefined)).toBe(0);
    // Queued, never attempted, long ago: its job was lost; queued again (the same job id).
    const later = new Date(Date.now() + 7 * 3_600_000);
    expect(await repos.webhooks.enqueuePending(100, async () => undefined, later)).toBe(3);
    expect(await repos.webhooks.enqueuePending(100, async () => undefined, later)).toBe(0);
    expect((await repos.webhooks.deliveries(onlyStatus.id, { limit: 10 })).map((d) => d.eventType)).toEqual(['vendor.status_changed']);

    await evaluate('compliant', []);
    expect((await events()).slice(2).map((e) => e.type)).toEqual(['vendor.status_changed', 'finding.resolved']);
    expect((await events())[3]!.data).toMatchObject({ finding: { rule: 'CERT_EXPIRED', fingerprint: 'CERT_EXPIRED' } });
  });

  it('counts attempts from their start, settles the delivery, and disables a subscription after N events given up', async () => {
    const sub = await subscribe(['vendor.status_changed']);
    await evaluate('non_compliant', [critical]);
    await repos.webhooks.fanOutEvents(100);
    const [d] = await repos.webhooks.deliveries(sub.id, { limit: 1 });
    const key = { eventId: d!.eventId, subscriptionId: sub.id, round: 0 };
    const a1 = await repos.webhooks.startAttempt(key, new Date());
    expect(a1?.attempt).toBe(1);
    await repos.webhooks.finishAttempt({ ...key, attemptId: a1!.attemptId }, { ok: false, durationMs: 5, statusCode: 500, errorCode: 'webhook.http_status', errorMessage: 'The receiver answered 500', settle: null }, new Date());
    const a2 = await repos.webhooks.startAttempt(key, new Date());
    expect(a2?.attempt).toBe(2);
    await repos.webhooks.finishAttempt({ ...key, attemptId: a2!.attemptId }, { ok: false, durationMs: 5, statusCode: 500, errorCode: 'webhook.http_status', errorMessage: 'x', settle: 'failed' }, new Date());
    expect(await repos.webhooks.startAttempt(key, new Date())).toBeNull();
    expect((await repos.webhooks.attempts(d!.eventId, sub.id)).map((a) => [a.attempt, a.outcome, a.statusCode])).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 500],
    ]);
    expect(await repos.webhooks.recordEventOutcome(sub.id, false, 2, new Date())).toEqual({ consecutiveFailures: 1, disabledNow: false });
    expect(await repos.webhooks.recordEventOutcome(sub.id, false, 2, new Date())).toEqual({ consecutiveFailures: 2, disabledNow: true });
    expect(await repos.webhooks.recordEventOutcome(sub.id, false, 2, new Date())).toEqual({ consecutiveFailures: 3, disabledNow: false });
    expect(await repos.webhooks.get(sub.id)).toMatchObject({ status: 'disabled', disabledReason: expect.stringContaining('2 events in a row') });
    expect(await repos.webhooks.setEnabled(sub.id, true, null)).toMatchObject({ status: 'enabled', consecutiveFailures: 0, disabledReason: null });

    // Re-delivery: a new round, fresh attempts, queued again.
    expect(await repos.webhooks.redeliver(d!.eventId, [sub.id])).toBe(1);
    expect(await repos.webhooks.delivery(d!.eventId, sub.id)).toMatchObject({ round: 1, status: 'pending', attempts: 0, enqueued_at: null });
  });
});
