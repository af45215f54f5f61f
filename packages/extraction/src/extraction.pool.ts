import type { ExtractedText } from './document.extractor.ts';
import { createThreadPool, defaultPoolSize } from './thread-pool.ts';

/** Extracts documents in worker threads: one PDF per thread at a time. */
export interface TextExtractor {
  extract(bytes: Uint8Array, opts?: { fileName?: string }): Promise<ExtractedText>;
  close(): Promise<void>;
}

/**
 * `size` threads, each with its own OCR engine when `ocr` is on: the number
 * of pages read at once (one per core by default).
 */
export function createExtractionPool(size = defaultPoolSize(), opts: { ocr?: boolean } = {}): TextExtractor {
  const pool = createThreadPool<{ bytes: Uint8Array; fileName?: string }, ExtractedText>(new URL('./extraction.worker.ts', import.meta.url), size, { ocr: opts.ocr ?? true });
  return {
    extract(bytes, opts = {}) {
      // The bytes move to the worker (no copy); the caller must not reuse them.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      return pool.run({ bytes: own, ...(opts.fileName ? { fileName: opts.fileName } : {}) }, [own.buffer as ArrayBuffer]);
    },
    close: () => pool.close(),
  };
}
