import type { DocumentText, Line } from './document-text.ts';
import { fold, matchFolded } from './text-normalizer.ts';

/**
 * Label → value lookup for form-like documents (certificates), whatever the
 * layout: "Label : value", "Label   value" (cells), "Label / English label :
 * value", label on one line and value on the next, or a row of labels over a
 * row of values.
 */

export interface ValueRange {
  start: number;
  end: number;
  text: string;
  line: Line;
}

export interface LabelHit {
  line: Line;
  /** Page offsets of the label. */
  start: number;
  end: number;
  value: ValueRange | null;
}

const SEPARATOR = /^[\s:=.\-–]*(?:\([^)]{0,40}\))?[\s:=\-–]*/;
const ENGLISH_ALTERNATE = /^\s*\/[^:\n]*?(?=:|$)/;

function valueIn(line: Line, from: number, to: number): ValueRange | null {
  const text = line.page.text;
  let s = from;
  const alt = ENGLISH_ALTERNATE.exec(text.slice(s, to));
  if (alt) s += alt[0].length;
  s += SEPARATOR.exec(text.slice(s, to))![0].length;
  let e = to;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e, text: text.slice(s, e), line } : null;
}

function leadingLabel(line: Line, re: RegExp): { end: number } | null {
  return matchFolded(line.folded, re).find((x) => x.fstart === 0 || line.folded.text.slice(0, x.fstart).trim() === '/') ?? null;
}

/**
 * The value on the line below a label left without one: the line itself, or,
 * when it starts with the same field's label (the English half of a
 * bilingual label), what follows that label. Another field's label: none.
 */
function valueBelow(line: Line, label: RegExp, anyLabel: RegExp): ValueRange | null {
  const same = leadingLabel(line, label);
  if (!same && leadingLabel(line, anyLabel)) return null;
  const from = same ? same.end : (line.cells[0]?.start ?? line.start);
  const cell = line.cells.find((c) => from < c.end) ?? line.cells[0];
  if (!cell) return null;
  const inCell = valueIn(line, Math.max(from, cell.start), cell.end);
  if (inCell) return inCell;
  const next = line.cells[line.cells.indexOf(cell) + 1];
  return next ? valueIn(line, next.start, next.end) : null;
}

function isLabelContinuation(text: string, anyLabel: RegExp): boolean {
  if (/\d/.test(text)) return false;
  const f = fold(text);
  anyLabel.lastIndex = 0;
  return f.includes('/') || anyLabel.test(f) || /\b(du|de|des|d'|of|the)\s*:?$/.test(f) || /^:?$/.test(f.trim());
}

function nextLines(doc: DocumentText, line: Line, count: number): Line[] {
  const out: Line[] = [];
  const at = doc.lines.indexOf(line);
  for (let i = at + 1; i < doc.lines.length && out.length < count; i++) {
    const l = doc.lines[i]!;
    if (l.page !== line.page) break;
    if (l.text.trim()) out.push(l);
  }
  return out;
}

/**
 * Every occurrence of `label` (folded regex, global) with its value.
 * `anyLabel` recognises any label of the document type, so a following
 * label is never taken as a value.
 */
export function findLabelValues(doc: DocumentText, label: RegExp, anyLabel: RegExp): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const line of doc.lines) {
    if (!line.text.trim()) continue;
    for (const m of matchFolded(line.folded, label)) {
      const cellIndex = line.cells.findIndex((c) => m.start >= c.start && m.start < c.end);
      const cell = line.cells[cellIndex];
      const hit: LabelHit = { line, start: m.start, end: m.end, value: null };
      hits.push(hit);
      if (!cell) continue;
      const nextCell = line.cells[cellIndex + 1];
      hit.value = valueIn(line, m.end, cell.end);
      // "Issue date of certificate / Date d'émission du   30/11/2023": what follows the label in its cell is more label.
      if (hit.value && nextCell && isLabelContinuation(hit.value.text, anyLabel)) hit.value = null;
      if (hit.value) continue;
      const [below] = nextLines(doc, line, 1);
      const labelStarts = matchFolded(line.folded, anyLabel).map((x) => x.start);
      // A label row has a label at the start of every cell; a value that merely contains a label word ("Dentoflux Services") is not one.
      const labelRow = line.cells.length >= 2 && line.cells.every((c) => labelStarts.some((x) => x >= c.start && x <= c.start + 2));
      if (labelRow && below && below.cells.length === line.cells.length) {
        // A row of labels over a row of values: same column.
        const v = below.cells[cellIndex]!;
        hit.value = valueIn(below, v.start, v.end);
        continue;
      }
      if (nextCell) {
        hit.value = valueIn(line, nextCell.start, nextCell.end);
        continue;
      }
      if (below) hit.value = valueBelow(below, label, anyLabel);
    }
  }
  return hits;
}
