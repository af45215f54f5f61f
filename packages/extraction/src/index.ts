export { extractText, type ExtractedText, type ExtractOptions } from './document.extractor.ts';
export { decodeImagePages } from './image-decode.ts';
export { createOcrEngine, type OcrEngine, type OcrResult } from './ocr/ocr.engine.ts';
export { languageDataDir } from './ocr/tessdata.ts';
export { renderPage } from './page-render.ts';
export { encodePgm, textRunsVertically, type GrayRaster } from './raster.ts';
export { isImageType, sniffFileType, SUPPORTED_EXTENSIONS, type FileType } from './file-type.ts';
export { loadPdf, MAX_PDF_PAGES, type LoadedPdf } from './pdf.loader.ts';
export { readTextLayer } from './text-layer.reader.ts';
export { assessTextQuality, type TextQuality } from './text-quality.ts';
export { normalizePageText } from './text-normalizer.ts';

/**
 * Version of what extraction produces for a given file. Bump it when the
 * page text changes (line building, normalisation, OCR decisions): stored
 * documents read by an older version are then read again.
 */
export const EXTRACTOR_VERSION = '10';
export { createExtractionPool, type TextExtractor } from './extraction.pool.ts';
export { createThreadPool, defaultPoolSize, type ThreadPool } from './thread-pool.ts';
