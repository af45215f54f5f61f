import type { GrayRaster } from './raster.ts';

/** Scans are fed by hand: a few degrees at most. Beyond that the page is turned, which OSD handles. */
const MAX_DEGREES = 3;
/** Below this, tesseract's line finding copes on its own and turning the page would only blur it. */
const MIN_DEGREES = 0.15;

/**
 * The skew of a page's text lines, in degrees (positive: lines go down to
 * the right), by projection profiles: ink counted along slanted rows is
 * most concentrated (largest sum of squares) at the text's own slant.
 * Measured on every other pixel, coarse then fine: ~10 ms a page.
 * `vertical` measures a page whose lines run up and down (turned 90°).
 * The result is the angle to give `rotateRaster` to level the lines.
 */
export function measureSkew(r: GrayRaster, vertical = false): number {
  const step = Math.max(1, Math.round(r.dpi / 100));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < r.height; y += step) {
    for (let x = 0; x < r.width; x += step) {
      if (r.data[y * r.width + x]! >= 128) continue;
      // Along the lines (u) and across them (v).
      xs.push(vertical ? y : x);
      ys.push(vertical ? x : y);
    }
  }
  if (xs.length < 200) return 0;
  const across = (vertical ? r.width : r.height) + 2 * Math.round((vertical ? r.height : r.width) * Math.tan((MAX_DEGREES * Math.PI) / 180));
  const bins = new Float64Array(Math.ceil(across / step) + 2);
  const offset = bins.length / 2;
  const score = (deg: number) => {
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < xs.length; i++) {
      const b = Math.round((ys[i]! - t * xs[i]! - (vertical ? r.width : r.height) / 2) / step + offset);
      if (b >= 0 && b < bins.length) bins[b]!++;
    }
    let s = 0;
    for (let i = 0; i < bins.length; i++) s += bins[i]! * bins[i]!;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let d = -MAX_DEGREES; d <= MAX_DEGREES + 1e-9; d += 0.25) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  const coarse = best;
  for (let d = coarse - 0.25; d <= coarse + 0.25 + 1e-9; d += 0.05) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  if (Math.abs(best) < MIN_DEGREES) return 0;
  // Turned text: a slant of its columns to the right is a turn the other way round.
  return Math.round((vertical ? -best : best) * 100) / 100;
}

/**
 * The page turned by -degrees about its centre (bilinear), so lines of
 * that skew come out level. What comes in from outside the page is paper.
 * About 60 ms on a 200 dpi A4 page, a few percent of its OCR time.
 */
export function rotateRaster(r: GrayRaster, degrees: number): GrayRaster {
  if (degrees === 0) return r;
  const { width: w, height: h, data } = r;
  const out = new Uint8Array(w * h);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = w / 2;
  const cy = h / 2;
  const paper = paperLevel(r);
  for (let Y = 0; Y < h; Y++) {
    const dy = Y - cy;
    // Output (X, Y) takes input R(a)·(X, Y): a line of slope tan(a) in the input is level in the output.
    let x = cx - cx * cos - sin * dy;
    let y = cy - cx * sin + cos * dy;
    for (let X = 0; X < w; X++, x += cos, y += sin) {
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[Y * w + X] = paper;
        continue;
      }
      const fx = x - x0;
      const fy = y - y0;
      const i = y0 * w + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + w]! + (data[i + w + 1]! - data[i + w]!) * fx;
      out[Y * w + X] = top + (bottom - top) * fy + 0.5;
    }
  }
  return { ...r, data: out };
}

/** The page's paper tone: the brightest common level (a 95th percentile). */
function paperLevel(r: GrayRaster): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < r.data.length; i += 16) hist[r.data[i]!]!++;
  const total = Math.ceil(r.data.length / 16);
  let n = 0;
  for (let v = 0; v < 256; v++) {
    n += hist[v]!;
    if (n >= total * 0.95) return v;
  }
  return 255;
}
