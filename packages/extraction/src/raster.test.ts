import { describe, expect, it } from 'vitest';
import { binarize, cropRaster, enlargeRaster, turnRaster, type GrayRaster } from './raster.ts';

// 3 wide, 2 tall:  1 2 3
//                  4 5 6
const r: GrayRaster = { width: 3, height: 2, data: Uint8Array.from([1, 2, 3, 4, 5, 6]), dpi: 200 };
const rows = (x: GrayRaster) => Array.from({ length: x.height }, (_, y) => Array.from(x.data.slice(y * x.width, (y + 1) * x.width)));

describe('turnRaster', () => {
  it('turns clockwise by quarter turns, swapping width and height on a sideways turn', () => {
    expect(rows(turnRaster(r, 90))).toEqual([[4, 1], [5, 2], [6, 3]]);
    expect(rows(turnRaster(r, 180))).toEqual([[6, 5, 4], [3, 2, 1]]);
    expect(rows(turnRaster(r, 270))).toEqual([[3, 6], [2, 5], [1, 4]]);
    expect(turnRaster(r, 0)).toBe(r);
    expect(turnRaster(turnRaster(r, 90), 270).data).toEqual(r.data);
    expect(turnRaster(r, 90).dpi).toBe(200);
  });

  it('refuses a turn that is not a quarter turn', () => {
    expect(() => turnRaster(r, 45)).toThrow(/quarter turn/);
  });
});

describe('cropRaster', () => {
  it('cuts out a region, clamped to the page, at the page resolution', () => {
    expect(rows(cropRaster(r, { x0: 1, y0: 0, x1: 3, y1: 2 }))).toEqual([[2, 3], [5, 6]]);
    const edge = cropRaster(r, { x0: -4, y0: 1, x1: 2, y1: 9 });
    expect([edge.width, edge.height, edge.dpi]).toEqual([2, 1, 200]);
    expect(rows(edge)).toEqual([[4, 5]]);
  });
});

describe('enlargeRaster and binarize (a doubtful line read again)', () => {
  it('enlarges with the resolution, keeping flat areas flat', () => {
    const flat: GrayRaster = { width: 2, height: 2, data: Uint8Array.from([200, 200, 200, 200]), dpi: 200 };
    const big = enlargeRaster(flat, 1.5);
    expect([big.width, big.height, big.dpi]).toEqual([3, 3, 300]);
    expect(new Set(big.data)).toEqual(new Set([200]));
    expect(rows(enlargeRaster(r, 2))[0]).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('turns grainy paper white and ink black, whatever their exact tones', () => {
    const grain: GrayRaster = { width: 6, height: 1, data: Uint8Array.from([236, 244, 229, 41, 63, 238]), dpi: 200 };
    expect(Array.from(binarize(grain).data)).toEqual([255, 255, 255, 0, 0, 255]);
  });
});
