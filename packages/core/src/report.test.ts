import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reviewReportJsonSchema } from './report.ts';

describe('review report JSON Schema', () => {
  it('the committed schema is the one generated from the zod schema (run `pnpm schema:write` after a change)', () => {
    const committed = JSON.parse(readFileSync(new URL('../schema/review-report.v1.schema.json', import.meta.url), 'utf8'));
    const { $id: _id, title: _title, ...rest } = committed;
    expect(rest).toEqual(reviewReportJsonSchema());
  });
});
