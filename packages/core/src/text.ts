import { z } from 'zod';

/** How a page's text was obtained. */
export const PageSource = z.enum(['text-layer', 'ocr', 'none']);
export type PageSource = z.infer<typeof PageSource>;

/** One page of a document's text, 1-based page number. */
export const PageText = z.object({
  page: z.number().int().min(1),
  text: z.string(),
  source: PageSource,
  /** Mean OCR confidence 0–100; null for text-layer pages. */
  confidence: z.number().min(0).max(100).nullable(),
});
export type PageText = z.infer<typeof PageText>;

/**
 * Where a fact was read: page and character span in that page's text.
 * `excerpt` is the text a reviewer sees; it contains the span.
 */
export const Span = z.object({
  page: z.number().int().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  excerpt: z.string(),
});
export type Span = z.infer<typeof Span>;

/** Evidence as the report shows it: document, page, excerpt. Absence evidence has page and excerpt null. */
export const Evidence = z.object({
  path: z.string(),
  page: z.number().int().min(1).nullable(),
  excerpt: z.string().nullable(),
});
export type Evidence = z.infer<typeof Evidence>;

export function evidenceFromSpan(path: string, span: Span | null | undefined): Evidence {
  return span ? { path, page: span.page, excerpt: span.excerpt } : { path, page: null, excerpt: null };
}

/** OCR pages whose mean confidence is under this are doubtful: a reviewer should read them (policy may change it). */
export const LOW_OCR_CONFIDENCE = 70;

/** Pages of a document read by OCR with a confidence under `threshold`. */
export function lowConfidencePages(sources: readonly PageSource[], confidences: ReadonlyArray<number | null>, threshold = LOW_OCR_CONFIDENCE): number[] {
  const out: number[] = [];
  sources.forEach((source, i) => {
    const c = confidences[i];
    if (source === 'ocr' && c !== null && c !== undefined && c < threshold) out.push(i + 1);
  });
  return out;
}
