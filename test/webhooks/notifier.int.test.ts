import { randomBytes, randomUUID } from 'node:crypto';
import type { Finding, ReportVendor, VendorStatus } from '@hds/core';
import { createRepositories, type Repositories, type WebhookTables } from '@hds/db';
import { createTestPostgres, type TestDatabase } from '@hds/db/testing';
import { createSecretBox, generateWebhookSecret } from '@hds/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../distributed/redis-server.harness.ts';
import { spawnService, type ServiceProcess } from '../distributed/service-process.harness.ts';
import { answer, never, sequence, startReceiver, type Receiver } from './receiver.harness.ts';

// Real notifier processes (node services/notifier/src/main.ts) on a PostgreSQL
// database and a redis-server of their own, delivering to a real HTTP
// receiver on loopback that checks every signature. Backoffs are short by
// configuration, never by faking time.

const SECRET_KEY = randomBytes(32).toString('base64');
const box = createSecretBox(SECRET_KEY);
const report = { name: 'x', status: 'compliant', documents: [], certificates: [], contracts: [], findings: [] } satisfies ReportVendor;
const expired: Finding = { rule: 'CERT_EXPIRED', severity: 'critical', document: 'v/cert.pdf', message: 'Le certificat a expiré.', evidence: [{ path: 'v/cert.pdf', page: 1, excerpt: 'TEXTE-DU-DOCUMENT' }] };

let db: TestDatabase;
let repos: Repositories;
let redis: RedisServer;
let receiver: Receiver;
let notifier: ServiceProcess;
const processes: ServiceProcess[] = [];
const secrets: string[] = [];

const env = (extra: Record<string, string> = {}): Record<string, string> => ({
  DATABASE_URL: db.url!,
  DATABASE_POOL_SIZE: '4',
  REDIS_URL: redis.url,
  QUEUE_PREFIX: 'hds-notify-test',
  LOG_LEVEL: 'debug',
  WORKER_CONCURRENCY: '4',
  JOB_LOCK_MS: '2000',
  SHUTDOWN_TIMEOUT_MS: '5000',
  WEBHOOK_SECRET_KEY: SECRET_KEY,
  // The receiver is on loopback: allowed explicitly, as an operator would.
  WEBHOOK_ALLOWED_TARGETS: '127.0.0.1',
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_TIMEOUT_MS: '1000',
  WEBHOOK_MAX_ATTEMPTS: '5',
  WEBHOOK_BACKOFF_BASE_MS: '100',
  WEBHOOK_BACKOFF_MAX_MS: '5000',
  WEBHOOK_DISABLE_AFTER_FAILURES: '2',
  WEBHOOK_RELAY_INTERVAL_MS: '100',
  ...extra,
});

