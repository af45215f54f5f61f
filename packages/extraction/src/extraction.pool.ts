import type { ExtractedText } from './document.extractor.ts';
import { createThreadPool, defaultPoolSize } from './thread-pool.ts';

/** Extracts documents in worker threads: one PDF per thread at a time. */
export interface TextExtractor {
  extract(bytes: Uint8Array, opts?: { fileName?: string }): Promise<ExtractedText>;
  close(): Promise<void>;
}

export function createExtractionPool(size = defaultPoolSize()): TextExtractor {
  const pool = createThreadPool<{ bytes: Uint8Array; fileName?: string }, ExtractedText>(new URL('./extraction.worker.ts', import.meta.url), size);
  return {
    extract(bytes, opts = {}) {
      // The bytes move to the worker (no copy); the caller must not reuse them.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      return pool.run({ bytes: own, ...(opts.fileName ? { fileName: opts.fileName } : {}) }, [own.buffer as ArrayBuffer]);
    },
    close: () => pool.close(),
  };
}
