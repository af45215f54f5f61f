import { randomBytes, randomUUID } from 'node:crypto';
import { createRepositories, type Repositories } from '@hds/db';
import { createTestPostgres, type TestDatabase } from '@hds/db/testing';
import { silentLogger } from '@hds/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmReevaluations, importRegistrySnapshot, type RegistryDeps } from './registry-import.ts';
import { emitRegistryChangeEvents } from './webhook-registry.events.ts';

const TENANT = 't';
const HEAD = 'organisation;certificate_number;certification_body;activities;issued_on;expires_on;siren';
const ALPHA = 'Alpha Santé SAS;FR-A-1;Bureau Veritas Certification;1-6;2024-01-10;2027-01-09;';
const NORD = 'Hébergeur Nord;FR-H-9;AFNOR Certification;1,2,3;2024-03-01;2027-02-28;';
const CHARLIE = 'Charlie Soft;FR-C-3;LNE;4,5,6;2025-05-01;2028-04-30;';
const csv = (...rows: string[]) => Buffer.from(`${[HEAD, ...rows].join('\n')}\n`);

describe('registry.entry_changed from a registry change (PostgreSQL)', () => {
  let db: TestDatabase;
  let repos: Repositories;
  let deps: RegistryDeps;
  const v: Record<'alpha' | 'bravo' | 'charlie', string> = { alpha: '', bravo: '', charlie: '' };

  async function addDocument(vendorId: string, path: string, kind: string, analysis: unknown, certificate: { holder: string; number: string } | null) {
    const { row } = await repos.documents.upsert({ tenantId: TENANT, sha256: randomBytes(32).toString('hex'), sizeBytes: 1, fileName: path });
    await repos.documents.saveAnalysis(row.id, {
      tenantId: TENANT,
      kind,
      analysis,
      analyzerVersion: 'test',
      certificate: certificate ? { holder: certificate.holder, holderKey: null, siren: null, number: certificate.number, body: null, activities: [], issuedOn: null, expiresOn: null, referential: null } : null,
    });
    await repos.vendors.linkDocument(vendorId, row.id, path);
  }

  beforeAll(async () => {
    db = await createTestPostgres();
    repos = createRepositories(db.db);
    deps = { repos, logger: silentLogger(), now: () => new Date('2026-11-29T10:00:00Z') };
    await repos.vendors.ensureTenant(TENANT);
    v.alpha = await repos.vendors.upsert(TENANT, 'Alpha Santé');
    v.bravo = await repos.vendors.upsert(TENANT, 'Bravo Médical');
    v.charlie = await repos.vendors.upsert(TENANT, 'Charlie Soft');
    await addDocument(v.alpha, 'Alpha Santé/certificat.pdf', 'certificate', { kind: 'certificate' }, { holder: 'ALPHA SANTE', number: 'FR-A-1' });
    await addDocument(v.bravo, 'Bravo Médical/contrat.pdf', 'contract', { kind: 'contract', contract: { hostName: 'Bravo Médical SAS', subcontractors: [{ name: 'HEBERGEUR NORD SAS' }], impliedActivities: [{ performer: null }] } }, null);
    await addDocument(v.charlie, 'Charlie Soft/certificat.pdf', 'certificate', { kind: 'certificate' }, { holder: 'Charlie Soft', number: 'FR-C-3' });
    await repos.webhooks.create({ id: randomUUID(), tenantId: TENANT, url: 'https://hooks.example.com/', events: ['registry.entry_changed'], description: null, secretSealed: 'v1.k.iv.ct' });
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('one event per affected vendor and entry once a change is confirmed; none for a first snapshot; a repeated call writes nothing', async () => {
    const first = await importRegistrySnapshot(deps, { tenantId: TENANT, bytes: csv(ALPHA, NORD, CHARLIE), fileName: 'r1.csv', snapshotDate: '2026-11-01' });
    expect(await emitRegistryChangeEvents(deps, first)).toBe(0);
    await confirmReevaluations(deps, first);

    // Alpha renewed (new expiry), Hébergeur Nord (Bravo's subcontractor) gone, a host nobody uses added.
    const second = await importRegistrySnapshot(deps, { tenantId: TENANT, bytes: csv(ALPHA.replace('2027-01-09', '2027-06-30'), CHARLIE, 'Omega Cloud;FR-O-7;BSI;1,2,3;2025-01-01;2028-01-01;'), fileName: 'r2.csv', snapshotDate: '2026-12-01' });
    // Confirming the change (what the CLI, the API and the refresh do once its evaluations are queued) writes its events.
    await confirmReevaluations(deps, second);
    expect((await repos.events.list(TENANT, { type: 'registry.entry_changed', limit: 10 })).rows).toHaveLength(2);
    expect(await emitRegistryChangeEvents(deps, second)).toBe(0);
    await confirmReevaluations(deps, second);

    const events = (await repos.events.list(TENANT, { type: 'registry.entry_changed', limit: 10 })).rows;
    const byVendor = Object.fromEntries(events.map((e) => [e.vendorId, e.data]));
    expect(Object.keys(byVendor).sort()).toEqual([v.alpha, v.bravo].sort());
    expect(byVendor[v.alpha]).toMatchObject({
      vendor: { id: v.alpha, name: 'Alpha Santé' },
      change: { kind: 'changed', snapshotId: second.snapshot.id, previousSnapshotId: first.snapshot.id, snapshotDate: '2026-12-01', fields: ['expiresOn'], before: { expiresOn: '2027-01-09' }, entry: { certificateNumber: 'FR-A-1', expiresOn: '2027-06-30' } },
    });
    expect(byVendor[v.bravo]).toMatchObject({ vendor: { name: 'Bravo Médical' }, change: { kind: 'removed', entry: { organisation: 'Hébergeur Nord', certificateNumber: 'FR-H-9' } } });
  });
});
