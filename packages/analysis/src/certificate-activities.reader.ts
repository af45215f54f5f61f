import { CERTIFICATE_TYPES, normalizeActivities, parseActivityList, type Activity, type CertificateReading, type Span } from '@hds/core';
import { ACTIVITY_WORDING, TICKED, TYPE_LABELS, UNTICKED } from './certificate.cues.ts';
import type { DocumentText, Line } from './document-text.ts';
import { createSpan, createSpanInContext, segmentSpan } from './evidence.ts';
import { matchFolded, sourceRange } from './text-normalizer.ts';

/**
 * Certified activities, by order of trust: a ticked table (only ticked rows
 * count), activity numbers ("activités 1, 2 et 3", "1 à 6"), the official
 * wording of each activity, and last the certificate type labels
 * ("hébergeur infogéreur" → 3–6), used only when nothing else is printed.
 */

export interface ActivitiesReading {
  activities: Activity[];
  from: CertificateReading['activitiesFrom'];
  span: Span | null;
}

const NONE: ActivitiesReading = { activities: [], from: null, span: null };
const LIST = /\bactivit(?:e|es|y|ies)\s*(?:hds\s*)?(?:certifiees?\s*|couvertes?\s*|certified\s*)?(?:n°\s*|nos?\.?\s+|numeros?\s*)?:?\s*([1-6](?:\s*(?:,|;|\/|et|and|a|au|to|-|&)\s*[1-6])*)\b/g;
const EXCLUSION_BEFORE = /(hors|sauf|excepte|except|a l'exclusion de|excluding|exclu\w*)\s*(de\s+)?(l'|les\s+|the\s+)?$/;
const LEADING_NUMBER = /^\s*(?:[☐☑☒✓✔■□▢▣✅✗✘❌]|\[\s*[x✓]?\s*\]|\(\s*x?\s*\))?\s*(?:activite\s*)?(?:n°\s*)?([1-6])\s*(?:[-.:)°]|\s{2,}|\s(?=\p{L}))/u;
const NAMED_NUMBER = /\bactivite\s*(?:n°\s*)?([1-6])\b/;
const CELL_YES = /^(x|oui|yes|✓)$/i;
const CELL_NO = /^(non|no|-|–)$/i;

function lineActivity(line: Line): Activity | null {
  const f = line.folded.text;
  const lead = LEADING_NUMBER.exec(f) ?? NAMED_NUMBER.exec(f);
  const worded = ACTIVITY_WORDING.filter(([, re]) => re.test(f));
  // When the row names one activity, its wording wins over its number: OCR misreads one digit
  // ("5   Infrastructure virtuelle") far more often than a whole label.
  if (worded.length === 1) return worded[0]![0] as Activity;
  return lead ? (Number(lead[1]) as Activity) : null;
}

function mark(line: Line): 'ticked' | 'unticked' | null {
  const cells = line.cells.map((c) => c.text.trim());
  if (TICKED.test(line.text) || cells.slice(1).some((c) => CELL_YES.test(c))) return 'ticked';
  if (UNTICKED.test(line.text) || cells.slice(1).some((c) => CELL_NO.test(c))) return 'unticked';
  return null;
}

function fromTable(doc: DocumentText): ActivitiesReading | null {
  const rows = doc.lines.map((line) => ({ line, activity: lineActivity(line), mark: mark(line) })).filter((r) => r.activity !== null);
  const marked = rows.filter((r) => r.mark !== null);
  if (marked.length === 0 || rows.length < 2) return null;
  const ticked = rows.filter((r) => r.mark === 'ticked');
  const first = (ticked[0] ?? marked[0]!).line;
  const last = ticked[ticked.length - 1]?.line ?? first;
  const end = last.page === first.page ? last.end : first.end;
  return { activities: normalizeActivities(ticked.map((r) => r.activity!)), from: 'table', span: createSpanInContext(first.page, first.start, end, first.start, end) };
}

function fromNumbers(doc: DocumentText): ActivitiesReading | null {
  const numbers = new Set<number>();
  const excluded = new Set<number>();
  let span: Span | null = null;
  for (const seg of doc.segments) {
    for (const m of matchFolded(seg.folded, LIST)) {
      // OCR may drop the spaces around "et" ("3et4"): put them back so each number stands alone.
      const list = parseActivityList(m.match[1]!.replace(/(?<=\d)(?=\p{L})|(?<=\p{L})(?=\d)/gu, ' ')) ?? [];
      if (EXCLUSION_BEFORE.test(seg.folded.text.slice(Math.max(0, m.fstart - 25), m.fstart))) {
        list.forEach((a) => excluded.add(a));
        continue;
      }
      list.forEach((a) => numbers.add(a));
      span ??= segmentSpan(seg, m.start, m.end);
    }
  }
  // "Activités :" alone on its line, the list below.
  if (numbers.size === 0) {
    for (let i = 0; i + 1 < doc.lines.length; i++) {
      const line = doc.lines[i]!;
      if (!/^activit(e|es|ies|y)( certifiees| couvertes| certified)?\s*:?\s*$/.test(line.folded.text)) continue;
      const next = doc.lines.slice(i + 1).find((l) => l.text.trim());
      const list = next && /^[1-6]([\s,;/et&a-]|au|to|and|[1-6])*$/.test(next.folded.text) ? parseActivityList(next.text) : null;
      if (next && list) {
        list.forEach((a) => numbers.add(a));
        span = createSpan(next.page, next.cells[0]?.start ?? next.start, next.end);
        break;
      }
    }
  }
  const activities = normalizeActivities([...numbers].filter((a) => !excluded.has(a)));
  return activities.length > 0 ? { activities, from: 'numbers', span } : null;
}

function fromWording(doc: DocumentText): ActivitiesReading | null {
  const found = new Set<number>();
  let span: Span | null = null;
  for (const seg of doc.segments) {
    for (const [activity, re] of ACTIVITY_WORDING) {
      const m = re.exec(seg.folded.text);
      if (!m || EXCLUSION_BEFORE.test(seg.folded.text.slice(Math.max(0, m.index - 40), m.index))) continue;
      found.add(activity);
      if (!span) {
        const r = sourceRange(seg.folded, m.index, m.index + m[0].length);
        span = segmentSpan(seg, r.start, r.end);
      }
    }
  }
  return found.size > 0 ? { activities: normalizeActivities(found), from: 'wording', span } : null;
}

function fromTypes(doc: DocumentText): ActivitiesReading | null {
  const found: number[] = [];
  let span: Span | null = null;
  for (const seg of doc.segments) {
    for (const [re, type] of TYPE_LABELS) {
      const m = re.exec(seg.folded.text);
      if (!m) continue;
      found.push(...CERTIFICATE_TYPES[type]);
      if (!span) {
        const r = sourceRange(seg.folded, m.index, m.index + m[0].length);
        span = segmentSpan(seg, r.start, r.end);
      }
    }
  }
  return found.length > 0 ? { activities: normalizeActivities(found), from: 'types', span } : null;
}

export function readCertificateActivities(doc: DocumentText): ActivitiesReading {
  return fromTable(doc) ?? fromNumbers(doc) ?? fromWording(doc) ?? fromTypes(doc) ?? NONE;
}
