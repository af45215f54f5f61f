import type { Checkbox } from '../checkboxes.ts';
import { groupLines, linesToText, readingOrder, type Piece } from '../page-layout.ts';
import { normalizePageText } from '../text-normalizer.ts';
import { correctOcrText } from './ocr-corrections.ts';

/** The part of a tesseract.js result this module reads. */
export interface TesseractBlocks {
  blocks: Array<{ paragraphs: Array<{ lines: Array<{ words: Array<{ text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }>; bbox: { y0: number; y1: number } }> }> }> | null;
}

/**
 * OCR words → the same page text shape as a text layer (lines, cells apart
 * by three spaces, two-column pages column by column): every reader then
 * sees one format whatever the source.
 */
export function ocrText(result: TesseractBlocks, pageWidth: number, pageHeight: number, boxes: readonly Checkbox[] = []): { text: string; words: number } {
  const pieces: Piece[] = [];
  // What OCR made of a tick box is noise: the box itself is read as ☒ or ☐.
  const overBox = (b: { x0: number; y0: number; x1: number; y1: number }) =>
    boxes.some((k) => Math.min(b.x1, k.x1 + 4) - Math.max(b.x0, k.x0 - 4) > (b.x1 - b.x0) * 0.3 && Math.min(b.y1, k.y1) - Math.max(b.y0, k.y0) > (b.y1 - b.y0) * 0.3);
  for (const block of result.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        // One baseline per OCR line, so its words regroup into that line.
        const baseline = line.bbox.y1;
        for (const w of line.words) {
          if (!w.text.trim() || overBox(w.bbox)) continue;
          // Each word's own height: a logo or a large initial must not make the whole line's spacing look tiny.
          const size = Math.max(6, (w.bbox.y1 - w.bbox.y0) * 0.8);
          pieces.push({ str: w.text, x: w.bbox.x0, y: baseline, width: w.bbox.x1 - w.bbox.x0, size });
        }
      }
    }
  }
  // A box belongs to the OCR line beside it: same baseline, so it lands in that row.
  const lines = (result.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
  for (const k of boxes) {
    const mid = (k.y0 + k.y1) / 2;
    const side = k.y1 - k.y0;
    const candidates = lines.filter((l) => l.words.some((w) => w.text.trim() && !overBox(w.bbox)));
    const distance = (l: (typeof lines)[number]) => Math.abs((l.bbox.y0 + l.bbox.y1) / 2 - mid);
    const line = candidates.filter((l) => distance(l) < side * 1.5).sort((a, b) => distance(a) - distance(b))[0];
    pieces.push({ str: k.checked ? '☒' : '☐', x: k.x0, y: line?.bbox.y1 ?? k.y1, width: k.x1 - k.x0, size: side });
  }
  return { text: correctOcrText(normalizePageText(linesToText(readingOrder(groupLines(pieces), pageWidth, pageHeight)))), words: pieces.length };
}
