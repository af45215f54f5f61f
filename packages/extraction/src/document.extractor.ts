import { AppError, type PageText } from '@hds/core';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { isImageType, sniffFileType, type FileType } from './file-type.ts';
import { decodeImagePages } from './image-decode.ts';
import type { OcrEngine } from './ocr/ocr.engine.ts';
import { renderPage, scannedImageDpi } from './page-render.ts';
import { loadPdf } from './pdf.loader.ts';
import type { GrayRaster } from './raster.ts';
import { readTextLayer } from './text-layer.reader.ts';
import { assessTextQuality } from './text-quality.ts';

export interface ExtractedText {
  fileType: FileType;
  pages: PageText[];
}

export interface ExtractOptions {
  fileName?: string | undefined;
  /** Reads pages without a usable text layer, and image files; without it they are recorded as having no text. */
  ocr?: OcrEngine | null | undefined;
}

/** Scans are rendered at their own resolution, within these bounds (accuracy vs time). */
const MIN_OCR_DPI = 200;
const MAX_OCR_DPI = 400;
/** Vector-only pages (text drawn as shapes) have no scan resolution: render at this. */
const DEFAULT_OCR_DPI = 300;

async function ocrPage(ocr: OcrEngine, raster: GrayRaster, page: number): Promise<PageText> {
  const r = await ocr.recognize(raster);
  // Nothing read at all (a blank sheet): no text, rather than a text of zero confidence.
  if (r.words === 0 || r.text.trim() === '') return { page, text: '', source: 'none', confidence: null };
  return { page, text: r.text, source: 'ocr', confidence: Math.round(r.confidence * 10) / 10 };
}

/**
 * Reads every page of a document. A page whose text layer is usable is read
 * from it; a page without one, or with garbage in it, is rendered and OCRed
 * when an OCR engine is given; image files are OCRed page by page. Bad input
 * throws a non-retryable AppError whose code is the DOC_UNREADABLE reason.
 */
export async function extractText(bytes: Uint8Array, opts: ExtractOptions = {}): Promise<ExtractedText> {
  const fileType = sniffFileType(bytes);
  if (fileType === 'empty') throw new AppError('document.empty', 'The file is empty (0 bytes)');
  if (isImageType(fileType)) {
    const rasters = await decodeImagePages(bytes, fileType);
    const pages: PageText[] = [];
    for (const [i, raster] of rasters.entries()) {
      pages.push(opts.ocr ? await ocrPage(opts.ocr, raster, i + 1) : { page: i + 1, text: '', source: 'none', confidence: null });
    }
    return { fileType, pages };
  }
  if (fileType !== 'pdf' && /\.pdf$/i.test(opts.fileName ?? '')) {
    // Named as a PDF but without a PDF header: a damaged PDF, as far as its owner knows.
    throw new AppError('pdf.corrupt', 'The file is named .pdf but holds no PDF data (no %PDF header)');
  }
  if (fileType !== 'pdf') {
    throw new AppError('document.unsupported_type', 'The file is neither a PDF nor an image (PNG, JPEG, TIFF)');
  }
  const pdf = await loadPdf(bytes);
  try {
    const pages: PageText[] = [];
    for (let n = 1; n <= pdf.doc.numPages; n++) {
      const page = await pdf.doc.getPage(n);
      try {
        const text = await readTextLayer(page);
        if (assessTextQuality(text).usable) pages.push({ page: n, text, source: 'text-layer', confidence: null });
        else if (!opts.ocr) pages.push({ page: n, text: '', source: 'none', confidence: null });
        else {
          const dpi = await scannedImageDpi(page, OPS);
          pages.push(await ocrPage(opts.ocr, await renderPage(page, dpi ? Math.min(MAX_OCR_DPI, Math.max(MIN_OCR_DPI, dpi)) : DEFAULT_OCR_DPI), n));
        }
      } finally {
        page.cleanup();
      }
    }
    return { fileType, pages };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('pdf.corrupt', `A page of the PDF cannot be read (${(err as Error).message})`, { cause: err });
  } finally {
    await pdf.close();
  }
}
