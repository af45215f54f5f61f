import { describe, expect, it } from 'vitest';
import type { GrayRaster } from './raster.ts';
import { removeRulingLines } from './rules-removal.ts';

/** A white 200 dpi page with dark rectangles. */
function page(width: number, height: number, inked: Array<[number, number, number, number]>): GrayRaster {
  const data = new Uint8Array(width * height).fill(250);
  for (const [x0, y0, x1, y1] of inked) for (let y = y0; y < y1; y++) data.fill(30, y * width + x0, y * width + x1);
  return { width, height, data, dpi: 200 };
}
const at = (r: GrayRaster, x: number, y: number) => r.data[y * r.width + x]!;

describe('ruling lines removed before OCR', () => {
  it('whitens a table rule across and a cell border down, and keeps the letters between them', () => {
    const r = page(600, 400, [
      [20, 100, 580, 102], // a rule across, 2 px thick, 2.8 inches
      [300, 20, 302, 380], // a border down, 1.8 inches
      [100, 150, 112, 180], // a letter-sized stroke
      [40, 300, 200, 340], // a bold word: long but thick, not a rule
    ]);
    const out = removeRulingLines(r);
    expect(at(out, 50, 100)).toBe(255);
    expect(at(out, 301, 50)).toBe(255);
    expect(at(out, 105, 160)).toBe(30);
    expect(at(out, 120, 320)).toBe(30);
    // A copy: the page itself is untouched.
    expect(at(r, 50, 100)).toBe(30);
  });

  it('keeps short runs (a dash, an underscore) that could be characters', () => {
    const out = removeRulingLines(page(400, 200, [[50, 100, 130, 102]]));
    expect(at(out, 60, 100)).toBe(30);
  });
});
