import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, organisationKey, type RegistryEntry } from '@hds/core';
import { createRepositories, type Repositories } from '@hds/db';
import { createTestPostgres, type TestDatabase } from '@hds/db/testing';
import { closeConnection, createBullmqProducer, createInlineRunner, createWorkerConnection, openDeadLetter, startQueueWorker, type DeadLetter, type JobProducer, type QueueWorker } from '@hds/jobs';
import { silentLogger } from '@hds/logger';
import { createStageHandlers, importAndReevaluate, ingestLocalFile, type PipelineDeps } from '@hds/pipeline';
import { certificateNumberKey } from '@hds/registry';
import { createFilesystemStore } from '@hds/storage';
import { generateCorpus, type CorpusTruth, type VendorTruth } from '../fixtures/src/index.ts';

const REDIS_URL = process.env.HDS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TENANT = 'rechecks';
const AS_OF = '2026-11-29';

/**
 * The daily re-check and registry changes end to end on real PostgreSQL and
 * Redis (BullMQ workers in this process, own prefix), over a generated
 * corpus read by the real stage handlers. The clock is injected: days pass
 * by setting it, never by waiting.
 */
describe('re-checks and registry snapshots (BullMQ on Redis, PostgreSQL)', () => {
  let tmp: string;
  let truth: CorpusTruth;
  let db: TestDatabase;
  let repos: Repositories;
  let deps: PipelineDeps;
  let clock = new Date(`${AS_OF}T06:00:00.000Z`);
  let producer: JobProducer;
  let queues: DeadLetter;
  const workers: QueueWorker[] = [];
  const prefix = `hds-test-${randomBytes(4).toString('hex')}`;
  const vendorIds = new Map<string, string>();

  async function drain(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    while (quiet < 2) {
      if (Date.now() > deadline) throw new Error(`queues still busy: ${JSON.stringify(await queues.counts())}`);
      const counts = Object.values(await queues.counts());
      const busy = counts.reduce((n, c) => n + (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0), 0);
      quiet = busy === 0 ? quiet + 1 : 0;
      await new Promise((r) => setTimeout(r, 150));
    }
    expect((await queues.list()).map((j) => `${j.id}: ${j.reason}`)).toEqual([]);
  }

  const evaluationsOf = (vendorId: string) => db.db.selectFrom('evaluations').select(['as_of', 'registry_snapshot_id', 'status']).where('vendor_id', '=', vendorId).orderBy('created_at').execute();
  const findingsOf = (vendorId: string) => db.db.selectFrom('findings').selectAll().where('vendor_id', '=', vendorId).execute();
  const count = async (table: 'evaluations' | 'findings' | 'registry_snapshots') => Number((await db.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'hds-rechecks-'));
    truth = await generateCorpus({ seed: 4242, vendors: 5, outDir: join(tmp, 'corpus'), asOf: AS_OF, hostile: false, truthFile: null });
    db = await createTestPostgres();
    repos = createRepositories(db.db);
    deps = { repos, store: createFilesystemStore(join(tmp, 'objects')), logger: silentLogger(), now: () => clock };
    await repos.vendors.ensureTenant(TENANT);
    const documents = new Set<string>();
    for (const v of truth.vendors) {
      const id = await repos.vendors.upsert(TENANT, v.folder);
      const links = [];
      for (const d of v.documents) {
        const doc = await ingestLocalFile(deps, { tenantId: TENANT, filePath: join(tmp, 'corpus', d.path), fileName: basename(d.path) });
        links.push({ documentId: doc.documentId, path: d.path });
        documents.add(doc.documentId);
      }
      await repos.vendors.replaceDocuments(id, links);
      vendorIds.set(v.folder, id);
    }
    // Reading the documents is not what this test is about: the embedded runner does it.
    const reader = createInlineRunner({ handlers: createStageHandlers(deps), logger: silentLogger() });
    for (const documentId of documents) reader.enqueue({ name: 'document.extract', payload: { tenantId: TENANT, documentId, evaluate: false } });
    await reader.drain();
    producer = createBullmqProducer({ redisUrl: REDIS_URL, prefix });
    queues = await openDeadLetter({ redisUrl: REDIS_URL, prefix });
    const handlers = createStageHandlers(deps);
    for (const queue of ['evaluate', 'maintenance']) {
      workers.push(startQueueWorker({ queue, handlers, redisUrl: REDIS_URL, prefix, concurrency: 2, lockDurationMs: 30_000, logger: silentLogger(), producer }));
    }
  }, 240_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await producer?.close();
    if (queues) {
      // Remove this run's keys from the shared Redis.
      const redis = createWorkerConnection(REDIS_URL);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await closeConnection(redis);
      await queues.close();
    }
    await db?.dispose();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  /** Vendors that name an organisation of these entries, or hold a certificate of one of their numbers (the truth's view). */
  function vendorsNaming(entries: RegistryEntry[]): string[] {
    const numbers = new Set(entries.map((e) => certificateNumberKey(e.certificateNumber)).filter(Boolean));
    const names = new Set(entries.map((e) => organisationKey(e.organisation)));
    const names_of = (v: VendorTruth) => [v.folder, v.legalName, ...v.contracts.flatMap((c) => [c.hostName, ...c.subcontractors.map((s) => s.name)]), ...v.certificates.map((c) => c.holder)];
    return truth.vendors
      .filter((v) => v.certificates.some((c) => numbers.has(certificateNumberKey(c.number))) || names_of(v).some((n) => names.has(organisationKey(n))))
      .map((v) => vendorIds.get(v.folder)!)
      .sort();
  }

  it('a snapshot removing a vendor\'s registry entry re-evaluates that vendor only and makes it non-compliant; the same snapshot again changes nothing', async () => {
    const registryBytes = await readFile(join(tmp, 'corpus', truth.registryFile));
    const first = await importAndReevaluate(deps, { tenantId: TENANT, bytes: registryBytes, fileName: basename(truth.registryFile), source: 'ANS (generated)' }, (jobs) => producer.enqueueMany(jobs));
    expect(first.created).toBe(true);
    await drain();
    for (const id of vendorIds.values()) expect(await evaluationsOf(id)).toEqual([{ as_of: AS_OF, registry_snapshot_id: first.snapshot.id, status: expect.any(String) }]);

    // A compliant vendor whose own certificate's entries name nobody else.
    const entries = await repos.registry.entries(first.snapshot.id);
    const pick = truth.vendors
      .filter((v) => v.status === 'compliant' && v.certificates.some((c) => c.number))
      .map((v) => {
        const numbers = new Set(v.certificates.map((c) => certificateNumberKey(c.number)).filter(Boolean));
        const removed = entries.filter((e) => numbers.has(certificateNumberKey(e.certificateNumber)));
        return { v, removed, touched: vendorsNaming(removed) };
      })
      .find((p) => p.removed.length > 0 && p.touched.length === 1);
    expect(pick, 'a compliant vendor with an entry of its own').toBeDefined();
    const target = vendorIds.get(pick!.v.folder)!;
    expect(pick!.touched).toEqual([target]);
    expect((await evaluationsOf(target))[0]!.status).toBe('compliant');

    const kept = entries.filter((e) => !pick!.removed.includes(e));
    const json = Buffer.from(
      JSON.stringify(
        kept.map((e) => ({
          organisation: e.organisation,
          services: e.services,
          certificate_number: e.certificateNumber,
          certification_body: e.certificationBody,
          activities: e.activities.join(','),
          issued_on: e.issuedOn,
          expires_on: e.expiresOn,
          referential: e.referential,
          siren: e.siren,
          transparency_url: e.transparencyUrl,
        })),
      ),
    );
    clock = new Date(`${AS_OF}T09:00:00.000Z`);
    const evaluationsBefore = await count('evaluations');
    const second = await importAndReevaluate(deps, { tenantId: TENANT, bytes: json, fileName: 'registre-sans.json' }, (jobs) => producer.enqueueMany(jobs));
    expect(second).toMatchObject({ created: true, isNewest: true });
    expect(second.diff!.removed).toHaveLength(pick!.removed.length);
    expect(second.diff!.added).toEqual([]);
    expect(second.diff!.changed).toEqual([]);
    expect(second.affectedVendorIds).toEqual([target]);
    await drain();
    expect(await count('evaluations')).toBe(evaluationsBefore + 1);
    expect((await evaluationsOf(target)).at(-1)).toEqual({ as_of: AS_OF, registry_snapshot_id: second.snapshot.id, status: 'non_compliant' });
    expect((await findingsOf(target)).filter((f) => f.rule === 'CERT_NOT_IN_REGISTRY' && f.resolved_at === null).length).toBeGreaterThan(0);
    for (const [folder, id] of vendorIds) if (id !== target) expect((await evaluationsOf(id)).map((e) => e.registry_snapshot_id), folder).toEqual([first.snapshot.id]);

    const findingsBefore = await findingsOf(target);
    const completedBefore = (await queues.counts()).evaluate!.completed;
    const again = await importAndReevaluate(deps, { tenantId: TENANT, bytes: json, fileName: 'registre-sans (copie).json' }, (jobs) => producer.enqueueMany(jobs));
    expect(again).toMatchObject({ created: false, diff: null, affectedVendorIds: [], evaluations: [] });
    await drain();
    expect(await count('registry_snapshots')).toBe(2);
    expect(await count('evaluations')).toBe(evaluationsBefore + 1);
    expect((await queues.counts()).evaluate!.completed).toBe(completedBefore);
    expect(await findingsOf(target)).toEqual(findingsBefore);
  }, 180_000);

  it('the daily re-check raises CERT_EXPIRING_SOON the day the 90-day horizon is crossed and CERT_EXPIRED the day after expiry', async () => {
    // A certificate whose horizon lies ahead of the clock (days only move forward).
    const candidates = truth.vendors.flatMap((v) => v.certificates.map((c) => ({ v, c }))).filter(({ c }) => addDays(c.expiresOn, -91) > addDays(AS_OF, 1));
    expect(candidates.length).toBeGreaterThan(0);
    const { v, c } = candidates.sort((a, b) => (a.c.expiresOn < b.c.expiresOn ? -1 : 1))[0]!;
    const vendorId = vendorIds.get(v.folder)!;
    const E = c.expiresOn;
    const withDocuments = [...vendorIds.values()].length;
    const certFindings = async () => (await findingsOf(vendorId)).filter((f) => f.document === c.path && (f.rule === 'CERT_EXPIRING_SOON' || f.rule === 'CERT_EXPIRED'));

    const recheckOn = async (day: string, hour = '01') => {
      clock = new Date(`${day}T${hour}:30:00.000Z`);
      // What the scheduler's job gives on that day (its first page carries nothing; a manual run gives its start).
      await producer.enqueue({ name: 'vendors.recheck', payload: { run: clock.getTime() } });
      await drain();
      const evaluated = await db.db.selectFrom('evaluations').select('vendor_id').where('as_of', '=', day).execute();
      expect(evaluated).toHaveLength(withDocuments);
    };

    await recheckOn(addDays(E, -91));
    expect(await certFindings()).toEqual([]);

    await recheckOn(addDays(E, -90));
    expect(await certFindings()).toMatchObject([{ rule: 'CERT_EXPIRING_SOON', first_seen_on: addDays(E, -90), last_seen_on: addDays(E, -90), resolved_at: null }]);

    await recheckOn(E);
    expect(await certFindings()).toMatchObject([{ rule: 'CERT_EXPIRING_SOON', first_seen_on: addDays(E, -90), last_seen_on: E, resolved_at: null }]);

    const dayAfter = addDays(E, 1);
    await recheckOn(dayAfter);
    const after = await certFindings();
    expect(after.find((f) => f.rule === 'CERT_EXPIRED')).toMatchObject({ first_seen_on: dayAfter, resolved_at: null });
    expect(after.find((f) => f.rule === 'CERT_EXPIRING_SOON')!.resolved_at).toEqual(clock);

    // "What changed since this morning": the new finding and the resolved one, told apart.
    const changes = await repos.findingChanges.since(TENANT, { since: new Date(`${dayAfter}T00:00:00.000Z`), vendorId, limit: 100 });
    const mine = changes.rows.filter((r) => r.document === c.path);
    expect(mine.map((r) => [r.rule, r.change]).sort()).toEqual([
      ['CERT_EXPIRED', 'opened'],
      ['CERT_EXPIRING_SOON', 'resolved'],
    ]);

    // A second run the same day stores nothing new: no evaluation, no finding.
    const evaluations = await count('evaluations');
    const findings = await findingsOf(vendorId);
    await recheckOn(dayAfter, '15');
    expect(await count('evaluations')).toBe(evaluations);
    expect(await findingsOf(vendorId)).toEqual(findings);
  }, 240_000);
});
