import type { PageText } from '@hds/core';
import type { Line, Segment, SegmentKind } from './document-text.ts';
import { isSentenceEnd } from './evidence.ts';
import { foldedView, type FoldedText } from './text-normalizer.ts';

/**
 * Headings, table rows and sentences grouped in paragraphs. A heading
 * starts a section whose words count as context for the sentences below it;
 * a row (a line with cells) stands alone; other lines make paragraphs, cut
 * into sentences.
 */

const HEADING_WORD = /^(article|art\.|chapitre|titre|section|annexe|partie|appendix|schedule)\s+([\dIVXLC]+|[A-Z]\b)/i;
const NUMBERED_HEADING = /^(\d+(\.\d+)*\.?|[IVX]+\.)\s*[-–.)]?\s+\p{Lu}/u;
const BULLET = /^\s*([-•–*▪●◦]|\d+°|[a-z]\)|\(\w\))\s/;

export function isHeadingLine(line: Line, next: Line | undefined): boolean {
  const t = line.text.trim();
  if (!t || t.length > 110 || /[.;,:]$/.test(t) && !/^(article|art\.)/i.test(t)) return false;
  if (next && /^\s*\p{Ll}/u.test(next.text)) return false;
  if (t.split(/\s+/).length > 14) return false;
  // A line ending on "du", "de la"… continues on the next line: it is the start of a paragraph, not a title.
  if (/\s(du|de|des|la|le|les|et|à|a|pour|par|en|sur|au|aux|d'|l'|un|une|dans|avec)$/i.test(t)) return false;
  if (HEADING_WORD.test(t)) return true;
  // "1.3 Lieux d'hébergement" is a title; "1.3 NUAGE SAS, hébergeur certifié…" opens a numbered paragraph.
  if (NUMBERED_HEADING.test(t)) return !t.includes(',') && t.split(/\s+/).length <= 9;
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && t.split(/\s+/).length <= 10;
}

function isRowLine(line: Line): boolean {
  return line.cells.length >= 2;
}

/**
 * A dash at a line start opens a list item only after a line ending with
 * ":", ";" or "." or after another item: "(HDS)\n– version 2" is a wrapped dash.
 */
function startsListItem(text: string, ps: number, newline: number): boolean {
  const before = text.slice(ps, newline).trimEnd();
  if (/[:;.!?]$/.test(before)) return true;
  const lineStart = before.lastIndexOf('\n') + 1;
  return BULLET.test(before.slice(lineStart));
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
    } else if (ch === '\n' && BULLET.test(text.slice(i + 1, Math.min(pe, i + 8))) && startsListItem(text, ps, i)) {
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

/** Paragraph counter and current heading, carried across pages and columns. */
export interface SegmentState {
  paragraph: number;
  heading: string;
  /** Running headers and footers ("Page 2 sur 5", the document reference): no segment, they would break sentences. */
  isRunning?: (line: Line) => boolean;
}

/** Segments of consecutive lines of one contiguous text (a page, or a rebuilt column). */
export function buildSegments(page: PageText, pageFold: FoldedText, lines: Line[], state: SegmentState): Segment[] {
  const segments: Segment[] = [];
  const text = page.text;
  const push = (start: number, end: number, kind: SegmentKind): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const s = start + lead;
    const e = s + raw.trim().length;
    if (e <= s) return;
    segments.push({ page, start: s, end: e, text: text.slice(s, e), pieces: [{ start: s, end: e, at: 0 }], folded: foldedView(pageFold, s, e), kind, paragraph: state.paragraph, heading: state.heading });
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
    if (!line.text.trim() || state.isRunning?.(line)) {
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

