import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { findCheckboxes } from './checkboxes.ts';
import { grayFromRgba, type GrayRaster } from './raster.ts';

const FONTS = '/usr/share/fonts/truetype/dejavu';
GlobalFonts.registerFromPath(`${FONTS}/DejaVuSans.ttf`, 'TestSans');
GlobalFonts.registerFromPath(`${FONTS}/DejaVuSans-Bold.ttf`, 'TestSansBold');

const DPI = 200;
const pt = (n: number) => (n * DPI) / 72;

/** A page scanned at 200 dpi, slightly skewed, with grey paper and soft ink, like the corpus scans. */
function page(draw: (ctx: SKRSContext2D) => void): GrayRaster {
  const canvas = createCanvas(1654, 1200);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.rotate((0.8 * Math.PI) / 180);
  ctx.fillStyle = '#1e1e1e';
  draw(ctx);
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return soften(grayFromRgba(data, canvas.width, canvas.height, DPI));
}

/** What an office scanner does to strokes: ink and paper levels, [1 2 1] blur, faint deterministic noise. */
function soften(r: GrayRaster): GrayRaster {
  const { width: w, height: h } = r;
  const src = r.data.map((v) => 30 + ((235 - 30) * v) / 255);
  const tmp = new Uint8Array(src.length);
  for (let y = 0; y < h; y++) for (let x = 1; x < w - 1; x++) tmp[y * w + x] = (src[y * w + x - 1]! + 2 * src[y * w + x]! + src[y * w + x + 1]!) >> 2;
  const out = new Uint8Array(src.length).fill(235);
  let seed = 7;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 0; x < w; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      out[y * w + x] = Math.max(0, Math.min(255, ((tmp[(y - 1) * w + x]! + 2 * tmp[y * w + x]! + tmp[(y + 1) * w + x]!) >> 2) + ((seed % 9) - 4)));
    }
  }
  return { ...r, data: out };
}

const ACTIVITIES = ['Hébergement physique (sites physiques)', 'Infrastructure matérielle', 'Infrastructure virtuelle', 'Plateforme d’hébergement d’applications', 'Administration et exploitation du SI', 'Sauvegarde des données de santé'];

/** The activity table of a certificate: a number, a label, and a tick box per row. */
function activityTable(ctx: SKRSContext2D, ticked: readonly number[]): void {
  ACTIVITIES.forEach((label, i) => {
    const y = 300 + i * 57;
    ctx.font = `${pt(9.5)}px TestSans`;
    ctx.fillText(String(i + 1), 300, y);
    ctx.fillText(label, 370, y);
    tickBox(ctx, 1280, y - 18, ticked.includes(i + 1));
  });
}

/** A 2.4 mm square outline, crossed when ticked, as form generators draw it. */
function tickBox(ctx: SKRSContext2D, x: number, y: number, ticked: boolean): void {
  const side = 19;
  ctx.strokeStyle = '#1e1e1e';
  ctx.lineWidth = 2;
  ctx.strokeRect(x, y, side, side);
  if (!ticked) return;
  ctx.beginPath();
  ctx.moveTo(x + 3, y + 3);
  ctx.lineTo(x + side - 3, y + side - 3);
  ctx.moveTo(x + side - 3, y + 3);
  ctx.lineTo(x + 3, y + side - 3);
  ctx.stroke();
}

/** Ordinary certificate and contract prose, regular and bold, with the words that used to turn into boxes. */
function prose(ctx: SKRSContext2D, y0: number): void {
  const lines = [
    ['TestSansBold', 10.5, 'Ce certificat est valable du 26 février 2026 au 25 février 2029.'],
    ['TestSans', 10, 'Entre les parties ci-après désignées : la société Hémopulse SAS,'],
    ['TestSans', 10, 'Engagements de niveau de service (SLA) et localisation des sites'],
    ['TestSansBold', 10, 'Date d’effet : 12 avril 2024   Garanties en cas de défaillance'],
    ['TestSansBold', 12, 'ARTICLE 2 – CADRE RÉGLEMENTAIRE ET DONNÉES DE SANTÉ'],
    ['TestSans', 9, 'Données à caractère personnel relatives à la santé physique ou mentale.'],
  ] as const;
  lines.forEach(([font, size, text], i) => {
    ctx.font = `${pt(size)}px ${font}`;
    ctx.fillText(text, 150, y0 + i * 60);
  });
}

describe('tick boxes on a scanned page', () => {
  it('finds every box of an activity table, and which are ticked', () => {
    const boxes = findCheckboxes(page((ctx) => activityTable(ctx, [2, 5])));
    expect(boxes).toHaveLength(6);
    const byRow = [...boxes].sort((a, b) => a.y0 - b.y0);
    expect(byRow.map((b) => b.checked)).toEqual([false, true, false, false, true, false]);
    // Each box sits on its activity's row.
    byRow.forEach((b, i) => expect(Math.abs(b.y1 - (300 + i * 57 + 18))).toBeLessThan(30));
  });

  it('sees no box in ordinary text, bold or regular', () => {
    expect(findCheckboxes(page((ctx) => prose(ctx, 200)))).toEqual([]);
  });

  it('finds the table boxes and nothing in the prose around them', () => {
    const boxes = findCheckboxes(
      page((ctx) => {
        prose(ctx, 120);
        activityTable(ctx, [1, 2, 3, 4]);
        prose(ctx, 700);
      }),
    );
    expect(boxes.map((b) => b.checked)).toEqual([true, true, true, true, false, false]);
  });

  it('drops a lone square: tick boxes come as a list, a column or a row', () => {
    const boxes = findCheckboxes(
      page((ctx) => {
        ctx.font = `${pt(10)}px TestSans`;
        ctx.fillText('Voir la figure', 150, 300);
        tickBox(ctx, 400, 282, false);
        ctx.fillText('ci-dessous.', 450, 300);
      }),
    );
    expect(boxes).toEqual([]);
  });
});
