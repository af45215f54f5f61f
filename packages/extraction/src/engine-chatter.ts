import type { Readable, Writable } from 'node:stream';
import { createInterface } from 'node:readline';

/**
 * Leptonica, inside tesseract's wasm, prints its complaints on stderr
 * ("Error in boxClipToRectangle: box outside rectangle") while tesseract
 * carries on unharmed. In a reviewer's terminal they read like failures of
 * the review, so a worker thread's stderr is passed on without them.
 */
const LEPTONICA = /^(Error|Warning) in \w+: /;

export function isEngineChatter(line: string): boolean {
  return LEPTONICA.test(line);
}

export function forwardStderr(from: Readable, to: Writable = process.stderr): void {
  createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => {
    if (!isEngineChatter(line)) to.write(`${line}\n`);
  });
}
