import type { PageText, Span } from '@hds/core';
import { DocumentAnalysis } from '@hds/core';
import { describe, expect, it } from 'vitest';
import { EXCERPT_MAX } from './evidence.ts';
import { analyzeDocument, ANALYZER_VERSION } from './index.ts';
import * as certificates from './test-data/certificate-layouts.fixtures.ts';
import * as contracts from './test-data/contract-styles.fixtures.ts';
import * as guarantees from './test-data/guarantees.fixtures.ts';

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Every Span object anywhere in a reading. */
function spansOf(value: unknown, out: Span[] = []): Span[] {
  if (Array.isArray(value)) value.forEach((v) => spansOf(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.page === 'number' && typeof o.start === 'number' && typeof o.end === 'number' && typeof o.excerpt === 'string') out.push(o as unknown as Span);
    else Object.values(o).forEach((v) => spansOf(v, out));
  }
  return out;
}

const ALL: Array<[string, PageText[]]> = [...Object.entries(certificates), ...Object.entries(contracts), ...Object.entries(guarantees)];

describe('evidence spans of every reader', () => {
  it.each(ALL)('%s: every span points into its page text and its excerpt shows it', (_name, pages) => {
    const analysis = analyzeDocument(pages);
    const spans = spansOf(analysis);
    if (_name !== 'BLANK_FORM') expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) {
      const page = pages[span.page - 1];
      expect(page, `page ${span.page}`).toBeDefined();
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeGreaterThan(span.start);
      expect(span.end).toBeLessThanOrEqual(page!.text.length);
      const matched = collapse(page!.text.slice(span.start, span.end));
      expect(matched).not.toBe('');
      expect(span.excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX);
      if (matched.length < EXCERPT_MAX - 2) expect(span.excerpt).toContain(matched);
    }
  });

  it.each(ALL)('%s: the analysis satisfies the core schema', (_name, pages) => {
    expect(() => DocumentAnalysis.parse(analyzeDocument(pages))).not.toThrow();
  });

  it('is deterministic and versioned', () => {
    const pages = contracts.STYLE_1;
    expect(JSON.stringify(analyzeDocument(pages))).toBe(JSON.stringify(analyzeDocument(pages.map((p) => ({ ...p })))));
    expect(ANALYZER_VERSION).toMatch(/\d/);
  });
});
