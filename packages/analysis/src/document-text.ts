import type { PageText } from '@hds/core';
import { buildColumnSegments, findColumnBlocks } from './document-columns.ts';
import { buildSegments, type SegmentState } from './document-segments.ts';
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
  /** A running header or footer ("Réf. … – Page 2/6"), repeated across pages: never content. */
  running?: boolean;
}

export type SegmentKind = 'heading' | 'row' | 'sentence';

/** A contiguous piece of page text inside a segment; `at` is where it starts in the segment's text. */
export interface Piece {
  start: number;
  end: number;
  at: number;
}

export interface Segment {
  page: PageText;
  /** Page offsets of the segment's first and last characters (a column segment may skip the other column in between). */
  start: number;
  end: number;
  /** The segment's text: a slice of the page, or a column's pieces joined by "\n". */
  text: string;
  pieces: Piece[];
  folded: FoldedText;
  kind: SegmentKind;
  /** Paragraph number, unique in the document. */
  paragraph: number;
  /** Folded text of the heading this segment sits under, '' when none. */
  heading: string;
  /** The other half of a sentence cut by a page break (clauses may be proven across it). */
  partner?: Segment;
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

const PAGE_NUMBER = /^(page )?#+ ?(\/|sur|of|de) ?#+$|^page #+$|^- ?#+ ?-$/;

/**
 * Lines repeated at the top or bottom of several pages (digits ignored, and
 * all but letters: OCR reads the same footer "Paraphes : ____ / ____" on one
 * page and "Paraphes:   /" on the next), and page numbers.
 */
function runningLines(pageLines: Line[][]): (line: Line) => boolean {
  const key = (l: Line): string => l.folded.text.replace(/\d+/g, '#');
  const loose = (l: Line): string => key(l).replace(/[^\p{L}#]+/gu, '');
  const counts = new Map<string, number>();
  for (const lines of pageLines) {
    const body = lines.filter((l) => l.text.trim());
    for (const k of new Set([...body.slice(0, 3), ...body.slice(-3)].map(loose))) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const running = new Set([...counts].filter(([k, n]) => n >= 2 && k.length >= 6).map(([k]) => k));
  return (line) => PAGE_NUMBER.test(key(line)) || (pageLines.length > 1 && running.has(loose(line)));
}

/** Links the last sentence of a page to the first of the next when the page break cuts it. */
function linkAcrossPages(segments: Segment[]): void {
  for (let i = 0; i + 1 < segments.length; i++) {
    const last = segments[i]!;
    const first = segments[i + 1]!;
    if (last.page === first.page || last.kind !== 'sentence' || first.kind !== 'sentence') continue;
    if (/[.!?:;»")]\s*$/.test(last.text) || !/^[\p{Ll}\d]/u.test(first.text)) continue;
    last.partner = first;
    first.partner = last;
    // The paragraph goes on across the page: one paragraph, under the same heading.
    const merged = first.paragraph;
    for (const seg of segments) {
      if (seg.paragraph !== merged) continue;
      seg.paragraph = last.paragraph;
      if (seg.heading === '') seg.heading = last.heading;
    }
  }
}

const cache = new WeakMap<PageText[], DocumentText>();

/** The document's structure, computed once per pages array (readers share it). */
export function documentText(pages: PageText[]): DocumentText {
  const cached = cache.get(pages);
  if (cached) return cached;
  const state: SegmentState = { paragraph: 0, heading: '' };
  const lines: Line[] = [];
  const segments: Segment[] = [];
  const folds = new Map<PageText, FoldedText>();
  const allLines = pages.map((page) => {
    const pageFold = foldWithOffsets(page.text);
    folds.set(page, pageFold);
    return pageLines(page, pageFold);
  });
  state.isRunning = runningLines(allLines);
  for (const pl of allLines) for (const line of pl) if (state.isRunning(line)) line.running = true;
  for (const [index, page] of pages.entries()) {
    const pageFold = folds.get(page)!;
    const pl = allLines[index]!;
    lines.push(...pl);
    // Two-column prose is read column by column; the rest of the page line by line.
    let from = 0;
    for (const block of findColumnBlocks(pl)) {
      segments.push(...buildSegments(page, pageFold, pl.slice(from, block.from), state));
      segments.push(...buildColumnSegments(page, pl.slice(block.from, block.to), state));
      from = block.to;
    }
    segments.push(...buildSegments(page, pageFold, pl.slice(from), state));
    state.paragraph++;
  }
  linkAcrossPages(segments);
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
