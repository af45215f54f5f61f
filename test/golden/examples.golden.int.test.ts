import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { silentLogger } from '@hds/logger';
import { reviewFolder } from '@hds/pipeline';

// The review of the bundled examples, committed beside them: any change in
// what the product reads or concludes shows up as a reviewable diff.
// Refresh after an intended change: UPDATE_GOLDEN=1 pnpm exec vitest run test/golden
const GOLDEN = new URL('./examples.report.json', import.meta.url);

it('reviews examples/ exactly as the committed golden report says', async () => {
  const state = await mkdtemp(join(tmpdir(), 'hds-golden-'));
  try {
    const report = await reviewFolder({ folder: new URL('../../examples/', import.meta.url).pathname, asOf: '2026-11-29', stateDir: state, logger: silentLogger() });
    // Vendor ids are random per database.
    const stable = { ...report, vendors: report.vendors.map(({ id: _id, ...v }) => v) };
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(stable, null, 2)}\n`);
    expect(stable).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  } finally {
    await rm(state, { recursive: true, force: true });
  }
}, 120_000);
