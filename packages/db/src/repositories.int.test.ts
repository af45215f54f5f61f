import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, ReportVendor } from '@hds/core';
import { createRepositories } from './repositories.ts';
import { createTestPglite, createTestPostgres, type TestDatabase } from './testing.ts';

const sha = (c: string) => c.repeat(64).slice(0, 64);

function finding(rule: Finding['rule'], clause?: Finding['clause']): Finding {
  return { rule, severity: 'major', ...(clause ? { clause } : {}), message: rule, evidence: [{ path: 'a.pdf', page: null, excerpt: null }] };
}

const report = { name: 'Acme', status: 'needs_review', documents: [], certificates: [], contracts: [], findings: [] } satisfies ReportVendor;

// The same migrations and repositories run on PGlite (embedded) and PostgreSQL (distributed).
describe.each([
  ['PGlite', createTestPglite],
  ['PostgreSQL', createTestPostgres],
])('results store on %s', (_name, create) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await create();
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('stores one document per content and links it to several vendors', async () => {
    const repos = createRepositories(t.db);
    await repos.vendors.ensureTenant('t1');
    const a = await repos.vendors.upsert('t1', 'Acme');
    const b = await repos.vendors.upsert('t1', 'Beta');
    const first = await repos.documents.upsert({ tenantId: 't1', sha256: sha('a'), sizeBytes: 10, fileName: 'cert.pdf' });
    const again = await repos.documents.upsert({ tenantId: 't1', sha256: sha('a'), sizeBytes: 10, fileName: 'copy.pdf' });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.row.id).toBe(first.row.id);
    await repos.vendors.linkDocument(a, first.row.id, 'Acme/cert.pdf');
    await repos.vendors.linkDocument(b, first.row.id, 'Beta/ovh.pdf');
    expect((await repos.vendors.vendorsOfDocument(first.row.id)).sort()).toEqual([a, b].sort());
    await repos.documents.saveExtraction(first.row.id, { fileType: 'pdf', extractorVersion: '1', pages: [{ page: 1, text: 'Bonjour', source: 'text-layer', confidence: null }] });
    await repos.documents.saveAnalysis(first.row.id, {
      tenantId: 't1',
      kind: 'certificate',
      analysis: { kind: 'certificate' },
      analyzerVersion: '1',
      certificate: { holder: 'ACME SAS', holderKey: 'acme', siren: null, number: 'FR1', body: 'LNE', activities: [1, 2], issuedOn: '2025-01-02', expiresOn: '2028-01-01', referential: 'v2' },
    });
    const docs = await repos.vendors.listDocuments(a);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ status: 'parsed', kind: 'certificate', path: 'Acme/cert.pdf' });
    expect(await repos.documents.getPages(first.row.id)).toEqual([{ page: 1, text: 'Bonjour', source: 'text-layer', confidence: null }]);
  });

  it('gives findings a life: opened, seen again, resolved', async () => {
    const repos = createRepositories(t.db);
    await repos.vendors.ensureTenant('t1');
    const v = await repos.vendors.upsert('t1', 'Gamma');
    const base = { tenantId: 't1', vendorId: v, registrySnapshotId: null, dossierVersion: 'x', report } as const;
    const first = await repos.evaluations.save({ ...base, asOf: '2026-01-01', status: 'needs_review', at: new Date('2026-01-01T08:00:00Z'), findings: [{ fingerprint: 'f1', finding: finding('DOSSIER_NO_CONTRACT') }, { fingerprint: 'f2', finding: finding('CONTRACT_CLAUSE_MISSING', 'restitution') }] });
    expect(first.opened.sort()).toEqual(['f1', 'f2']);
    expect(first.previousStatus).toBeNull();
    const second = await repos.evaluations.save({ ...base, asOf: '2026-01-02', status: 'needs_review', at: new Date('2026-01-02T08:00:00Z'), findings: [{ fingerprint: 'f1', finding: finding('DOSSIER_NO_CONTRACT') }] });
    expect(second).toMatchObject({ opened: [], resolved: ['f2'], previousStatus: 'needs_review' });
    const rows = await t.db.selectFrom('findings').selectAll().where('vendor_id', '=', v).orderBy('fingerprint').execute();
    expect(rows.map((r) => [r.fingerprint, r.first_seen_on, r.last_seen_on, r.resolved_at !== null])).toEqual([
      ['f1', '2026-01-01', '2026-01-02', false],
      ['f2', '2026-01-01', '2026-01-01', true],
    ]);
    const third = await repos.evaluations.save({ ...base, asOf: '2026-01-03', status: 'needs_review', at: new Date('2026-01-03T08:00:00Z'), findings: [{ fingerprint: 'f2', finding: finding('CONTRACT_CLAUSE_MISSING', 'restitution') }] });
    expect(third.opened).toEqual(['f2']);
    expect((await repos.evaluations.latest(v))?.asOf).toBe('2026-01-03');
  });
});
