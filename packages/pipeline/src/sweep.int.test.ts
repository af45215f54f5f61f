import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '@hds/db';
import { createTestPostgres, type TestDatabase } from '@hds/db/testing';
import type { JobRequest, SweepJobPayload } from '@hds/jobs';
import { silentLogger } from '@hds/logger';
import type { ObjectStore } from '@hds/storage';
import type { PipelineDeps } from './deps.ts';
import { handleSweep } from './sweep.ts';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() - n * 60_000);

describe('sweep of stuck documents (PostgreSQL)', () => {
  let db: TestDatabase;
  let deps: PipelineDeps;
  const expected = new Map<string, 'document.extract' | 'document.parse'>();

  beforeAll(async () => {
    db = await createTestPostgres();
    const repos = createRepositories(db.db);
    deps = { repos, store: null as unknown as ObjectStore, logger: silentLogger(), now: () => NOW };
    await repos.vendors.ensureTenant('t');
    // Ages in minutes; the sweep below looks at [60 min, 5 min) ago. Several rows share one
    // timestamp (with microseconds): the cursor must neither repeat nor skip them.
    const rows: Array<{ status: 'stored' | 'extracted' | 'parsed' | 'failed'; age: number; micro?: boolean }> = [
      ...Array.from({ length: 5 }, () => ({ status: 'stored' as const, age: 30, micro: true })),
      { status: 'stored', age: 6 },
      { status: 'extracted', age: 10 },
      { status: 'extracted', age: 59 },
      { status: 'stored', age: 2 }, // too young: still in flight
      { status: 'stored', age: 120 }, // too old: left to the dead-letter set
      { status: 'parsed', age: 30 },
      { status: 'failed', age: 30 },
    ];
    for (const r of rows) {
      const { row } = await repos.documents.upsert({ tenantId: 't', sha256: randomBytes(32).toString('hex'), sizeBytes: 1, fileName: 'x.pdf' });
      const at = r.micro ? `${minutes(r.age).toISOString().slice(0, 23)}456+00` : minutes(r.age).toISOString();
      await db.db.updateTable('documents').set({ status: r.status, status_changed_at: at }).where('id', '=', row.id).execute();
      if (r.status === 'stored' && r.age > 5 && r.age < 60) expected.set(row.id, 'document.extract');
      if (r.status === 'extracted') expected.set(row.id, 'document.parse');
    }
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('re-enqueues the next stage of each stuck document once, page by page', async () => {
    const found: JobRequest[] = [];
    let payload: SweepJobPayload = { olderThanMs: 5 * 60_000, youngerThanMs: 60 * 60_000 };
    for (let pages = 0; pages < 20; pages++) {
      const out = await handleSweep(deps, payload, { jobId: 'sweep', attempt: 1, logger: silentLogger() }, { pageSize: 2 });
      const next = out.next ?? [];
      found.push(...next.filter((j) => j.name !== 'documents.sweep'));
      const more = next.find((j) => j.name === 'documents.sweep');
      if (!more) break;
      payload = more.payload as SweepJobPayload;
      expect(payload.window).toEqual({ from: minutes(60).getTime(), to: minutes(5).getTime() });
    }
    const byDocument = new Map(found.map((j) => [(j.payload as { documentId: string }).documentId, j.name]));
    expect(found).toHaveLength(byDocument.size);
    expect(byDocument).toEqual(expected);
    expect(found.every((j) => (j.payload as { tenantId: string }).tenantId === 't')).toBe(true);
  });

  it('does nothing when the bounds leave no window', async () => {
    const out = await handleSweep(deps, { olderThanMs: 60_000, youngerThanMs: 60_000 }, { jobId: 's', attempt: 1, logger: silentLogger() });
    expect(out).toEqual({ outcome: 'skipped' });
  });
});
