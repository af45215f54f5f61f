import type { GrayRaster } from './raster.ts';

// Rules are often printed grey or blue: detect them with a lighter threshold than ink.
const DARK = 190;

/**
 * Whitens the ruling lines of tables and frames (long thin horizontal and
 * vertical runs of ink) before OCR: tesseract reads cell borders as letters
 * and drops what sits between them (ticks, numbers). A run counts when it is
 * longer than any character could be: ~0.6 inch across, ~0.35 inch down.
 * Skew is tolerated by looking one row (column) up and down. Returns a copy.
 */
export function removeRulingLines(r: GrayRaster): GrayRaster {
  const { width, height, data } = r;
  const out = new Uint8Array(data);
  // One pass to a 0/1 ink map: the two scans below read every pixel three times each.
  const ink = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) ink[i] = data[i]! < DARK ? 1 : 0;
  const minAcross = Math.round(r.dpi * 0.6);
  const minDown = Math.round(r.dpi * 0.35);
  // Far enough from the rule's own (blurred, doubled) stroke to see what lies beside it.
  const gap = Math.max(4, Math.round(r.dpi / 33));
  // Horizontal: runs in a 3-row band.
  for (let y = 1; y < height - 1; y++) {
    const row = y * width;
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const on = x < width && (ink[row + x]! | ink[row - width + x]! | ink[row + width + x]!) !== 0;
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        if (x - start >= minAcross && rowIsThin(data, width, height, start, x, y, gap)) {
          for (let i = row + start; i < row + x; i++) if (ink[i]) out[i] = 255;
        }
        start = -1;
      }
    }
  }
  // Vertical: runs in a 3-column band, followed row by row (memory order) with one run start per column.
  const starts = new Int32Array(width).fill(-1);
  for (let y = 0; y <= height; y++) {
    const row = y * width;
    for (let x = 1; x < width - 1; x++) {
      const on = y < height && (ink[row + x - 1]! | ink[row + x]! | ink[row + x + 1]!) !== 0;
      const start = starts[x]!;
      if (on) {
        if (start < 0) starts[x] = y;
      } else if (start >= 0) {
        if (y - start >= minDown && columnIsThin(data, width, x, start, y, gap)) {
          for (let i = start * width + x; i < y * width; i += width) if (ink[i]) out[i] = 255;
        }
        starts[x] = -1;
      }
    }
  }
  return { ...r, data: out };
}

/**
 * A rule is thin: a few rows above AND below the run the page is mostly
 * paper. Large bold letters touching each other also make long runs, but
 * the rows around them are inked too.
 */
function rowIsThin(data: Uint8Array, width: number, height: number, x0: number, x1: number, y: number, gap: number): boolean {
  const probe = (yy: number) => {
    if (yy < 0 || yy >= height) return 0;
    let ink = 0;
    for (let x = x0; x < x1; x += 4) if (data[yy * width + x]! < DARK) ink++;
    return ink / Math.max(1, (x1 - x0) / 4);
  };
  return Math.max(probe(y - gap), probe(y + gap)) < 0.35;
}

function columnIsThin(data: Uint8Array, width: number, x: number, y0: number, y1: number, gap: number): boolean {
  const probe = (xx: number) => {
    if (xx < 0 || xx >= width) return 0;
    let ink = 0;
    for (let y = y0; y < y1; y += 4) if (data[y * width + xx]! < DARK) ink++;
    return ink / Math.max(1, (y1 - y0) / 4);
  };
  return Math.max(probe(x - gap), probe(x + gap)) < 0.35;
}
