import { describe, expect, it } from 'vitest';
import { createSpan, EXCERPT_MAX } from './evidence.ts';
import { toPages, row } from './test-data/pages.fixtures.ts';

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('evidence spans', () => {
  it('shows the sentence around the match, not the whole paragraph', () => {
    const [page] = toPages(`Article 4 – Lieux
Le Prestataire s'engage à la confidentialité. Les données sont hébergées à
Roubaix (France). Le support est assuré depuis Lyon.`);
    const at = page!.text.indexOf('Roubaix');
    const span = createSpan(page!, at, at + 7);
    expect(span.excerpt).toBe('Les données sont hébergées à Roubaix (France).');
    expect(page!.text.slice(span.start, span.end)).toBe('Roubaix');
  });

  it('does not cut sentences at abbreviations or legal references', () => {
    const [page] = toPages("Conformément à l'art. L.1111-8 du CSP, la société MÉDISOFT S.A.S. est certifiée HDS. Autre phrase.");
    const at = page!.text.indexOf('certifiée');
    expect(createSpan(page!, at, at + 9).excerpt).toBe("Conformément à l'art. L.1111-8 du CSP, la société MÉDISOFT S.A.S. est certifiée HDS.");
  });

  it('shows the whole row for a table cell', () => {
    const [page] = toPages(`${row('Acteur', 'Certifié HDS')}\n${row('OVH SAS', 'Oui')}\n${row('DATA SAS', 'Non')}`);
    const at = page!.text.indexOf('OVH');
    expect(createSpan(page!, at, at + 7).excerpt).toBe('OVH SAS Oui');
  });

  it('trims long sentences to the limit around the match, on word boundaries', () => {
    const long = `${'mot '.repeat(200)}les données sont restituées en totalité ${'suite '.repeat(200)}.`;
    const [page] = toPages(long);
    const at = page!.text.indexOf('restituées');
    const span = createSpan(page!, at, at + 10);
    expect(span.excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX);
    expect(span.excerpt).toContain('restituées');
    expect(span.excerpt.startsWith('…mot')).toBe(true);
    expect(span.excerpt.endsWith('suite…')).toBe(true);
    expect(collapse(span.excerpt)).not.toMatch(/\bmo\b|\bsuit\b/);
  });
});
