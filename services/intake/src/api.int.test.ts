import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ReviewReport } from '@hds/core';
import { createInlineRunner } from '@hds/jobs';
import { createLogger, silentLogger } from '@hds/logger';
import { createStageHandlers } from '@hds/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../test/fixtures/src/index.ts';
import { getJson, startHarness, upload, type Harness } from './intake.harness.ts';

describe('intake API (real HTTP, PostgreSQL, S3, Redis)', () => {
  let h: Harness;
  let a: { tenantId: string; key: string };
  let b: { tenantId: string; key: string };
  let corpusDir: string;
  let dossier: Array<{ name: string; data: Buffer }>;
  const logLines: string[] = [];

  beforeAll(async () => {
    corpusDir = await mkdtemp(join(tmpdir(), 'hds-intake-api-'));
    const truth = await generateCorpus({ seed: 7202, vendors: 3, outDir: corpusDir, asOf: '2026-11-29', hostile: false, truthFile: null });
    // A dossier with a certificate, a contract and findings to list.
    const vendor = truth.vendors.find((v) => v.documents.some((d) => d.kind === 'certificate') && v.documents.some((d) => d.kind === 'contract') && v.findings.length > 0)!;
    dossier = await Promise.all(vendor.documents.map(async (d) => ({ name: d.path.split('/').pop()!, data: await readFile(join(corpusDir, d.path)) })));
    // Everything the API logs, to check what never reaches a log line.
    const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
    h = await startHarness({ logger: createLogger({ name: 'intake-test', level: 'info', destination: sink }) });
    a = await h.tenant();
    b = await h.tenant();
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
    await rm(corpusDir, { recursive: true, force: true });
  });

  const api = (path: string) => `${h.baseUrl}${path}`;

  it('answers liveness and readiness without a key, and reports a dependency down', async () => {
    expect((await getJson(api('/healthz'), null)).body).toEqual({ status: 'ok' });
    expect(await getJson(api('/readyz'), null)).toMatchObject({ status: 200, body: { status: 'ready' } });
    const sick = await h.sibling({ readiness: async () => ({ ready: false, checks: { postgres: 'ok', redis: 'unavailable', s3: 'ok' } }) });
    try {
      expect(await getJson(`${sick.baseUrl}/readyz`, null)).toMatchObject({ status: 503, body: { status: 'not_ready', checks: { redis: 'unavailable' } } });
    } finally {
      await sick.close();
    }
  });

  it('refuses a missing, malformed, unknown or revoked key with 401 auth.invalid_key', async () => {
    for (const key of [null, 'nonsense', `hds_0123456789abcdef_${'A'.repeat(43)}`]) {
      const res = await getJson(api('/v1/vendors'), key);
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: 'auth.invalid_key' });
      expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
    }
    const spare = await h.repos.apiKeys.create({ tenantId: a.tenantId, label: 'to revoke' });
    expect((await fetch(api('/v1/vendors'), { headers: { 'x-api-key': spare.key } })).status).toBe(200);
    expect(await h.repos.apiKeys.revoke(spare.keyId)).toBe(true);
    expect((await getJson(api('/v1/vendors'), spare.key)).status).toBe(401);
    // An upload without a key is refused before its body is read.
    expect((await upload(api('/v1/vendors/00000000-0000-4000-8000-000000000000/documents'), null, [{ name: 'x.pdf', data: dossier[0]!.data }])).status).toBe(401);
  });

  it('creates vendors idempotently by name and lists them by cursor', async () => {
    const first = await getJson(api('/v1/vendors'), a.key, { method: 'POST', body: { name: 'Clinique du Parc' } });
    expect(first.status).toBe(201);
    // The same name, decomposed accents and stray spaces: the same vendor.
    const again = await getJson(api('/v1/vendors'), a.key, { method: 'POST', body: { name: '  Clinique du Parc'.normalize('NFD') } });
    expect(again.status).toBe(200);
    expect(again.body.vendorId).toBe(first.body.vendorId);
    const bad = await getJson(api('/v1/vendors'), a.key, { method: 'POST', body: { name: '   ' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('request.invalid');
    expect(bad.body.error.details[0].path).toBe('body.name');
    for (const name of ['Alpha', 'Bravo', 'Charlie']) await getJson(api('/v1/vendors'), a.key, { method: 'POST', body: { name } });
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ name: string }>; nextCursor: string | null } } = await getJson(api(`/v1/vendors?limit=2${cursor ? `&cursor=${cursor}` : ''}`), a.key);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      names.push(...page.body.items.map((v) => v.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(names).toEqual(['Alpha', 'Bravo', 'Charlie', 'Clinique du Parc']);
    expect((await getJson(api('/v1/vendors?cursor=bogus'), a.key)).body.error.code).toBe('request.invalid_cursor');
  });

  it('reviews a vendor in the hds review contract once its documents are read', async () => {
    const vendor = (await getJson(api('/v1/vendors'), a.key, { method: 'POST', body: { name: 'Acme Santé' } })).body;
    expect((await getJson(api(`/v1/vendors/${vendor.vendorId}/review`), a.key)).body.error.code).toBe('review.not_available');
    const uploaded = await upload(api(`/v1/vendors/${vendor.vendorId}/documents`), a.key, dossier);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body.documents).toHaveLength(dossier.length);
    const pending = await getJson(api(`/v1/vendors/${vendor.vendorId}/review`), a.key);
    expect(pending.status).toBe(202);
    expect(pending.body).toMatchObject({ status: 'processing', documents: dossier.length, pendingDocuments: dossier.length });

    // The stage handlers, in process, over the same database and bucket: what the workers do.
    const runner = createInlineRunner({ handlers: createStageHandlers({ repos: h.repos, store: h.store, logger: silentLogger(), now: () => new Date('2026-11-29T10:00:00Z') }), logger: silentLogger() });
    for (const d of uploaded.body.documents) runner.enqueue({ name: 'document.extract', payload: { tenantId: a.tenantId, documentId: d.documentId } });
    await runner.drain();

    const review = await getJson(api(`/v1/vendors/${vendor.vendorId}/review`), a.key);
    expect(review.status).toBe(200);
    expect(review.headers['x-review-up-to-date']).toBe('true');
    const report = ReviewReport.parse(review.body);
    expect(report.schemaVersion).toBe(1);
    expect(report.asOf).toBe('2026-11-29');
    expect(report.vendors).toHaveLength(1);
    expect(report.vendors[0]).toMatchObject({ id: vendor.vendorId, name: 'Acme Santé' });
    expect(report.vendors[0]!.documents.map((d) => d.path).sort()).toEqual(dossier.map((d) => `Acme Santé/${d.name}`).sort());
    expect(report.vendors[0]!.documents.every((d) => d.kind !== 'unreadable')).toBe(true);
    expect(report.summary).toMatchObject({ vendors: 1, [report.vendors[0]!.status]: 1 });
    const latest = await h.repos.evaluations.latest(vendor.vendorId);
    expect(report.vendors[0]).toEqual(ReviewReport.shape.vendors.element.parse(latest!.report));

    const doc = await getJson(api(`/v1/documents/${uploaded.body.documents[0].documentId}`), a.key);
    expect(doc.body).toMatchObject({ status: 'parsed', error: null });
    expect(doc.body.pages).toBeGreaterThan(0);

    // Its findings, filtered and paged.
    const all = await getJson(api(`/v1/findings?vendorId=${vendor.vendorId}&status=open`), a.key);
    expect(all.status).toBe(200);
    expect(all.body.items.map((f: { rule: string }) => f.rule).sort()).toEqual(report.vendors[0]!.findings.map((f) => f.rule).sort());
    for (const f of all.body.items) expect(f).toMatchObject({ vendorId: vendor.vendorId, vendorName: 'Acme Santé', status: 'open', firstSeenOn: '2026-11-29', resolvedAt: null });
    expect(all.body.items.length).toBeGreaterThan(0);
    {
      const { rule, severity } = all.body.items[0];
      const byRule = await getJson(api(`/v1/findings?rule=${rule}&severity=${severity}`), a.key);
      expect(byRule.body.items.length).toBeGreaterThan(0);
      expect(byRule.body.items.every((f: { rule: string; severity: string }) => f.rule === rule && f.severity === severity)).toBe(true);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: Array<{ findingId: string }>; nextCursor: string | null } } = await getJson(api(`/v1/findings?limit=1${cursor ? `&cursor=${cursor}` : ''}`), a.key);
        seen.push(...page.body.items.map((f) => f.findingId));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen.sort()).toEqual(all.body.items.map((f: { findingId: string }) => f.findingId).sort());
    }
    expect((await getJson(api('/v1/findings?status=resolved'), a.key)).body.items).toEqual([]);
    expect((await getJson(api('/v1/findings?severity=fatal'), a.key)).status).toBe(400);

    // Another tenant sees none of it.
    expect((await getJson(api(`/v1/vendors/${vendor.vendorId}`), b.key)).status).toBe(404);
    expect((await getJson(api(`/v1/vendors/${vendor.vendorId}/review`), b.key)).body.error.code).toBe('vendor.not_found');
    expect((await getJson(api(`/v1/documents/${uploaded.body.documents[0].documentId}`), b.key)).status).toBe(404);
    expect((await upload(api(`/v1/vendors/${vendor.vendorId}/documents`), b.key, [dossier[0]!])).status).toBe(404);
    expect((await getJson(api('/v1/findings'), b.key)).body.items).toEqual([]);
    expect((await getJson(api('/v1/vendors'), b.key)).body.items).toEqual([]);
    expect((await getJson(api(`/v1/findings?vendorId=${vendor.vendorId}`), b.key)).body.items).toEqual([]);
  }, 120_000);

  it('answers errors in one shape, never with a stack trace', async () => {
    const notFound = await getJson(api('/v1/nowhere'), a.key);
    expect(notFound.status).toBe(404);
    expect(notFound.body.error.code).toBe('route.not_found');
    const badId = await getJson(api('/v1/documents/not-a-uuid'), a.key);
    expect(badId.status).toBe(400);
    expect(badId.body.error).toMatchObject({ code: 'request.invalid', details: [{ path: 'params.documentId' }] });
    const notJson = await fetch(api('/v1/vendors'), { method: 'POST', headers: { authorization: `Bearer ${a.key}`, 'content-type': 'application/json' }, body: '{"name":' });
    expect(notJson.status).toBe(400);
    const text = JSON.stringify([notFound.body, badId.body, await notJson.json()]);
    expect(text).not.toMatch(/at .*\.ts:\d+|node_modules/);
  });

  it('serves an OpenAPI 3 document generated from the schemas', async () => {
    const { status, body: doc } = await getJson(api('/openapi.json'), null);
    expect(status).toBe(200);
    expect(doc.openapi).toMatch(/^3\./);
    // Route groups of other issues (registry, webhooks) add their paths; these must be there.
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/readyz', '/v1/documents/{documentId}', '/v1/findings', '/v1/vendors', '/v1/vendors/{vendorId}', '/v1/vendors/{vendorId}/documents', '/v1/vendors/{vendorId}/review', '/v1/registry/snapshots', '/v1/registry/diff']),
    );
    const uploadOp = doc.paths['/v1/vendors/{vendorId}/documents'].post;
    expect(Object.keys(uploadOp.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(uploadOp.responses)).toEqual(expect.arrayContaining(['200', '201', '401', '404', '413', '415', '503']));
    const review = doc.paths['/v1/vendors/{vendorId}/review'].get.responses['200'].content['application/json'].schema;
    expect(JSON.stringify(review)).toContain('schemaVersion');
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    // Every reference resolves.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(doc.components.schemas, r).toHaveProperty(r);
  });

  it('never logs keys, authorization headers or file names', async () => {
    const vendor = (await getJson(api('/v1/vendors'), a.key, { method: 'POST', body: { name: 'Journal' } })).body;
    await upload(api(`/v1/vendors/${vendor.vendorId}/documents`), a.key, [{ name: 'Dossier médical Mme Dupont.pdf', data: dossier[0]!.data }]);
    const logs = logLines.join('');
    expect(logs).toContain('document received');
    expect(logs).not.toContain(a.key);
    // The secret part may itself hold '_' (base64url): everything after the key id.
    expect(logs).not.toContain(a.key.slice('hds_'.length + 16 + 1));
    expect(logs).not.toContain('Dupont');
    expect(logs).not.toMatch(/Bearer/i);
  });
});
