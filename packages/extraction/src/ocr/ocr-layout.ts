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
export function ocrText(result: TesseractBlocks, pageWidth: number, pageHeight: number): { text: string; words: number } {
  const pieces: Piece[] = [];
  for (const block of result.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        // One baseline per OCR line, so its words regroup into that line.
        const baseline = line.bbox.y1;
        for (const w of line.words) {
          if (!w.text.trim()) continue;
          // Each word's own height: a logo or a large initial must not make the whole line's spacing look tiny.
          const size = Math.max(6, (w.bbox.y1 - w.bbox.y0) * 0.8);
          pieces.push({ str: w.text, x: w.bbox.x0, y: baseline, width: w.bbox.x1 - w.bbox.x0, size });
        }
      }
    }
  }
  return { text: correctOcrText(normalizePageText(linesToText(readingOrder(groupLines(pieces), pageWidth, pageHeight)))), words: pieces.length };
}
