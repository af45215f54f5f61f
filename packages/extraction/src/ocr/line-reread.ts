import { isNoiseLine, meanConfidence, regionAround, type Box, type OcrLine, type TesseractBlocks } from './ocr-layout.ts';

/** Reads one region of the page as a single text line; the words come back in page coordinates. */
export type ReadLine = (region: Box) => Promise<OcrLine[]>;

/** At most this many lines a page are read again: a page full of doubt is a bad scan, not a few garbled lines. */
const MAX_REREADS = 8;

/**
 * A line OCR doubted entirely, or a line of symbols alone it was not sure
 * of: "5." on a line of its own, the end of "les activités 4, 5.", came out
 * "=." at 53 %.
 */
function isDoubtful(line: OcrLine): boolean {
  if (isNoiseLine(line)) return true;
  const words = line.words.filter((w) => w.text.trim());
  return words.length > 0 && words.every((w) => !/[\p{L}\d]/u.test(w.text)) && meanConfidence(line) < 85;
}

/**
 * Lines OCR doubted entirely are read once more, alone, as a single line
 * (page segmentation 7). Tesseract's page mode sometimes garbles a line of
 * short tokens — "n° 1, 2, 3, 4, 5 et 6." came out "n°1234 5betr6" at
 * confidence 0–9, and the certificate lost its activities; read alone the
 * same pixels give the line back. What is doubtful again (a signature, the
 * lid's shadow) stays doubtful and is dropped as noise later. A line much
 * taller than the page's text lines (a logo, a scribble) is not retried.
 */
export async function rereadDoubtfulLines(result: TesseractBlocks, readLine: ReadLine, page: { width: number; height: number }): Promise<number> {
  const paragraphs = (result.blocks ?? []).flatMap((b) => b.paragraphs);
  const heights = paragraphs.flatMap((p) => p.lines.map((l) => l.bbox.y1 - l.bbox.y0)).sort((a, b) => a - b);
  const usual = heights[Math.floor(heights.length / 2)] ?? 0;
  let reread = 0;
  for (const paragraph of paragraphs) {
    for (const [i, line] of paragraph.lines.entries()) {
      if (reread >= MAX_REREADS || !isDoubtful(line) || line.bbox.y1 - line.bbox.y0 > usual * 1.6) continue;
      reread++;
      const again = (await readLine(regionAround(line.bbox, line, page))).filter((l) => l.words.some((w) => w.text.trim()));
      // Kept when the line alone reads as one line, clearly surer than before: "n°1,2,3,4,5et6." at 34
      // (one unknown "word" never scores high) against 0 and 9; a shadow or a scribble stays under 30.
      if (again.length === 1 && (!isNoiseLine(again[0]!) || (meanConfidence(again[0]!) >= 30 && meanConfidence(again[0]!) >= meanConfidence(line) + 20))) paragraph.lines[i] = { ...again[0]!, reread: true };
    }
  }
  return reread;
}
