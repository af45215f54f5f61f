import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { AppError } from '@hds/core';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
// pdfjs needs its standard fonts (for non-embedded base-14 fonts), CMaps
// (CJK and other predefined encodings) and wasm decoders from local files:
// nothing may be fetched at run time.
const pdfjsRoot = pathToFileURL(require.resolve('pdfjs-dist/package.json')).href.replace(/package\.json$/, '');

/** A document larger than this is refused rather than read for minutes. */
export const MAX_PDF_PAGES = 500;

export interface LoadedPdf {
  doc: PDFDocumentProxy;
  close(): Promise<void>;
}

/**
 * Opens a PDF from bytes. Encrypted documents fail with `pdf.encrypted`,
 * anything pdfjs cannot parse with `pdf.corrupt`; both are bad input, not
 * worth a retry.
 */
export async function loadPdf(bytes: Uint8Array): Promise<LoadedPdf> {
  // pdfjs transfers (detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: `${pdfjsRoot}standard_fonts/`,
    cMapUrl: `${pdfjsRoot}cmaps/`,
    cMapPacked: true,
    wasmUrl: `${pdfjsRoot}wasm/`,
    iccUrl: `${pdfjsRoot}iccs/`,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw toPdfError(err);
  }
  if (doc.numPages > MAX_PDF_PAGES) {
    await task.destroy();
    throw new AppError('document.too_many_pages', `PDF has ${doc.numPages} pages; at most ${MAX_PDF_PAGES} are read`);
  }
  return { doc, close: () => task.destroy() };
}

export function toPdfError(err: unknown): AppError {
  const name = (err as { name?: string } | null)?.name ?? '';
  const message = (err as { message?: string } | null)?.message ?? String(err);
  if (name === 'PasswordException') {
    return new AppError('pdf.encrypted', 'The PDF is password-protected; it cannot be read without its password', { cause: err });
  }
  return new AppError('pdf.corrupt', `The PDF cannot be parsed (${name || 'error'}: ${message})`, { cause: err });
}
