import { foldText, organisationKey, type ReviewReport } from '@hds/core';
import { resolveCertificationBody } from '@hds/registry';

/** The ground truth the fixtures generator writes (test/fixtures), as the comparison reads it. */
export interface TruthVendor {
  folder: string;
  status: string;
  documents: Array<{ path: string; kind: string; reason?: string }>;
  certificates: Array<{ path: string; holder: string; siren: string | null; number: string | null; body: string; activities: number[]; issuedOn: string; expiresOn: string; referential: string | null }>;
  contracts: Array<{ path: string; hdsMention: boolean; clauses: Record<string, boolean> }>;
  findings: Array<{ rule: string; clause?: string; document?: string; subject?: string; activities?: number[] }>;
}
export interface TruthCorpus {
  asOf: string;
  vendors: TruthVendor[];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}
export const f1 = (s: Score) => (s.tp === 0 ? (s.fp + s.fn === 0 ? 1 : 0) : (2 * s.tp) / (2 * s.tp + s.fp + s.fn));

export interface Comparison {
  certificateFields: { correct: number; total: number };
  clausePresence: Score;
  clauseAbsence: Score;
  hdsMention: { correct: number; total: number };
  findings: Score;
  documentKinds: { correct: number; total: number };
  statuses: { correct: number; total: number };
  /** Human-readable differences, for diagnosis. */
  mismatches: string[];
}

const CERT_FIELDS = ['holder', 'siren', 'number', 'body', 'activities', 'issuedOn', 'expiresOn', 'referential'] as const;

function sameField(field: (typeof CERT_FIELDS)[number], truth: unknown, got: unknown): boolean {
  if (truth === null || truth === undefined) return got === null || got === undefined;
  if (got === null || got === undefined) return false;
  if (field === 'body') {
    // Certificates print a logo name and a full name: the same known body either way.
    const [a, b] = [resolveCertificationBody(String(truth)), resolveCertificationBody(String(got))];
    if (a && b) return a.name === b.name;
  }
  if (field === 'holder' || field === 'body') return organisationKey(String(truth)) === organisationKey(String(got));
  if (field === 'number') return String(truth).replace(/[\s.]/g, '').toUpperCase() === String(got).replace(/[\s.]/g, '').toUpperCase();
  if (field === 'activities') return JSON.stringify([...(truth as number[])].sort()) === JSON.stringify([...(got as number[])].sort());
  return truth === got;
}

/** The identity of a finding for comparison: rule, clause, document, subject (folded), activities. */
export function findingKey(f: { rule: string; clause?: string; document?: string; subject?: string; activities?: number[] }): string {
  const subject = f.subject ? (f.rule === 'CONTRACT_HOSTING_OUTSIDE_EEA' ? foldText(f.subject) : organisationKey(f.subject)) : '';
  return [f.rule, f.clause ?? '', f.document ?? '', subject, (f.activities ?? []).slice().sort().join(',')].join('|');
}

export function compareWithTruth(report: ReviewReport, truth: TruthCorpus): Comparison {
  const c: Comparison = {
    certificateFields: { correct: 0, total: 0 },
    clausePresence: { tp: 0, fp: 0, fn: 0 },
    clauseAbsence: { tp: 0, fp: 0, fn: 0 },
    hdsMention: { correct: 0, total: 0 },
    findings: { tp: 0, fp: 0, fn: 0 },
    documentKinds: { correct: 0, total: 0 },
    statuses: { correct: 0, total: 0 },
    mismatches: [],
  };
  const byName = new Map(report.vendors.map((v) => [v.name, v]));
  for (const tv of truth.vendors) {
    const v = byName.get(tv.folder);
    c.statuses.total++;
    if (!v) {
      c.mismatches.push(`${tv.folder}: vendor missing from the report`);
      continue;
    }
    if (v.status === tv.status) c.statuses.correct++;
    else c.mismatches.push(`${tv.folder}: status ${v.status}, expected ${tv.status}`);

    for (const td of tv.documents) {
      c.documentKinds.total++;
      const d = v.documents.find((x) => x.path === td.path);
      if (d?.kind === td.kind) c.documentKinds.correct++;
      else c.mismatches.push(`${td.path}: kind ${d?.kind ?? 'missing'}, expected ${td.kind}`);
    }
    for (const tc of tv.certificates) {
      const got = v.certificates.find((x) => x.path === tc.path);
      for (const field of CERT_FIELDS) {
        c.certificateFields.total++;
        const value = got ? (got as Record<string, unknown>)[field] : undefined;
        if (got && sameField(field, tc[field], value)) c.certificateFields.correct++;
        else c.mismatches.push(`${tc.path}: ${field} = ${JSON.stringify(value)}, expected ${JSON.stringify(tc[field])}`);
      }
    }
    for (const tk of tv.contracts) {
      const got = v.contracts.find((x) => x.path === tk.path);
      c.hdsMention.total++;
      if (got?.hdsMention === tk.hdsMention) c.hdsMention.correct++;
      else c.mismatches.push(`${tk.path}: hdsMention ${got?.hdsMention}, expected ${tk.hdsMention}`);
      for (const [key, present] of Object.entries(tk.clauses)) {
        const found = got?.clauses.find((x) => x.key === key)?.present ?? false;
        if (present && found) c.clausePresence.tp++;
        if (!present && found) c.clausePresence.fp++;
        if (present && !found) c.clausePresence.fn++;
        if (!present && !found) c.clauseAbsence.tp++;
        if (present && !found) c.clauseAbsence.fp++;
        if (!present && found) c.clauseAbsence.fn++;
        if (present !== found) c.mismatches.push(`${tk.path}: clause ${key} ${found ? 'found' : 'not found'}, expected ${present ? 'present' : 'absent'}`);
      }
    }
    const expected = new Set(tv.findings.map(findingKey));
    const actual = new Set(v.findings.map(findingKey));
    for (const k of actual) {
      if (expected.has(k)) c.findings.tp++;
      else {
        c.findings.fp++;
        c.mismatches.push(`${tv.folder}: unexpected finding ${k}`);
      }
    }
    for (const k of expected) {
      if (!actual.has(k)) {
        c.findings.fn++;
        c.mismatches.push(`${tv.folder}: missed finding ${k}`);
      }
    }
  }
  return c;
}

export function formatComparison(c: Comparison): string {
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)} %`);
  return [
    `certificate fields   ${pct(c.certificateFields.correct, c.certificateFields.total)} (${c.certificateFields.correct}/${c.certificateFields.total})`,
    `clause presence F1   ${f1(c.clausePresence).toFixed(3)} (tp ${c.clausePresence.tp}, fp ${c.clausePresence.fp}, fn ${c.clausePresence.fn})`,
    `clause absence F1    ${f1(c.clauseAbsence).toFixed(3)}`,
    `HDS mention          ${pct(c.hdsMention.correct, c.hdsMention.total)}`,
    `findings F1          ${f1(c.findings).toFixed(3)} (tp ${c.findings.tp}, fp ${c.findings.fp}, fn ${c.findings.fn})`,
    `document kinds       ${pct(c.documentKinds.correct, c.documentKinds.total)}`,
    `vendor statuses      ${pct(c.statuses.correct, c.statuses.total)} (${c.statuses.correct}/${c.statuses.total})`,
  ].join('\n');
}
