import type { Checkbox } from '../checkboxes.ts';
import { groupLines, linesToText, readingOrder, type Piece } from '../page-layout.ts';
import { normalizePageText } from '../text-normalizer.ts';
import { correctOcrText } from './ocr-corrections.ts';

export type Box = { x0: number; y0: number; x1: number; y1: number };
export type OcrWord = { text: string; confidence: number; bbox: Box };
/** `reread`: read again alone and kept (line-reread.ts): text, however modest its confidence. */
export type OcrLine = { words: OcrWord[]; bbox: Box; baseline?: Box | undefined; reread?: boolean };

/** The part of a tesseract.js result this module reads. */
export interface TesseractBlocks {
  blocks: Array<{ paragraphs: Array<{ lines: OcrLine[] }> }> | null;
}

/** Every line of a reading, in tesseract's order. */
export function linesOf(result: TesseractBlocks): OcrLine[] {
  return (result.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
}

/**
 * The region to read again around `box` (a word, or a whole line) of `line`: the line's height, with
 * a margin of a third of it all round, inside the page.
 */
export function regionAround(box: Box, line: OcrLine, page: { width: number; height: number }): Box {
  const pad = Math.round((line.bbox.y1 - line.bbox.y0) * 0.3);
  return {
    x0: Math.max(0, box.x0 - pad),
    y0: Math.max(0, line.bbox.y0 - pad),
    x1: Math.min(page.width, box.x1 + pad),
    y1: Math.min(page.height, line.bbox.y1 + pad),
  };
}

/**
 * OCR words → the same page text shape as a text layer (lines, cells apart
 * by three spaces, two-column pages column by column): every reader then
 * sees one format whatever the source.
 *
 * Tesseract often cuts one printed line of a skewed page into two "lines"
 * in different paragraphs (mid-word at times: "dé" … "signé"), each with
 * its own bounding box. The pieces are therefore placed on the page turned
 * straight (by the skew measured on the baselines): the fragments of one
 * printed line then share a baseline and join again, in their order.
 */
export function ocrText(result: TesseractBlocks, pageWidth: number, pageHeight: number, boxes: readonly Checkbox[] = []): { text: string; words: number } {
  const lines = linesOf(result);
  const slope = pageSlope(lines, pageWidth);
  // Small-angle rotation that levels the baselines.
  const straight = (x: number, y: number) => ({ x: x + slope * y, y: y - slope * x });
  const kept = boxes.filter((k) => !insideConfidentWord(k, lines));
  const overBox = (b: Box) => kept.some((k) => Math.min(b.x1, k.x1 + 4) - Math.max(b.x0, k.x0 - 4) > (b.x1 - b.x0) * 0.3 && Math.min(b.y1, k.y1) - Math.max(b.y0, k.y0) > (b.y1 - b.y0) * 0.3);
  const speck = speckSize(lines);
  const rows: Piece[][] = [];
  const baselines: Array<{ line: OcrLine; y: number }> = [];
  for (const line of lines) {
    // What OCR made of a tick box is noise: the box itself is read as ☒ or ☐.
    if (!line.reread && isNoiseLine(line)) continue;
    const words = line.words.filter((w) => w.text.trim() && !overBox(w.bbox) && !isSpeck(w, speck));
    if (words.length === 0) continue;
    // One baseline per OCR line, so its words stay together.
    const mid = (line.bbox.x0 + line.bbox.x1) / 2;
    const y = straight(mid, baselineAt(line, mid)).y;
    baselines.push({ line, y });
    rows.push(
      words.map((w) => ({
        str: w.text,
        x: straight(w.bbox.x0, baselineAt(line, w.bbox.x0)).x,
        y,
        width: w.bbox.x1 - w.bbox.x0,
        // Each word's own height: a logo or a large initial must not make the whole line's spacing look tiny.
        size: Math.max(6, (w.bbox.y1 - w.bbox.y0) * 0.8),
      })),
    );
  }
  const pieces = glueCutWords(rows);
  // A box belongs to the OCR line beside it: same baseline, so it lands in that row.
  for (const k of kept) {
    const side = k.y1 - k.y0;
    const at = straight((k.x0 + k.x1) / 2, k.y1);
    const near = baselines.filter((b) => Math.abs(b.y - at.y) < side * 1.5).sort((a, b) => Math.abs(a.y - at.y) - Math.abs(b.y - at.y))[0];
    pieces.push({ str: k.checked ? '☒' : '☐', x: straight(k.x0, k.y1).x, y: near?.y ?? at.y, width: k.x1 - k.x0, size: side });
  }
  return { text: correctOcrText(normalizePageText(linesToText(readingOrder(groupLines(pieces), pageWidth, pageHeight), { measuredSizes: true }))), words: pieces.length };
}

/**
 * Where tesseract cut a printed line into two OCR lines it often cut a word
 * too ("établissem" | "ent"): the two parts sit on one baseline, closer than
 * any word space. They are joined back into one word; a real word space
 * (the page's usual gap between words) keeps them apart.
 */
export function glueCutWords(rows: readonly Piece[][]): Piece[] {
  const work = rows.map((r) => [...r]);
  const gaps: number[] = [];
  for (const row of work) for (let i = 1; i < row.length; i++) gaps.push(row[i]!.x - (row[i - 1]!.x + row[i - 1]!.width));
  const positive = gaps.filter((g) => g > 0).sort((a, b) => a - b);
  if (positive.length < 10) return work.flat();
  const letterGap = positive[Math.floor(positive.length / 2)]! * 0.4;
  for (const row of work) {
    const head = row[0];
    if (!head || !/^\p{Ll}/u.test(head.str)) continue;
    const before = work.find((r) => {
      const last = r.at(-1);
      if (r === row || !last || !/\p{L}$/u.test(last.str)) return false;
      const gap = head.x - (last.x + last.width);
      return gap > -2 && gap < letterGap && Math.abs(last.y - head.y) <= Math.min(last.size, head.size) * 0.35;
    });
    if (!before) continue;
    const last = before.at(-1)!;
    before[before.length - 1] = { ...last, str: last.str + head.str, width: head.x + head.width - last.x, size: Math.max(last.size, head.size) };
    row.shift();
  }
  return work.flat();
}

/** Dust on the glass is far smaller than any printed character: under a third of the page's usual word height. */
function speckSize(lines: readonly OcrLine[]): number {
  const heights = lines.flatMap((l) => l.words.map((w) => w.bbox.y1 - w.bbox.y0)).sort((a, b) => a - b);
  return heights.length === 0 ? 0 : heights[Math.floor(heights.length / 2)]! * 0.35;
}

/**
 * A speck read as a character, alone, in a box smaller than any glyph: a
 * doubtful letter or digit ("1", "5" beside a date), or a symbol OCR was
 * fairly sure of ("+" at 69, 5 px square: "demeure à sa + charge" no longer
 * said "à sa charge"), or symbols alone OCR doubted (< 50 %), at any size.
 * Punctuation that belongs to a word is part of it.
 */
function isSpeck(w: OcrWord, speck: number): boolean {
  // Symbols alone that OCR doubted ("|", "~~", "…" at 0–23 %, "=" at 39 %) are a fold mark or a stroke in the
  // gutter of two columns: left in, they filled the gutter and the columns were read across.
  if (w.confidence < 50 && !/[\p{L}\d]/u.test(w.text)) return true;
  const chars = [...w.text.trim()];
  if (chars.length !== 1 || Math.max(w.bbox.x1 - w.bbox.x0, w.bbox.y1 - w.bbox.y0) >= speck) return false;
  return w.confidence < (/^[\p{L}\d]$/u.test(chars[0]!) ? 60 : 85);
}

/**
 * A line where OCR doubted every word is no text: the scanner lid's shadow
 * along an edge, a logo band, a scribbled initial ("op Er ra EE ET mean ei").
 * Left in, it sits between the two halves of a sentence cut by a page break.
 */
export function isNoiseLine(line: OcrLine): boolean {
  const words = line.words.filter((w) => w.text.trim());
  return words.length > 0 && meanConfidence(line) < 45 && words.every((w) => w.confidence < 60);
}

/** Mean confidence of a line's words (0 when it has none). */
export function meanConfidence(line: OcrLine): number {
  const words = line.words.filter((w) => w.text.trim());
  return words.length === 0 ? 0 : words.reduce((n, w) => n + w.confidence, 0) / words.length;
}

/** The line's baseline height at x (its bottom edge when tesseract gives no baseline). */
function baselineAt(line: OcrLine, x: number): number {
  const b = line.baseline;
  if (!b || b.x1 - b.x0 < 1) return line.bbox.y1;
  return b.y0 + ((x - b.x0) * (b.y1 - b.y0)) / (b.x1 - b.x0);
}

/**
 * The page's skew as a slope (dy/dx): the median over baselines long enough
 * to measure it (a short word's baseline is nearly flat whatever the skew).
 * Bounded to ±5°: beyond that tesseract's own line finding has failed anyway.
 */
export function pageSlope(lines: readonly OcrLine[], pageWidth: number): number {
  const slopes = lines
    .map((l) => l.baseline)
    .filter((b): b is Box => !!b && b.x1 - b.x0 >= pageWidth * 0.2)
    .map((b) => (b.y1 - b.y0) / (b.x1 - b.x0))
    .sort((a, b) => a - b);
  if (slopes.length === 0) return 0;
  const s = slopes[Math.floor(slopes.length / 2)]!;
  return Math.max(-0.09, Math.min(0.09, s));
}

/**
 * A "box" inside a word that OCR read confidently as letters is part of that
 * word (the bowl of a bold "d", an "o" between tight letters), not a tick box:
 * the word wins. What OCR makes of a real box ("o", "oO", ";") is short and doubtful.
 */
function insideConfidentWord(k: Checkbox, lines: readonly OcrLine[]): boolean {
  return lines.some((l) =>
    l.words.some((w) => {
      const overlapX = Math.min(w.bbox.x1, k.x1) - Math.max(w.bbox.x0, k.x0);
      const overlapY = Math.min(w.bbox.y1, k.y1) - Math.max(w.bbox.y0, k.y0);
      if (overlapX <= (k.x1 - k.x0) * 0.5 || overlapY <= (k.y1 - k.y0) * 0.5) return false;
      const letters = (w.text.match(/\p{L}/gu) ?? []).length;
      return w.confidence >= 80 && letters >= 2 && w.bbox.x1 - w.bbox.x0 > (k.x1 - k.x0) * 1.8;
    }),
  );
}
