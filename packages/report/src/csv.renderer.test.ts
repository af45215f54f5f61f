import { describe, expect, it } from 'vitest';
import { ReviewReport } from '@hds/core';
import { CSV_COLUMNS, renderCsv } from './csv.renderer.ts';
import { QUOTED_VENDOR_NAME, reviewFixture } from './review-report.fixture.ts';

/** RFC 4180 reader, written independently of the renderer so a quoting bug cannot cancel itself out. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '"' || c === '\n' || c === '\r') throw new Error(`unquoted ${JSON.stringify(c)} at ${i}`);
    else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}

function records(report: ReviewReport): Record<string, string>[] {
  const text = renderCsv(report);
  const [header, ...rows] = parseCsv(text.slice(1));
  return rows.map((r) => {
    expect(r).toHaveLength(header!.length);
    return Object.fromEntries(header!.map((h, i) => [h, r[i]!]));
  });
}

describe('renderCsv', () => {
  it('starts with a UTF-8 BOM and the header, and every record has every column', () => {
    const text = renderCsv(reviewFixture);
    expect(text.startsWith('\uFEFFvendor,vendor_status,rule,severity,clause,activities,document,subject,reason,message,evidence_document,evidence_page,evidence_excerpt\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('has one row per finding and lists every vendor, a vendor without findings as one row with empty rule columns', () => {
    const rows = records(reviewFixture);
    const findings = reviewFixture.vendors.reduce((n, v) => n + Math.max(1, v.findings.length), 0);
    expect(rows).toHaveLength(findings);
    expect(new Set(rows.map((r) => r.vendor))).toEqual(new Set(reviewFixture.vendors.map((v) => v.name)));
    const quiet = rows.filter((r) => r.vendor === 'Sauvegarde & Archives Île-de-France');
    expect(quiet).toHaveLength(1);
    expect(quiet[0]).toMatchObject({ vendor_status: 'compliant', rule: '', severity: '', message: '', evidence_document: '' });
  });

  it('round-trips commas, double quotes and accents in a vendor name', () => {
    const rows = records(reviewFixture).filter((r) => r.vendor === QUOTED_VENDOR_NAME);
    expect(rows).toHaveLength(3);
    expect(renderCsv(reviewFixture)).toContain('"MédiSoft ""Cloud"", Lyon"');
  });

  it('lists non-compliant vendors first and findings critical first', () => {
    const rows = records(reviewFixture);
    expect(rows.map((r) => r.vendor_status)).toEqual(['non_compliant', 'non_compliant', 'non_compliant', 'needs_review', 'needs_review', 'compliant', 'compliant']);
    expect(rows.slice(0, 3).map((r) => r.severity)).toEqual(['critical', 'critical', 'major']);
  });

  it('fills clause, activities, reason and first evidence', () => {
    const rows = records(reviewFixture);
    const scope = rows.find((r) => r.rule === 'SCOPE_NOT_COVERED')!;
    expect(scope.activities).toBe('5 6');
    expect(scope.evidence_document).toBe('medisoft/contrat-saas.pdf');
    expect(scope.evidence_page).toBe('4');
    const clause = rows.find((r) => r.rule === 'CONTRACT_CLAUSE_MISSING' && r.vendor === QUOTED_VENDOR_NAME)!;
    expect(clause.clause).toBe('restitution');
    expect(clause.evidence_page).toBe('');
    expect(rows.find((r) => r.rule === 'DOC_UNREADABLE')!.reason).toBe('pdf.encrypted');
  });

  it('collapses line breaks inside evidence excerpts', () => {
    const scope = records(reviewFixture).find((r) => r.rule === 'SCOPE_NOT_COVERED')!;
    expect(scope.evidence_excerpt).toBe('MédiSoft assure l\'administration, l\'exploitation et les sauvegardes quotidiennes, "chiffrées", de la base.');
  });

  it('keeps a line break inside a message as a quoted field', () => {
    const report = structuredClone(reviewFixture);
    report.vendors[0]!.findings[0]!.message = 'Première ligne\r\nseconde ligne, avec "guillemets"';
    const acme = records(report).find((r) => r.vendor === 'Acme Santé')!;
    expect(acme.message).toBe('Première ligne\r\nseconde ligne, avec "guillemets"');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const report = structuredClone(reviewFixture);
    report.vendors.push({ name: '@SUM(A1:A9)', status: 'compliant', documents: [], certificates: [], contracts: [], findings: [] });
    report.vendors[0]!.findings[0]!.message = '-2+3';
    const rows = records(ReviewReport.parse(report));
    const registry = rows.find((r) => r.rule === 'CERT_NOT_IN_REGISTRY')!;
    expect(registry.subject).toBe('\'=HYPERLINK("http://exemple.invalid","Nuage Pro")');
    expect(registry.evidence_excerpt).toBe("'+ Certificat n° 38436-2, LNE");
    expect(rows.find((r) => r.vendor === "'@SUM(A1:A9)")).toBeDefined();
    expect(rows.find((r) => r.vendor === 'Acme Santé')!.message).toBe("'-2+3");
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('is deterministic', () => {
    expect(renderCsv(reviewFixture)).toBe(renderCsv(structuredClone(reviewFixture)));
  });
});
