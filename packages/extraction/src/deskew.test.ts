import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { measureSkew, rotateRaster } from './deskew.ts';
import { grayFromRgba, type GrayRaster } from './raster.ts';

GlobalFonts.registerFromPath('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'TestSans');

/** A 200 dpi page of prose, placed on the glass `degrees` askew (positive: lines go down to the right). */
function skewedPage(degrees: number): GrayRaster {
  const canvas = createCanvas(1654, 2339);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ececec';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.translate(827, 1170);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.translate(-827, -1170);
  ctx.fillStyle = '#222222';
  ctx.font = '28px TestSans';
  for (let i = 0; i < 40; i++) ctx.fillText('Le Prestataire informe le Client de toute évolution technique du Service.', 160, 300 + i * 42);
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return grayFromRgba(data, canvas.width, canvas.height, 200);
}

/** The same page turned a quarter clockwise, as a sheet fed sideways. */
function turned(r: GrayRaster): GrayRaster {
  const out = { width: r.height, height: r.width, dpi: r.dpi, data: new Uint8Array(r.data.length) };
  for (let y = 0; y < r.height; y++) for (let x = 0; x < r.width; x++) out.data[x * out.width + (r.height - 1 - y)] = r.data[y * r.width + x]!;
  return out;
}

describe('deskew', () => {
  it('measures the skew of a page fed askew, either way, and levels it', () => {
    for (const degrees of [1.2, -0.7]) {
      const page = skewedPage(degrees);
      expect(Math.abs(measureSkew(page) - degrees)).toBeLessThanOrEqual(0.1);
      expect(measureSkew(rotateRaster(page, measureSkew(page)))).toBe(0);
    }
  });

  it('leaves a straight page alone', () => {
    const page = skewedPage(0);
    expect(measureSkew(page)).toBe(0);
    expect(rotateRaster(page, 0)).toBe(page);
  });

  it('measures a sideways page along its columns', () => {
    const page = turned(skewedPage(1.2));
    const angle = measureSkew(page, true);
    expect(Math.abs(Math.abs(angle) - 1.2)).toBeLessThanOrEqual(0.1);
    // Levelled, its columns are upright.
    expect(measureSkew(rotateRaster(page, angle), true)).toBe(0);
  });
});
