import type { PageText, Span } from '@hds/core';
import type { Segment } from './document-text.ts';

/**
 * Evidence spans. A span's offsets index its page's text exactly; its excerpt
 * is what a reviewer reads: the sentence (or table row) around the match,
 * white space collapsed, at most EXCERPT_MAX characters, always containing the
 * match (collapsed) unless the match itself is longer than that.
 */
export const EXCERPT_MAX = 300;

// Words that end with a dot without ending the sentence.
const ABBREVIATIONS = new Set(['art', 'n', 'no', 'm', 'mme', 'mm', 'cf', 'p', 'al', 'ex', 'env', 'st', 'ste', 'dr', 'pr', 'min', 'max', 'vol', 'ch', 'sect', 'inc', 'ltd', 'co', 'etc', 'vs', 'resp', 'approx', 'tel', 'fig']);

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ');
}

function isTableLine(line: string): boolean {
  return /\S {3,}\S/.test(line);
}

/** True when the dot at `i` ends a sentence (not "art.", "n.", "S.A.S.", "L.1111-8", "99.9"). */
export function isSentenceEnd(text: string, i: number): boolean {
  const ch = text[i];
  if (ch !== '.' && ch !== '!' && ch !== '?') return false;
  const next = text[i + 1];
  if (next !== undefined && !/\s/.test(next)) return false;
  if (ch !== '.') return true;
  const word = /([\p{L}]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
  if (word.length === 1) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

function lineBounds(text: string, start: number, end: number): [number, number] {
  const s = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
  let e = text.indexOf('\n', end);
  if (e < 0) e = text.length;
  if (start > 0 && text[start - 1] === '\n') return [start, e];
  return [s, e];
}

function paragraphBounds(text: string, start: number, end: number): [number, number] {
  const before = text.slice(0, start);
  const blank = /\n[ \t]*\n/g;
  let s = 0;
  for (let m = blank.exec(before); m; m = blank.exec(before)) s = m.index + m[0].length;
  blank.lastIndex = end;
  const after = blank.exec(text);
  return [s, after ? after.index : text.length];
}

/** Bounds of the sentence or table row around [start, end). */
export function contextBounds(text: string, start: number, end: number): [number, number] {
  const [ls, le] = lineBounds(text, start, end);
  if (isTableLine(text.slice(ls, le)) && end <= le) return [ls, le];
  const [ps, pe] = paragraphBounds(text, start, end);
  let s = ps;
  for (let i = start - 1; i >= ps; i--) {
    if (isSentenceEnd(text, i)) {
      s = i + 1;
      break;
    }
  }
  let e = pe;
  for (let i = Math.max(end - 1, start); i < pe; i++) {
    if (isSentenceEnd(text, i)) {
      e = i + 1;
      break;
    }
  }
  return [s, e];
}

/** The excerpt shown for [start, end) inside the context [cs, ce). */
export function buildExcerpt(text: string, cs: number, ce: number, start: number, end: number): string {
  const whole = collapse(text.slice(cs, ce)).trim();
  if (whole.length <= EXCERPT_MAX) return whole;
  const room = EXCERPT_MAX - 2;
  if (end - start >= room) return `${collapse(text.slice(start, start + room)).trim()}…`;
  const spare = room - (end - start);
  let ws = Math.max(cs, start - Math.floor(spare / 2));
  const we = Math.min(ce, ws + room);
  ws = Math.max(cs, we - room);
  // Cut on word boundaries without cutting into the match.
  let a = ws;
  if (a > cs) {
    const space = text.slice(a, start).search(/\s/);
    if (space >= 0) a += space + 1;
  }
  let b = we;
  if (b < ce) {
    const tail = text.slice(end, b);
    const lastSpace = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'));
    if (lastSpace >= 0) b = end + lastSpace;
  }
  const body = collapse(text.slice(a, b)).trim();
  return `${a > cs ? '…' : ''}${body}${b < ce ? '…' : ''}`;
}

/** A span over [start, end) of `page`, with its excerpt. */
export function createSpan(page: PageText, start: number, end: number): Span {
  const text = page.text;
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const [cs, ce] = contextBounds(text, s, e);
  return { page: page.page, start: s, end: e, excerpt: buildExcerpt(text, Math.min(cs, s), Math.max(ce, e), s, e) };
}

/** A span whose excerpt is an explicit context (a whole table row, a clause sentence). */
export function createSpanInContext(page: PageText, start: number, end: number, cs: number, ce: number): Span {
  const text = page.text;
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return { page: page.page, start: s, end: e, excerpt: buildExcerpt(text, Math.min(cs, s), Math.max(ce, e), s, e) };
}

/**
 * A span inside a segment, the segment's sentence as excerpt. A column
 * segment skips the other column between its pieces: its span stays inside
 * one piece (so the page slice is exactly the match) and its excerpt comes
 * from the rebuilt column text.
 */
export function segmentSpan(seg: Segment, start: number, end: number): Span {
  if (seg.pieces.length <= 1) return createSpanInContext(seg.page, start, end, seg.start, seg.end);
  const piece = seg.pieces.find((p) => start >= p.start && start < p.end) ?? seg.pieces[0]!;
  const s = Math.max(start, piece.start);
  const e = Math.max(s + 1, Math.min(end, piece.end));
  const vs = piece.at + (s - piece.start);
  return { page: seg.page.page, start: s, end: e, excerpt: buildExcerpt(seg.text, 0, seg.text.length, vs, vs + (e - s)) };
}

/** Trims white space off both ends of [start, end) in `text`. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}
