import type { PageText } from '@hds/core';
import type { Line, Piece, Segment } from './document-text.ts';
import { buildSegments, type SegmentState } from './document-segments.ts';
import { foldWithOffsets, type FoldedText } from './text-normalizer.ts';
import { pageLines } from './document-text.ts';

/**
 * Two-column prose (general conditions often are) reaches us as lines of two
 * cells: the left column's line, three spaces, the right column's line. Such
 * blocks are rebuilt column by column so that a sentence is read whole; each
 * rebuilt segment keeps the page ranges (pieces) it came from, so spans still
 * point into the page text.
 */

export interface ColumnBlock {
  /** Line indexes [from, to) in the page's lines. */
  from: number;
  to: number;
}

const MIN_LINES = 4;
const MIN_CELL = 12;

function isTwoColumnLine(line: Line): boolean {
  return line.cells.length === 2 && line.cells.every((c) => c.text.length >= MIN_CELL) && line.cells[0]!.text.split(' ').length >= 3;
}

/** Runs of lines that are mostly two long cells (tables have short cells, and are left alone). */
export function findColumnBlocks(lines: Line[]): ColumnBlock[] {
  const blocks: ColumnBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isTwoColumnLine(lines[i]!)) {
      i++;
      continue;
    }
    let j = i;
    let two = 0;
    let other = 0;
    // A block tolerates lines of one or many cells (a column ended, justified text) between two-cell lines.
    while (j < lines.length && lines[j]!.text.trim() && (isTwoColumnLine(lines[j]!) || other < two)) {
      if (isTwoColumnLine(lines[j]!)) two++;
      else other++;
      j++;
    }
    while (j > i && !isTwoColumnLine(lines[j - 1]!)) j--;
    if (two >= MIN_LINES && two >= (j - i) * 0.6) blocks.push({ from: i, to: j });
    i = Math.max(j, i + 1);
  }
  return blocks;
}

interface Fragment {
  start: number;
  end: number;
}

const TERMINAL = /[.:;!?)»"]\s*$/;

/** How well `part` continues a column whose last fragment is `last`. */
function continuity(text: string, last: Fragment | undefined, part: Fragment | null): number {
  if (!part) return 0;
  const head = text.slice(part.start, part.end).replace(/^[(«"'\s]+/, '');
  if (!last) return 0.5;
  const open = !TERMINAL.test(text.slice(last.start, last.end));
  const lower = /^\p{Ll}/u.test(head);
  if (open) return lower ? 2 : -0.5;
  return lower ? -2 : 1;
}

function span(cells: Line['cells']): Fragment | null {
  return cells.length > 0 ? { start: cells[0]!.start, end: cells[cells.length - 1]!.end } : null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 1;
}

/**
 * How far a part's length is from its column's usual width. Justified
 * columns print lines of similar length, which tells where a line with
 * wide word gaps (several cells) splits; a blank part costs a fixed amount.
 */
function widthCost(part: Fragment | null, width: number): number {
  if (!part) return 0.6;
  return Math.min(1.5, Math.abs(part.end - part.start - width) / width);
}

/** Splits each line of a block between the left and right columns. */
function splitColumns(page: PageText, lines: Line[]): [Fragment[], Fragment[]] {
  const left: Fragment[] = [];
  const right: Fragment[] = [];
  const clean = lines.filter((l) => l.cells.length === 2);
  const leftWidth = Math.max(10, median(clean.map((l) => l.cells[0]!.end - l.cells[0]!.start)));
  const rightWidth = Math.max(10, median(clean.map((l) => l.cells[1]!.end - l.cells[1]!.start)));
  for (const line of lines) {
    const cells = line.cells;
    let best = { k: 1, score: -Infinity };
    for (let k = 0; k <= cells.length; k++) {
      const l = span(cells.slice(0, k));
      const r = span(cells.slice(k));
      let score = continuity(page.text, left[left.length - 1], l) + continuity(page.text, right[right.length - 1], r);
      score -= 2 * (widthCost(l, leftWidth) + widthCost(r, rightWidth));
      if (cells.length === 2 && k === 1) score += 1.5;
      if (score > best.score) best = { k, score };
    }
    const l = span(cells.slice(0, best.k));
    const r = span(cells.slice(best.k));
    if (l) left.push(l);
    if (r) right.push(r);
  }
  return [left, right];
}

/**
 * A column's fragments joined by "\n", wide gaps inside a fragment (justified
 * text) reduced to one space, and the page offset of each character.
 */
function columnText(page: PageText, fragments: Fragment[]): { text: string; map: Int32Array; vbase: number[] } {
  let text = '';
  const offsets: number[] = [];
  const vbase: number[] = [];
  fragments.forEach((f, n) => {
    if (n > 0) {
      text += '\n';
      offsets.push(fragments[n - 1]!.end); // the joining "\n" stands where the previous fragment ends
    }
    vbase.push(text.length);
    for (let i = f.start; i < f.end; i++) {
      const ch = page.text[i]!;
      if (ch === ' ' && page.text[i - 1] === ' ' && i > f.start) continue;
      text += ch;
      offsets.push(i);
    }
  });
  offsets.push(fragments.length > 0 ? fragments[fragments.length - 1]!.end : 0);
  return { text, map: Int32Array.from(offsets), vbase };
}

function remap(seg: Segment, page: PageText, map: Int32Array, vbase: number[]): Segment {
  const n = seg.folded.starts.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = map[seg.folded.starts[i]!]!;
    ends[i] = map[Math.max(seg.folded.starts[i]!, seg.folded.ends[i]! - 1)]! + 1;
  }
  const folded: FoldedText = { text: seg.folded.text, starts, ends };
  // One piece per fragment the segment touches (virtual ranges mapped back to the page).
  const pieces: Piece[] = [];
  vbase.forEach((base, i) => {
    const next = i + 1 < vbase.length ? vbase[i + 1]! - 1 : map.length - 1;
    const vs = Math.max(seg.start, base);
    const ve = Math.min(seg.end, next);
    if (ve > vs) pieces.push({ start: map[vs]!, end: map[ve - 1]! + 1, at: vs - seg.start });
  });
  return { ...seg, page, start: pieces[0]?.start ?? map[seg.start]!, end: pieces[pieces.length - 1]?.end ?? map[seg.end - 1]! + 1, pieces, folded };
}

/** Segments of a two-column block: the left column read whole, then the right one. */
export function buildColumnSegments(page: PageText, lines: Line[], state: SegmentState): Segment[] {
  const out: Segment[] = [];
  for (const fragments of splitColumns(page, lines)) {
    if (fragments.length === 0) continue;
    const { text, map, vbase } = columnText(page, fragments);
    const virtual: PageText = { ...page, text };
    const fold = foldWithOffsets(text);
    for (const seg of buildSegments(virtual, fold, pageLines(virtual, fold), state)) out.push(remap(seg, page, map, vbase));
  }
  return out;
}
