import { Util, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { groupLines, linesToText, readingOrder, type Piece } from './page-layout.ts';
import { normalizePageText } from './text-normalizer.ts';

/**
 * Reads a page's text layer and rebuilds lines in reading order: pieces on
 * one baseline form a line, wide horizontal gaps (table cells, label/value
 * columns) become three spaces, large vertical gaps become an empty line,
 * two-column pages are read column by column (page-layout.ts).
 * Device space (viewport) coordinates make pages with /Rotate read upright.
 */
export async function readTextLayer(page: PDFPageProxy): Promise<string> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const pieces: Piece[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const m = Util.transform(viewport.transform, item.transform) as number[];
    const size = Math.hypot(m[2]!, m[3]!) || item.height || 10;
    pieces.push({ str: item.str, x: m[4]!, y: m[5]!, width: item.width * viewport.scale, size });
  }
  return normalizePageText(linesToText(readingOrder(groupLines(pieces), viewport.width, viewport.height)));
}
