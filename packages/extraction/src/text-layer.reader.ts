import { Util, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { normalizePageText } from './text-normalizer.ts';

interface Piece {
  str: string;
  x: number;
  /** Baseline, in device space (y grows downwards). */
  y: number;
  width: number;
  size: number;
}

interface Line {
  y: number;
  size: number;
  pieces: Piece[];
}

/**
 * Reads a page's text layer and rebuilds lines in reading order: pieces on
 * one baseline form a line, wide horizontal gaps (table cells, label/value
 * columns) become three spaces, large vertical gaps become an empty line.
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
  return normalizePageText(linesToText(groupLines(pieces)));
}

function groupLines(pieces: Piece[]): Line[] {
  pieces.sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const p of pieces) {
    const last = lines.at(-1);
    // Same line when baselines are within a third of the font size (superscripts, mixed fonts).
    if (last && Math.abs(p.y - last.y) <= Math.min(p.size, last.size) * 0.35) {
      last.pieces.push(p);
      last.size = Math.max(last.size, p.size);
    } else {
      lines.push({ y: p.y, size: p.size, pieces: [p] });
    }
  }
  for (const line of lines) line.pieces.sort((a, b) => a.x - b.x);
  return lines;
}

function joinLine(line: Line): string {
  let out = '';
  let end = -Infinity;
  for (const p of line.pieces) {
    const gap = p.x - end;
    if (out !== '') {
      if (gap > p.size * 1.5) out = out.trimEnd() + '   ';
      else if (gap > p.size * 0.18 && !out.endsWith(' ') && !p.str.startsWith(' ')) out += ' ';
    }
    out += p.str;
    end = Math.max(end, p.x + p.width);
  }
  return out.trim();
}

function linesToText(lines: Line[]): string {
  const out: string[] = [];
  let prev: Line | undefined;
  for (const line of lines) {
    if (prev && line.y - prev.y > Math.max(line.size, prev.size) * 1.75) out.push('');
    out.push(joinLine(line));
    prev = line;
  }
  return out.join('\n');
}
