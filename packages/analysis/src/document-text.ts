import type { PageText } from '@hds/core';
import { isSentenceEnd } from './evidence.ts';
import { foldedView, foldWithOffsets, type FoldedText } from './text-normalizer.ts';

/**
 * The structure every reader works on: pages split into lines, cells
 * (pieces separated by 3+ spaces, see CONTRIBUTING.md), and segments
 * (headings, table rows, sentences) grouped in paragraphs. Offsets are page
 * offsets; segments never cross a page because spans cannot.
 */

export interface Cell {
  start: number;
  end: number;
  text: string;
}

export interface Line {
  page: PageText;
  /** Index of the line in its page. */
  index: number;
  start: number;
  end: number;
  text: string;
  cells: Cell[];
  folded: FoldedText;
}

export type SegmentKind = 'heading' | 'row' | 'sentence';

export interface Segment {
  page: PageText;
  start: number;
  end: number;
  text: string;
  folded: FoldedText;
  kind: SegmentKind;
  /** Paragraph number, unique in the document. */
  paragraph: number;
  /** Folded text of the heading this segment sits under, '' when none. */
  heading: string;
}

export interface DocumentText {
  pages: PageText[];
  /** Each page folded once; lines and segments are views of it. */
  folds: Map<PageText, FoldedText>;
  lines: Line[];
  segments: Segment[];
  paragraphs: Map<number, Segment[]>;
}

const CELL_SEPARATOR = / {3,}|\t+/g;

export function splitCells(text: string, base: number): Cell[] {
  const cells: Cell[] = [];
  let last = 0;
  const push = (s: number, e: number): void => {
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const value = raw.trim();
    if (value) cells.push({ start: base + s + lead, end: base + s + lead + value.length, text: value });
  };
  CELL_SEPARATOR.lastIndex = 0;
  for (let m = CELL_SEPARATOR.exec(text); m; m = CELL_SEPARATOR.exec(text)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, text.length);
  return cells;
}

export function pageLines(page: PageText, pageFold: FoldedText = foldWithOffsets(page.text)): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const text = page.text;
  for (let index = 0; start <= text.length; index++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const lineText = text.slice(start, end);
    lines.push({ page, index, start, end, text: lineText, cells: splitCells(lineText, start), folded: foldedView(pageFold, start, end) });
    start = end + 1;
  }
  return lines;
}

const HEADING_WORD = /^(article|art\.|chapitre|titre|section|annexe|partie|appendix|schedule)\s+([\dIVXLC]+|[A-Z]\b)/i;
const NUMBERED_HEADING = /^(\d+(\.\d+)*\.?|[IVX]+\.)\s*[-–.)]?\s+\p{Lu}/u;
const BULLET = /^\s*([-•–*▪●◦]|\d+°|[a-z]\)|\(\w\))\s/;

function isHeadingLine(line: Line, next: Line | undefined): boolean {
  const t = line.text.trim();
  if (!t || t.length > 110 || /[.;,:]$/.test(t) && !/^(article|art\.)/i.test(t)) return false;
  if (next && /^\s*\p{Ll}/u.test(next.text)) return false;
  if (t.split(/\s+/).length > 14) return false;
  if (HEADING_WORD.test(t) || NUMBERED_HEADING.test(t)) return true;
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && t.split(/\s+/).length <= 10;
}

function isRowLine(line: Line): boolean {
  return line.cells.length >= 2;
}

/** Splits a paragraph [ps, pe) of `text` into sentence ranges. */
function sentenceRanges(text: string, ps: number, pe: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = ps;
  for (let i = ps; i < pe; i++) {
    const ch = text[i]!;
    let cut = -1;
    if (isSentenceEnd(text, i)) {
      const rest = text.slice(i + 1, Math.min(pe, i + 6));
      if (/^\s+[\p{Lu}\d«"(\-•–]/u.test(rest) || /^\s*$/.test(rest)) cut = i + 1;
    } else if (ch === '\n' && BULLET.test(text.slice(i + 1, Math.min(pe, i + 8)))) {
      cut = i;
    }
    if (cut > s) {
      out.push([s, cut]);
      s = cut;
    }
  }
  if (pe > s) out.push([s, pe]);
  return out;
}

function buildPageSegments(page: PageText, pageFold: FoldedText, lines: Line[], state: { paragraph: number; heading: string }): Segment[] {
  const segments: Segment[] = [];
  const text = page.text;
  const push = (start: number, end: number, kind: SegmentKind): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const s = start + lead;
    const e = s + raw.trim().length;
    if (e <= s) return;
    segments.push({ page, start: s, end: e, text: text.slice(s, e), folded: foldedView(pageFold, s, e), kind, paragraph: state.paragraph, heading: state.heading });
  };
  let paraStart = -1;
  let paraEnd = -1;
  const flush = (): void => {
    if (paraStart < 0) return;
    for (const [s, e] of sentenceRanges(text, paraStart, paraEnd)) push(s, e, 'sentence');
    paraStart = -1;
    state.paragraph++;
  };
  // Next non-empty line of each line, computed backwards once.
  const nextNonEmpty: Array<Line | undefined> = new Array(lines.length);
  for (let i = lines.length - 2; i >= 0; i--) nextNonEmpty[i] = lines[i + 1]!.text.trim() ? lines[i + 1] : nextNonEmpty[i + 1];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text.trim()) {
      flush();
      continue;
    }
    const next = nextNonEmpty[i];
    if (isRowLine(line)) {
      flush();
      push(line.start, line.end, 'row');
      continue;
    }
    if (isHeadingLine(line, next)) {
      flush();
      state.heading = line.folded.text;
      push(line.start, line.end, 'heading');
      state.paragraph++;
      continue;
    }
    if (paraStart < 0) paraStart = line.start;
    paraEnd = line.end;
  }
  flush();
  return segments;
}

const cache = new WeakMap<PageText[], DocumentText>();

/** The document's structure, computed once per pages array (readers share it). */
export function documentText(pages: PageText[]): DocumentText {
  const cached = cache.get(pages);
  if (cached) return cached;
  const state = { paragraph: 0, heading: '' };
  const lines: Line[] = [];
  const segments: Segment[] = [];
  const folds = new Map<PageText, FoldedText>();
  for (const page of pages) {
    const pageFold = foldWithOffsets(page.text);
    folds.set(page, pageFold);
    const pl = pageLines(page, pageFold);
    lines.push(...pl);
    segments.push(...buildPageSegments(page, pageFold, pl, state));
    state.paragraph++;
  }
  const paragraphs = new Map<number, Segment[]>();
  for (const seg of segments) {
    const list = paragraphs.get(seg.paragraph);
    if (list) list.push(seg);
    else paragraphs.set(seg.paragraph, [seg]);
  }
  const doc = { pages, folds, lines, segments, paragraphs };
  cache.set(pages, doc);
  return doc;
}

/** Non-empty lines of one page. */
export function nonEmptyLines(doc: DocumentText, page: number): Line[] {
  return doc.lines.filter((l) => l.page.page === page && l.text.trim());
}
