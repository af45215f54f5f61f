import { describe, expect, it } from 'vitest';
import { renderTable } from './table.renderer.ts';
import { displayWidth } from './terminal-text.util.ts';
import { LONG_VENDOR_NAME, reviewFixture } from './review-report.fixture.ts';

const lines = (text: string): string[] => text.replace(/\n$/, '').split('\n');
const vendorLine = (text: string, start: string): string => lines(text).find((l) => l.startsWith(start))!;

describe('renderTable', () => {
  it('has one line per vendor with status symbol and word, worst first, then a totals line', () => {
    const out = renderTable(reviewFixture);
    const rows = lines(out).filter((l) => /^[✗!✓] /.test(l) && /\d+\s+\d+\s+\d+/.test(l));
    expect(rows.map((r) => r.slice(0, 14).trim())).toEqual(['✗ Non conforme', '! À examiner', '✓ Conforme', '✓ Conforme']);
    expect(out).toMatch(/\n {16}Total\s+2\s+3\s+1\n4 fournisseurs : 1 non conforme, 1 à examiner, 2 conformes\n/);
  });

  it('shows critical / major / minor counts and the top rules of each vendor', () => {
    const out = renderTable(reviewFixture, { width: 200 });
    expect(vendorLine(out, '✗ Non conforme')).toMatch(/MédiSoft "Cloud", Lyon\s+2\s+1\s+0\s+CERT_NOT_IN_REGISTRY, SCOPE_NOT_COVERED, CONTRACT_CLAUSE_MISSING$/);
    expect(vendorLine(out, '! À examiner')).toMatch(/\s0\s+2\s+0\s+CONTRACT_CLAUSE_MISSING, DOC_UNREADABLE$/);
    expect(vendorLine(out, '✓ Conforme      Acme')).toMatch(/Acme Santé\s+0\s+0\s+1\s+CERT_EXPIRING_SOON$/);
  });

  it.each([60, 80, 100])('fits every line in %i columns, truncating long names with …', (width) => {
    const out = renderTable(reviewFixture, { width });
    for (const l of lines(out)) expect(displayWidth(l)).toBeLessThanOrEqual(width);
    expect(vendorLine(out, '! À examiner')).toMatch(/Groupement[^…]*…/);
    expect(out).not.toContain(`  ${LONG_VENDOR_NAME}  `);
  });

  it('never cuts a rule id in half in 80 columns: whole ids and a +N for the rest', () => {
    const rows = lines(renderTable(reviewFixture, { width: 80 })).filter((l) => /^[✗!✓] /.test(l) && /\d+\s+\d+\s+\d+/.test(l));
    const ruleCells = rows.map((r) => r.replace(/^.*?\d+\s+\d+\s+\d+\s*/, ''));
    expect(ruleCells).toContain('CERT_NOT_IN_REGISTRY +2');
    for (const cell of ruleCells) for (const token of cell.split(/,? /).filter(Boolean)) expect(token).toMatch(/^([A-Z]+(_[A-Z]+)+|\+\d+)$/);
  });

  it('keeps counts aligned in one column whatever the accents', () => {
    const rows = lines(renderTable(reviewFixture, { width: 80 })).filter((l) => /^[✗!✓] /.test(l) && /\d+\s+\d+\s+\d+/.test(l));
    const countColumn = rows.map((r) => displayWidth(r.slice(0, r.search(/\d+\s+\d+\s+\d+/))));
    expect(new Set(countColumn.map((c, i) => c + rows[i]!.match(/(\d+)\s/)![1]!.length)).size).toBe(1);
  });

  it('lists the findings of non-compliant and needs-review vendors with severity, rule, message and page', () => {
    const out = renderTable(reviewFixture, { width: 100 });
    const details = out.slice(out.indexOf('À traiter'));
    expect(details).toContain('✗ Non conforme — MédiSoft "Cloud", Lyon');
    expect(details).toMatch(/ {2}Critique {2}SCOPE_NOT_COVERED — medisoft\/contrat-saas\.pdf p\.4\n {4}Les activités 5, 6/);
    expect(details).toContain('Majeur    DOC_UNREADABLE — recherché dans gcs/annexe-securite.pdf');
    expect(details).not.toContain('CERT_EXPIRING_SOON');
  });

  it('writes no escape code without colour and colours status by severity with it', () => {
    expect(renderTable(reviewFixture, { color: false })).not.toContain('\u001b');
    const coloured = renderTable(reviewFixture, { color: true });
    expect(coloured).toContain('\u001b[31m✗ Non conforme');
    expect(coloured).toContain('\u001b[33m! À examiner');
    expect(coloured).toContain('\u001b[32m✓ Conforme');
    for (const l of lines(coloured)) expect(displayWidth(l)).toBeLessThanOrEqual(100);
  });

  it('does not let a vendor name drive the terminal', () => {
    const report = structuredClone(reviewFixture);
    report.vendors[1]!.name = 'Evil\u001b[2J\u001b]0;pwned\u0007 Corp\nSecond line';
    const out = renderTable(report);
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u0007');
    expect(out).toContain('Evil[2J]0;pwned Corp Second line');
  });

  it('handles an empty review and a review without registry', () => {
    const out = renderTable({ ...reviewFixture, registry: null, vendors: [] }, { width: 80 });
    expect(out).toContain('Aucun fournisseur dans cette revue.');
    expect(out).toContain('sans registre ANS');
    expect(out).toMatch(/Total\s+0\s+0\s+0\n0 fournisseur : /);
    expect(out).not.toContain('À traiter');
  });
});
