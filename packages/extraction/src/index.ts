export { extractText, type ExtractedText } from './document.extractor.ts';
export { isImageType, sniffFileType, SUPPORTED_EXTENSIONS, type FileType } from './file-type.ts';
export { loadPdf, MAX_PDF_PAGES, type LoadedPdf } from './pdf.loader.ts';
export { readTextLayer } from './text-layer.reader.ts';
export { assessTextQuality, type TextQuality } from './text-quality.ts';
export { normalizePageText } from './text-normalizer.ts';
