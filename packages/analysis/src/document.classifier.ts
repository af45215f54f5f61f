import type { DocumentKind, PageText } from '@hds/core';
import { documentText } from './document-text.ts';
import { FILENAME_HINTS, HDS_WORDS, KIND_CUES, MIN_SCORE, TITLE_LINES, type KindCue } from './document-kind.cues.ts';
import { readGuarantees } from './guarantees.reader.ts';

/**
 * Certificate, contract, guarantees table or other, by weighted cues:
 * titles near the top of a page, the density of kind-specific wording, and
 * structure (parties block, numbered articles, a guarantees table). The file
 * name is a weak hint; no single keyword decides.
 */

export interface Classification {
  kind: DocumentKind;
  reason: string | null;
}

interface Compiled {
  cue: KindCue;
  re: RegExp;
}

const COMPILED: Compiled[] = KIND_CUES.map((cue) => ({ cue, re: new RegExp(cue.pattern, cue.where === 'title' ? '' : 'g') }));
const HDS = new RegExp(HDS_WORDS);

interface Score {
  total: number;
  best: { weight: number; label: string } | null;
}

function countMatches(re: RegExp, text: string, max: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < max && re.exec(text)) n++;
  re.lastIndex = 0;
  return n;
}

export function classifyDocument(pages: PageText[], opts: { fileName?: string } = {}): Classification {
  const doc = documentText(pages);
  const nonEmpty = doc.lines.filter((l) => l.text.trim());
  if (nonEmpty.length === 0) return { kind: 'other', reason: 'no text' };
  const fullText = nonEmpty.map((l) => l.folded.text).join('\n');
  const titles = pages.map((p, i) => ({
    weight: i === 0 ? 1 : 0.75,
    lines: nonEmpty.filter((l) => l.page === p && l.folded.text.length <= 90).slice(0, TITLE_LINES).map((l) => l.folded.text),
  }));
  const scores = new Map<DocumentKind, Score>(['certificate', 'contract', 'guarantees_table', 'other'].map((k) => [k as DocumentKind, { total: 0, best: null }]));
  const add = (kind: DocumentKind, weight: number, label: string): void => {
    const s = scores.get(kind)!;
    s.total += weight;
    if (!s.best || weight > s.best.weight) s.best = { weight, label };
  };
  for (const { cue, re } of COMPILED) {
    if (cue.where === 'title') {
      const w = Math.max(0, ...titles.map((t) => (t.lines.some((l) => re.test(l)) ? t.weight : 0)));
      if (w > 0) add(cue.kind, cue.weight * w, cue.label);
    } else {
      const n = countMatches(re, fullText, cue.max ?? 1);
      if (n > 0) add(cue.kind, cue.weight * n, cue.label);
    }
  }
  const guaranteeRows = readGuarantees(pages).rows.length;
  if (guaranteeRows > 0) add('guarantees_table', Math.min(6, 2 + guaranteeRows), `table of ${guaranteeRows} actor(s) with HDS status`);
  // An ISO 27001 or quality certificate is not HDS evidence.
  if (!HDS.test(fullText)) {
    const cert = scores.get('certificate')!;
    cert.total *= 0.3;
  }
  // Long documents are rarely certificates (a certificate is 1–3 pages, maybe with a cover letter and annex).
  if (pages.length > 4) scores.get('certificate')!.total -= pages.length - 4;
  for (const [kind, re] of FILENAME_HINTS) if (opts.fileName && re.test(opts.fileName)) add(kind, 1.5, `file name "${opts.fileName}"`);

  // A contract with a guarantees annex stays a contract; a table that is the whole document is a guarantees table.
  const ranked = [...scores.entries()].sort((a, b) => b[1].total - a[1].total);
  const [kind, score] = ranked[0]!;
  if (score.total < MIN_SCORE) {
    const other = scores.get('other')!;
    return { kind: 'other', reason: other.best ? other.best.label : `no ${ranked[0]![0]} cue strong enough (score ${score.total.toFixed(1)})` };
  }
  return { kind, reason: score.best?.label ?? null };
}
