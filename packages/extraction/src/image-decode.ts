import { createRequire } from 'node:module';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { AppError } from '@hds/core';
import type { FileType } from './file-type.ts';
import { grayFromRgba, type GrayRaster } from './raster.ts';

const require = createRequire(import.meta.url);
// utif2 is CommonJS without types: its surface here is decode / decodeImage / toRGBA8.
const UTIF = require('utif2') as {
  decode(buf: ArrayBuffer | Uint8Array): Array<Record<string, unknown> & { width: number; height: number }>;
  decodeImage(buf: ArrayBuffer | Uint8Array, ifd: unknown): void;
  toRGBA8(ifd: unknown): Uint8Array;
};

/** Scans without a resolution tag are assumed to be office-scanner output. */
const DEFAULT_DPI = 200;
const MAX_PAGES = 500;

function jpegDpi(b: Uint8Array): number | null {
  // JFIF APP0: "JFIF\0", version, units (1 = dpi, 2 = dpcm), x density, y density.
  for (let i = 2; i + 16 < b.length && i < 64 * 1024; ) {
    if (b[i] !== 0xff) break;
    const marker = b[i + 1]!;
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    if (marker === 0xe0 && String.fromCharCode(...b.subarray(i + 4, i + 8)) === 'JFIF') {
      const units = b[i + 11]!;
      const x = (b[i + 12]! << 8) | b[i + 13]!;
      if (x > 0 && units === 1) return x;
      if (x > 0 && units === 2) return x * 2.54;
      return null;
    }
    i += 2 + len;
  }
  return null;
}

function pngDpi(b: Uint8Array): number | null {
  // pHYs chunk: pixels per metre.
  for (let i = 8; i + 12 < b.length; ) {
    const len = ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
    const type = String.fromCharCode(...b.subarray(i + 4, i + 8));
    if (type === 'pHYs' && b[i + 16] === 1) {
      const ppm = ((b[i + 8]! << 24) | (b[i + 9]! << 16) | (b[i + 10]! << 8) | b[i + 11]!) >>> 0;
      return ppm * 0.0254;
    }
    if (type === 'IDAT' || type === 'IEND') return null;
    i += 12 + len;
  }
  return null;
}

async function decodeWithCanvas(bytes: Uint8Array, dpi: number): Promise<GrayRaster> {
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.drawImage(image, 0, 0);
  return grayFromRgba(ctx.getImageData(0, 0, image.width, image.height).data, image.width, image.height, dpi);
}

function tiffDpi(ifd: Record<string, unknown>): number | null {
  // XResolution is a RATIONAL: utif2 gives [[numerator, denominator]] (or a plain number).
  const raw = (ifd.t282 as unknown[] | undefined)?.[0];
  const x = Array.isArray(raw) ? Number(raw[0]) / Number(raw[1] || 1) : Number(raw);
  if (!Number.isFinite(x) || x <= 0) return null;
  const unit = (ifd.t296 as number[] | undefined)?.[0] ?? 2;
  return unit === 3 ? x * 2.54 : x;
}

/**
 * Pages of an image file as grayscale rasters: PNG and JPEG (one page),
 * TIFF (every page). A file the decoder rejects is a corrupt document.
 */
export async function decodeImagePages(bytes: Uint8Array, type: Extract<FileType, 'png' | 'jpeg' | 'tiff'>): Promise<GrayRaster[]> {
  try {
    if (type === 'jpeg') return [await decodeWithCanvas(bytes, jpegDpi(bytes) ?? DEFAULT_DPI)];
    if (type === 'png') return [await decodeWithCanvas(bytes, pngDpi(bytes) ?? DEFAULT_DPI)];
    const ifds = UTIF.decode(bytes).filter((ifd) => ifd.t256 !== undefined).slice(0, MAX_PAGES);
    return ifds.map((ifd) => {
      UTIF.decodeImage(bytes, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      return grayFromRgba(rgba, ifd.width, ifd.height, tiffDpi(ifd) ?? DEFAULT_DPI);
    });
  } catch (err) {
    throw new AppError('image.corrupt', `The ${type.toUpperCase()} image cannot be decoded (${(err as Error).message})`, { cause: err });
  }
}