function spawnNotifier(extra: Record<string, string> = {}, label = 'notifier'): ServiceProcess {
  const p = spawnService('notifier', env(extra), label);
  processes.push(p);
  return p;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms\n${processes.map((p) => p.tail(10)).join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A tenant with one vendor, and subscriptions to paths of the receiver. */
async function tenantWith(subs: Array<{ path: string; events: string[]; url?: string; script?: Parameters<Receiver['route']>[2] }>) {
  const tenantId = `t-${randomBytes(4).toString('hex')}`;
  await repos.vendors.ensureTenant(tenantId);
  const vendorId = await repos.vendors.upsert(tenantId, `Clinique ${tenantId}`);
  let minute = 0;
  const evaluate = (status: VendorStatus, findings: Finding[] = []) =>
    repos.evaluations.save({
      tenantId,
      vendorId,
      asOf: '2026-11-29',
      registrySnapshotId: null,
      status,
      dossierVersion: randomUUID(),
      report: { ...report, status },
      findings: findings.map((f) => ({ fingerprint: f.rule, finding: f })),
      at: new Date(Date.UTC(2026, 10, 29, 8, minute++)),
    });
  const subscriptions = [];
  for (const s of subs) {
    const id = randomUUID();
    const secret = generateWebhookSecret();
    secrets.push(secret);
    receiver.route(s.path, secret, s.script);
    subscriptions.push(await repos.webhooks.create({ id, tenantId, url: s.url ?? receiver.url(s.path), events: s.events, description: null, secretSealed: box.seal(secret, id) }));
  }
  return { tenantId, vendorId, evaluate, subscriptions };
}

const deliveryOf = async (subscriptionId: string) => (await repos.webhooks.deliveries(subscriptionId, { limit: 10 }))[0];
const settled = (subscriptionId: string, status: 'delivered' | 'failed') => async () => {
  const d = await deliveryOf(subscriptionId);
  return d?.status === status ? d : undefined;
};

beforeAll(async () => {
  [db, redis, receiver] = await Promise.all([createTestPostgres(), startRedisServer(), startReceiver()]);
  repos = createRepositories(db.db);
  notifier = spawnNotifier();
  await notifier.waitForLog((l) => l.msg === 'service started');
});

afterAll(async () => {
  for (const p of processes) p.kill('SIGKILL');
  await Promise.all(processes.map((p) => p.exited));
  await receiver?.close();
  await redis?.dispose();
  await db?.dispose();
});

describe('notifier', () => {
  it('a vendor turning non-compliant: exactly one vendor.status_changed per subscription, signed', async () => {
    const t = await tenantWith([]);
    await t.evaluate('compliant'); // before any subscription: nothing written
    const subA = generateWebhookSecret();
    const subB = generateWebhookSecret();
    const idA = randomUUID();
    const idB = randomUUID();
    receiver.route('/status/a', subA);
    receiver.route('/status/b', subB);
    await repos.webhooks.create({ id: idA, tenantId: t.tenantId, url: receiver.url('/status/a'), events: ['vendor.status_changed', 'finding.opened'], description: null, secretSealed: box.seal(subA, idA) });
    await repos.webhooks.create({ id: idB, tenantId: t.tenantId, url: receiver.url('/status/b'), events: ['vendor.status_changed'], description: null, secretSealed: box.seal(subB, idB) });
    secrets.push(subA, subB);

    await t.evaluate('non_compliant', [expired]);
    await t.evaluate('non_compliant', [expired]); // a re-evaluation that changed nothing
    await until('both delivered', async () => (await settled(idA, 'delivered')()) && (await settled(idB, 'delivered')()));
    await until('finding.opened delivered', async () => receiver.hooks('/status/a').length >= 2);
    // Relay passes run every 100 ms: a duplicate would show within a second.
    await new Promise((r) => setTimeout(r, 1_000));

    const statusA = receiver.hooks('/status/a').filter((h) => h.body.type === 'vendor.status_changed');
    const statusB = receiver.hooks('/status/b').filter((h) => h.body.type === 'vendor.status_changed');
    expect(statusA).toHaveLength(1);
    expect(statusB).toHaveLength(1);
    expect(receiver.hooks('/status/a').map((h) => h.body.type).sort()).toEqual(['finding.opened', 'vendor.status_changed']);
    expect(receiver.hooks('/status/b').map((h) => h.body.type)).toEqual(['vendor.status_changed']);
    for (const h of [...receiver.hooks('/status/a'), ...receiver.hooks('/status/b')]) expect(h.verified, h.path).toBe(true);
    expect(statusA[0]!.id).toBe(statusB[0]!.id);
    expect(statusA[0]!.body).toMatchObject({
      id: statusA[0]!.id,
      type: 'vendor.status_changed',
      tenantId: t.tenantId,
      data: { vendor: { id: t.vendorId, name: `Clinique ${t.tenantId}` }, previousStatus: 'compliant', status: 'non_compliant', asOf: '2026-11-29' },
    });
    expect(JSON.stringify(receiver.hooks('/status/a'))).not.toContain('TEXTE-DU-DOCUMENT');

    // An operator's re-delivery: the same event, the same webhook-id, again.
    expect(await repos.webhooks.redeliver(statusB[0]!.id, [idB])).toBe(1);
    await until('re-delivered', async () => receiver.hooks('/status/b').length === 2);
    expect(receiver.hooks('/status/b').map((h) => [h.id, h.verified])).toEqual([
      [statusB[0]!.id, true],
      [statusB[0]!.id, true],
    ]);
    await until('re-delivery settled', settled(idB, 'delivered'));
  });

  it('a receiver answering 500 three times then 200 gets the event on the fourth attempt, with the same webhook-id', async () => {
    const t = await tenantWith([{ path: '/flaky', events: ['vendor.status_changed'], script: sequence(answer(500), answer(500), answer(500), answer(200)) }]);
    await t.evaluate('non_compliant', [expired]);
    const sub = t.subscriptions[0]!;
    const d = await until('delivered', settled(sub.id, 'delivered'));
    const hooks = receiver.hooks('/flaky');
    expect(hooks).toHaveLength(4);
    expect(new Set(hooks.map((h) => h.id)).size).toBe(1);
    expect(hooks.every((h) => h.verified)).toBe(true);
    expect(d.attempts).toBe(4);
    const attempts = await repos.webhooks.attempts(d.eventId, sub.id);
    expect(attempts.map((a) => [a.attempt, a.outcome, a.statusCode, a.errorCode])).toEqual([
      [1, 'failed', 500, 'webhook.http_status'],
      [2, 'failed', 500, 'webhook.http_status'],
      [3, 'failed', 500, 'webhook.http_status'],
      [4, 'delivered', 200, null],
    ]);
    expect(attempts.every((a) => typeof a.durationMs === 'number')).toBe(true);
  });

  it('a receiver that never answers is timed out and retried', async () => {
    const t = await tenantWith([{ path: '/silent', events: ['vendor.status_changed'], script: never }]);
    await t.evaluate('non_compliant', [expired]);
    const sub = t.subscriptions[0]!;
    const attempts = await until('two timed-out attempts', async () => {
      const d = await deliveryOf(sub.id);
      const a = d ? await repos.webhooks.attempts(d.eventId, sub.id) : [];
      return a.filter((x) => x.errorCode === 'webhook.timeout').length >= 2 ? a : undefined;
    });
    expect(attempts[0]).toMatchObject({ outcome: 'failed', statusCode: null, errorCode: 'webhook.timeout' });
    expect(attempts[0]!.durationMs).toBeGreaterThanOrEqual(900);
    const hooks = receiver.hooks('/silent');
    expect(hooks.length).toBeGreaterThanOrEqual(2);
    expect(new Set(hooks.map((h) => h.id)).size).toBe(1);
  });

  it('honours Retry-After', async () => {
    const t = await tenantWith([{ path: '/later', events: ['vendor.status_changed'], script: sequence(answer(503, { 'retry-after': '2' }), answer(200)) }]);
    await t.evaluate('needs_review');
    await until('delivered', settled(t.subscriptions[0]!.id, 'delivered'));
    const [first, second] = receiver.hooks('/later');
    // The backoff alone (base 100 ms) would retry within 100 ms.
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(1_900);
  });

  it('a target on a private address is refused, recorded, and given up at once', async () => {
    const t = await tenantWith([{ path: '/unused', url: 'http://10.255.255.1:9/never-dialed', events: ['vendor.status_changed'] }]);
    await t.evaluate('non_compliant', [expired]);
    const sub = t.subscriptions[0]!;
    const d = await until('given up', settled(sub.id, 'failed'));
    const attempts = await repos.webhooks.attempts(d.eventId, sub.id);
    expect(attempts.map((a) => [a.outcome, a.statusCode, a.errorCode])).toEqual([['failed', null, 'webhook.target_forbidden']]);
    expect(attempts[0]!.errorMessage).toMatch(/10\.255\.255\.1, a private address/);
  });

  it('disables a subscription after N events in a row were given up, and says so', async () => {
    const t = await tenantWith([{ path: '/down', events: ['vendor.status_changed'], script: answer(500) }]);
    const sub = t.subscriptions[0]!;
    await t.evaluate('non_compliant', [expired]);
    await until('first event given up', settled(sub.id, 'failed'), 60_000);
    expect(await repos.webhooks.get(sub.id)).toMatchObject({ status: 'enabled', consecutiveFailures: 1 });
    await t.evaluate('compliant');
    await until('disabled', async () => ((await repos.webhooks.get(sub.id))?.status === 'disabled' ? true : undefined), 60_000);
    expect(await repos.webhooks.get(sub.id)).toMatchObject({ consecutiveFailures: 2, disabledReason: expect.stringContaining('2 events in a row') });
    await notifier.waitForLog((l) => l.msg?.startsWith('webhook subscription disabled') === true && l.subscriptionId === sub.id);
    expect(receiver.hooks('/down')).toHaveLength(10); // 5 attempts × 2 events
  });

  it('a bad subscription (unreadable secret, invalid URL) fails its delivery and never stops the notifier', async () => {
    const t = await tenantWith([
      { path: '/bad-secret', events: ['vendor.status_changed'] },
      { path: '/unused-2', url: 'ftp://127.0.0.1/x', events: ['vendor.status_changed'] },
      { path: '/still-fine', events: ['vendor.status_changed'] },
    ]);
    const [badSecret, badUrl, fine] = t.subscriptions;
    // A secret sealed for another subscription does not open for this one.
    await db.db.withTables<WebhookTables>().updateTable('webhook_subscriptions').set({ secret_sealed: box.seal(generateWebhookSecret(), randomUUID()) }).where('id', '=', badSecret!.id).execute();
    await t.evaluate('non_compliant', [expired]);
    await until('delivered to the good one', settled(fine!.id, 'delivered'));
    expect(await until('unreadable secret settled', settled(badSecret!.id, 'failed'))).toMatchObject({ attempts: 0, lastErrorCode: 'webhook.secret_unreadable' });
    const invalid = await until('invalid URL settled', settled(badUrl!.id, 'failed'));
    expect(await repos.webhooks.attempts(invalid.eventId, badUrl!.id)).toMatchObject([{ outcome: 'failed', errorCode: 'webhook.target_invalid' }]);
    expect(receiver.hooks('/bad-secret')).toEqual([]);
    expect(notifier.logs.some((l) => l.level !== undefined && l.level >= 60)).toBe(false);
  });

  it('never logs a secret, a body or document text', () => {
    const logs = JSON.stringify(notifier.logs);
    for (const s of secrets) expect(logs).not.toContain(s.slice(6));
    expect(logs).not.toContain(SECRET_KEY);
    expect(logs).not.toContain('TEXTE-DU-DOCUMENT');
    expect(logs).not.toContain('Le certificat a expiré');
    expect(logs).toContain('webhook delivered');
  });

  it('a notifier killed mid-delivery (SIGKILL) delivers after restart, with the same webhook-id', async () => {
    expect(await notifier.stop()).toBe(0);
    // Long timeout: the held request must still be in flight when the process dies.
    const first = spawnNotifier({ WEBHOOK_TIMEOUT_MS: '60000' }, 'notifier-1');
    await first.waitForLog((l) => l.msg === 'service started');
    const t = await tenantWith([{ path: '/killed', events: ['vendor.status_changed'], script: sequence(never, answer(200)) }]);
    await t.evaluate('non_compliant', [expired]);
    await until('first request received and held', async () => receiver.hooks('/killed').length === 1);
    first.kill('SIGKILL');
    expect(await first.exited).toBeNull();

    const second = spawnNotifier({}, 'notifier-2');
    const sub = t.subscriptions[0]!;
    const d = await until('delivered after restart', settled(sub.id, 'delivered'), 60_000);
    const hooks = receiver.hooks('/killed');
    expect(hooks.length).toBeGreaterThanOrEqual(2);
    expect(new Set(hooks.map((h) => h.id))).toEqual(new Set([d.eventId]));
    expect(hooks.every((h) => h.verified)).toBe(true);
    const attempts = await repos.webhooks.attempts(d.eventId, sub.id);
    // The attempt the killed process was making stays on record, unfinished.
    expect(attempts[0]!.outcome).toBe('in_flight');
    expect(attempts.at(-1)).toMatchObject({ outcome: 'delivered', statusCode: 200 });
    expect(await second.stop()).toBe(0);
  });
});
