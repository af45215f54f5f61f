import { describe, expect, it } from 'vitest';
import { ReviewReport } from '@hds/core';
import { renderJson } from './json.renderer.ts';
import { summarize } from './report.order.ts';
import { reviewFixture } from './review-report.fixture.ts';

/** The same report with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  return value;
}

describe('renderJson', () => {
  const out = renderJson(reviewFixture);

  it('prints the contract, pretty and with a trailing newline, that parses back to the same report', () => {
    expect(out.endsWith('}\n')).toBe(true);
    expect(out).toContain('\n  "schemaVersion": 1,\n  "asOf": "2026-11-29",');
    const back = ReviewReport.parse(JSON.parse(out));
    expect({ ...back, summary: undefined }).toEqual({ ...reviewFixture, summary: undefined });
  });

  it('orders keys as the schema does, whatever order the caller built them in', () => {
    expect(renderJson(reverseKeys(reviewFixture) as ReviewReport)).toBe(out);
    expect(Object.keys(JSON.parse(out))).toEqual(['schemaVersion', 'asOf', 'registry', 'summary', 'vendors']);
  });

  it('fills the summary from the vendors', () => {
    expect(JSON.parse(out).summary).toEqual({ vendors: 4, compliant: 2, needs_review: 1, non_compliant: 1 });
    const stale = { ...reviewFixture, summary: { vendors: 9, compliant: 9, needs_review: 0, non_compliant: 0 } };
    expect(JSON.parse(renderJson(stale)).summary).toEqual(summarize(reviewFixture));
  });

  it('refuses to print a report that breaks the contract', () => {
    const broken = { ...reviewFixture, asOf: '29/11/2026' };
    expect(() => renderJson(broken)).toThrow();
  });
});

describe('summarize', () => {
  it('counts vendors per status', () => {
    expect(summarize(reviewFixture)).toEqual({ vendors: 4, compliant: 2, needs_review: 1, non_compliant: 1 });
    expect(summarize({ ...reviewFixture, vendors: [] })).toEqual({ vendors: 0, compliant: 0, needs_review: 0, non_compliant: 0 });
  });
});
