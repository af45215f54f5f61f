/** An 8-bit grayscale image, row-major, with the resolution it was scanned or rendered at. */
export interface GrayRaster {
  width: number;
  height: number;
  data: Uint8Array;
  dpi: number;
}

/** RGBA (canvas) → gray, integer luma weights. */
export function grayFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, dpi: number): GrayRaster {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < data.length; i += 4, j++) {
    // Transparent pixels are paper, not ink.
    const a = rgba[i + 3]!;
    const y = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
    data[j] = a === 255 ? y : 255 - (((255 - y) * a) >> 8);
  }
  return { width, height, data, dpi };
}

/**
 * Binary PGM (P5): a header and the raw bytes. Tesseract reads it without a
 * decoder, and writing it costs nothing — unlike PNG, which takes seconds
 * per page to encode.
 */
export function encodePgm(r: GrayRaster): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${r.width} ${r.height}\n255\n`);
  const out = new Uint8Array(header.length + r.data.length);
  out.set(header, 0);
  out.set(r.data, header.length);
  return out;
}

/** The part of the page inside [x0, x1) × [y0, y1) (clamped to the page). */
export function cropRaster(r: GrayRaster, box: { x0: number; y0: number; x1: number; y1: number }): GrayRaster {
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const width = Math.max(0, Math.min(r.width, Math.ceil(box.x1)) - x0);
  const height = Math.max(0, Math.min(r.height, Math.ceil(box.y1)) - y0);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) data.set(r.data.subarray((y0 + y) * r.width + x0, (y0 + y) * r.width + x0 + width), y * width);
  return { width, height, data, dpi: r.dpi };
}

/** The page enlarged `factor` times (bilinear), its resolution with it: small print read at a size OCR is surer of. */
export function enlargeRaster(r: GrayRaster, factor: number): GrayRaster {
  const width = Math.round(r.width * factor);
  const height = Math.round(r.height * factor);
  const data = new Uint8Array(width * height);
  for (let Y = 0; Y < height; Y++) {
    const y = Math.min(r.height - 1, Math.max(0, (Y + 0.5) / factor - 0.5));
    const y0 = Math.floor(y);
    const y1 = Math.min(r.height - 1, y0 + 1);
    const fy = y - y0;
    for (let X = 0; X < width; X++) {
      const x = Math.min(r.width - 1, Math.max(0, (X + 0.5) / factor - 0.5));
      const x0 = Math.floor(x);
      const x1 = Math.min(r.width - 1, x0 + 1);
      const fx = x - x0;
      const top = r.data[y0 * r.width + x0]! + (r.data[y0 * r.width + x1]! - r.data[y0 * r.width + x0]!) * fx;
      const bottom = r.data[y1 * r.width + x0]! + (r.data[y1 * r.width + x1]! - r.data[y1 * r.width + x0]!) * fx;
      data[Y * width + X] = top + (bottom - top) * fy + 0.5;
    }
  }
  return { width, height, data, dpi: r.dpi * factor };
}

/** Ink black, paper white, at the threshold that best splits the two (Otsu): scanner noise gone. */
export function binarize(r: GrayRaster): GrayRaster {
  const hist = new Float64Array(256);
  for (const v of r.data) hist[v]!++;
  const total = r.data.length;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * hist[v]!;
  let below = 0;
  let belowSum = 0;
  let best = -1;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    below += hist[t]!;
    if (below === 0 || below === total) continue;
    belowSum += t * hist[t]!;
    const m0 = belowSum / below;
    const m1 = (sum - belowSum) / (total - below);
    const between = below * (total - below) * (m0 - m1) ** 2;
    if (between > best) [best, threshold] = [between, t];
  }
  return { ...r, data: r.data.map((v) => (v <= threshold ? 0 : 255)) };
}

/** Every `factor`-th pixel (nearest): enough for layout statistics. */
export function downscale(r: GrayRaster, factor: number): GrayRaster {
  const f = Math.max(1, Math.floor(factor));
  const width = Math.floor(r.width / f);
  const height = Math.floor(r.height / f);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = r.data[y * f * r.width + x * f]!;
  return { width, height, data, dpi: r.dpi / f };
}

/** Share of dark pixels: a blank (or noise-only) page has almost none. */
export function inkRatio(r: GrayRaster, threshold = 128): number {
  let dark = 0;
  for (let i = 0; i < r.data.length; i++) if (r.data[i]! < threshold) dark++;
  return r.data.length === 0 ? 0 : dark / r.data.length;
}

function variation(sums: number[]): number {
  const mean = sums.reduce((a, b) => a + b, 0) / Math.max(1, sums.length);
  const variance = sums.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, sums.length);
  return mean === 0 ? 0 : Math.sqrt(variance) / mean;
}

/**
 * Whether the text lines run up and down (a page turned 90° or 270°): the
 * ink of horizontal lines varies strongly from row to row (lines, then
 * gaps) and little from column to column; turned text the other way round.
 * A few milliseconds on a page downscaled to ~50 dpi.
 */
export function textRunsVertically(r: GrayRaster): boolean {
  const small = downscale(r, Math.max(1, Math.round(r.dpi / 50)));
  const rows = new Array<number>(small.height).fill(0);
  const cols = new Array<number>(small.width).fill(0);
  for (let y = 0; y < small.height; y++) {
    for (let x = 0; x < small.width; x++) {
      if (small.data[y * small.width + x]! < 128) {
        rows[y]!++;
        cols[x]!++;
      }
    }
  }
  return variation(cols) > variation(rows) * 1.3;
}

/**
 * The page turned clockwise by a quarter-turn multiple (0, 90, 180, 270),
 * exactly (pixels moved, not resampled). A sideways page comes out with its
 * width and height swapped — tesseract's own `rotateRadians` keeps the
 * canvas and so cut off the top and bottom of a sideways page's text.
 */
export function turnRaster(r: GrayRaster, clockwise: number): GrayRaster {
  const turn = ((clockwise % 360) + 360) % 360;
  if (turn === 0) return r;
  const { width: w, height: h, data } = r;
  const out = new Uint8Array(w * h);
  if (turn === 180) {
    for (let i = 0, j = data.length - 1; i < data.length; i++, j--) out[i] = data[j]!;
    return { width: w, height: h, data: out, dpi: r.dpi };
  }
  if (turn !== 90 && turn !== 270) throw new RangeError(`turnRaster: ${clockwise}° is not a quarter turn`);
  // Output is h wide and w tall; for each output pixel, the input pixel it comes from.
  for (let Y = 0; Y < w; Y++) {
    for (let X = 0; X < h; X++) {
      out[Y * h + X] = turn === 90 ? data[(h - 1 - X) * w + Y]! : data[X * w + (w - 1 - Y)]!;
    }
  }
  return { width: h, height: w, data: out, dpi: r.dpi };
}
