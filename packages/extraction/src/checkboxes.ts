import type { GrayRaster } from './raster.ts';

export interface Checkbox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  checked: boolean;
}

const DARK = 150;

/**
 * Tick boxes (☒ / ☐) found in a scanned page. OCR reads them as noise ("oO",
 * ";", nothing at all), yet on a certificate they say which activities are
 * certified. A box is a small square outline (≈0.07–0.22 inch) with square
 * corners, thin edges that stop at the corners, and paper all around; it is
 * ticked when its inside carries ink. Letters come close (the bowl of a bold
 * "d", an "o" between tight letters): they have round corners or a stem
 * running on. A box is also never alone: tick boxes come as a list or a
 * table column (or a row of choices), so one without an aligned companion is
 * dropped. Only searched on upright pages.
 */
export function findCheckboxes(r: GrayRaster): Checkbox[] {
  const { width, height, data } = r;
  // Smaller squares are letters (o, e, a in bold); a tick box is at least ~0.07 inch.
  const minSide = Math.round(r.dpi * 0.07);
  const maxSide = Math.round(r.dpi * 0.22);
  const dark = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && data[y * width + x]! < DARK;
  // Share of dark pixels along a segment, tolerating a pixel of skew or blur.
  const hline = (x0: number, x1: number, y: number) => {
    let n = 0;
    for (let x = x0; x <= x1; x++) if (dark(x, y) || dark(x, y - 1) || dark(x, y + 1)) n++;
    return n / (x1 - x0 + 1);
  };
  const vline = (x: number, y0: number, y1: number) => {
    let n = 0;
    for (let y = y0; y <= y1; y++) if (dark(x, y) || dark(x - 1, y) || dark(x + 1, y)) n++;
    return n / (y1 - y0 + 1);
  };
  const boxes: Checkbox[] = [];
  const taken = (x: number, y: number) => boxes.some((b) => x >= b.x0 - 2 && x <= b.x1 + 2 && y >= b.y0 - 2 && y <= b.y1 + 2);
  for (let y = 1; y < height - minSide; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const on = x < width && dark(x, y);
      if (on && start < 0) start = x;
      if (on || start < 0) continue;
      const len = x - start;
      const x0 = start;
      start = -1;
      if (len < minSide || len > maxSide || taken(x0, y)) continue;
      const x1 = x0 + len - 1;
      // The top edge must be an edge: paper just above it.
      if (hline(x0 + 2, x1 - 2, y - 3) > 0.3) continue;
      for (let side = len - 3; side <= len + 3; side++) {
        const y1 = y + side - 1;
        if (y1 >= height) break;
        if (Math.abs(side - len) > len * 0.15) continue;
        if (hline(x0, x1, y1) < 0.85 || vline(x0, y, y1) < 0.85 || vline(x1, y, y1) < 0.85) continue;
        if (!isOutline(dark, hline, vline, x0, y, x1, y1)) continue;
        const inset = Math.max(2, Math.round(len * 0.2));
        let ink = 0;
        let area = 0;
        for (let yy = y + inset; yy <= y1 - inset; yy++) {
          for (let xx = x0 + inset; xx <= x1 - inset; xx++) {
            area++;
            if (dark(xx, yy)) ink++;
          }
        }
        boxes.push({ x0, y0: y, x1, y1, checked: area > 0 && ink / area > 0.1 });
        break;
      }
    }
  }
  return boxes.filter((b) => boxes.some((o) => o !== b && isAligned(b, o)));
}

type Probe = (x: number, y: number) => boolean;
type Share = (a: number, b: number, c: number) => number;

/**
 * The four edges found are those of a drawn square, not of a glyph: corners
 * inked (a bowl is round there), edges that end at the corners (a stem runs
 * on), thin edges with paper just inside their middle (a blot or a bold
 * letter is solid), and paper all around (not a table grid, not in a word).
 */
function isOutline(dark: Probe, hline: Share, vline: Share, x0: number, y0: number, x1: number, y1: number): boolean {
  const corner = (x: number, y: number, dx: number, dy: number) => dark(x, y) || dark(x + dx, y) || dark(x, y + dy) || dark(x + dx, y + dy);
  if (!corner(x0, y0, 1, 1) || !corner(x1, y0, -1, 1) || !corner(x0, y1, 1, -1) || !corner(x1, y1, -1, -1)) return false;
  const paper = (x: number, y: number) => !dark(x - 1, y) && !dark(x, y) && !dark(x + 1, y);
  const paperV = (x: number, y: number) => !dark(x, y - 1) && !dark(x, y) && !dark(x, y + 1);
  if (!paper(x0, y0 - 3) || !paper(x1, y0 - 3) || !paper(x0, y1 + 3) || !paper(x1, y1 + 3)) return false;
  if (!paperV(x0 - 3, y0) || !paperV(x0 - 3, y1) || !paperV(x1 + 3, y0) || !paperV(x1 + 3, y1)) return false;
  const side = x1 - x0 + 1;
  const inset = Math.max(3, Math.round(side * 0.25));
  const a = x0 + Math.round(side / 3);
  const b = x1 - Math.round(side / 3);
  const c = y0 + Math.round(side / 3);
  const d = y1 - Math.round(side / 3);
  const inside = [hline(a, b, y0 + inset), hline(a, b, y1 - inset), vline(x0 + inset, c, d), vline(x1 - inset, c, d)];
  if (Math.min(...inside) > 0.5) return false;
  return hline(x0 - 2, x1 + 2, y0 - 3) < 0.2 && hline(x0 - 2, x1 + 2, y1 + 4) < 0.2 && vline(x0 - 4, y0, y1) < 0.2 && vline(x1 + 4, y0, y1) < 0.2;
}

/** Same column (a list, a table column) or same row (choices side by side), allowing for skew. */
function isAligned(a: Checkbox, b: Checkbox): boolean {
  const side = Math.max(a.x1 - a.x0, a.y1 - a.y0);
  const far = Math.max(Math.abs(a.x0 - b.x0), Math.abs(a.y0 - b.y0));
  // Companions within a page-part, not two stray marks at opposite ends.
  if (far > side * 40) return false;
  return Math.abs(a.x0 - b.x0) <= side || Math.abs(a.y0 - b.y0) <= side * 0.5;
}
