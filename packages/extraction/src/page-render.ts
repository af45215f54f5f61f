import { createCanvas } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { grayFromRgba, type GrayRaster } from './raster.ts';

/** Pages bigger than this are rendered at a lower resolution (a poster-sized scan must not exhaust memory). */
const MAX_PIXELS = 40_000_000;

/** Renders a PDF page to a grayscale raster at `dpi`, on a white background. */
export async function renderPage(page: PDFPageProxy, dpi: number): Promise<GrayRaster> {
  let scale = dpi / 72;
  const base = page.getViewport({ scale: 1 });
  if (base.width * base.height * scale * scale > MAX_PIXELS) scale = Math.sqrt(MAX_PIXELS / (base.width * base.height));
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: ctx as never, viewport, canvas: canvas as never }).promise;
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return grayFromRgba(data, canvas.width, canvas.height, scale * 72);
}

/**
 * The resolution a scanned page was captured at: its largest image's
 * pixels over the page's size. Rendering at that resolution neither loses
 * nor invents detail. Null when the page draws no image.
 */
export async function scannedImageDpi(page: PDFPageProxy, ops: { paintImageXObject: number; paintInlineImageXObject: number; paintJpegXObject?: number }): Promise<number | null> {
  const list = await page.getOperatorList();
  let widest = 0;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    if (fn !== ops.paintImageXObject && fn !== ops.paintInlineImageXObject && fn !== ops.paintJpegXObject) continue;
    const args = list.argsArray[i] as unknown[];
    const w = typeof args[1] === 'number' ? args[1] : ((args[0] as { width?: number })?.width ?? 0);
    widest = Math.max(widest, w);
  }
  if (widest === 0) return null;
  // A full-page scan spans the page's width: pixels per inch of that width.
  return (widest * 72) / page.getViewport({ scale: 1 }).width;
}
