import { AppError, type PageText } from '@hds/core';
import { isImageType, sniffFileType, type FileType } from './file-type.ts';
import { loadPdf } from './pdf.loader.ts';
import { readTextLayer } from './text-layer.reader.ts';
import { assessTextQuality } from './text-quality.ts';

export interface ExtractedText {
  fileType: FileType;
  pages: PageText[];
}

/**
 * Reads every page of a document. A page whose text layer is usable is read
 * from it; other pages are recorded with source `none` (an OCR engine fills
 * them when one is configured). Bad input throws a non-retryable AppError
 * whose code is the DOC_UNREADABLE reason.
 */
export async function extractText(bytes: Uint8Array, opts: { fileName?: string } = {}): Promise<ExtractedText> {
  const fileType = sniffFileType(bytes);
  if (fileType === 'empty') throw new AppError('document.empty', 'The file is empty (0 bytes)');
  if (isImageType(fileType)) {
    return { fileType, pages: [{ page: 1, text: '', source: 'none', confidence: null }] };
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
      let text = '';
      try {
        text = await readTextLayer(page);
      } finally {
        page.cleanup();
      }
      pages.push(assessTextQuality(text).usable ? { page: n, text, source: 'text-layer', confidence: null } : { page: n, text: '', source: 'none', confidence: null });
    }
    return { fileType, pages };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('pdf.corrupt', `A page of the PDF cannot be read (${(err as Error).message})`, { cause: err });
  } finally {
    await pdf.close();
  }
}
