import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { forwardStderr } from './engine-chatter.ts';

describe("a worker thread's stderr", () => {
  it("is passed on without Leptonica's complaints", async () => {
    const from = new PassThrough();
    const to = new PassThrough();
    let out = '';
    to.on('data', (d) => (out += d));
    forwardStderr(from, to);
    from.end('Error in boxClipToRectangle: box outside rectangle\nWarning in pixScanForForeground: invalid box\nRangeError: real trouble\n');
    await new Promise((r) => setTimeout(r, 20));
    expect(out).toBe('RangeError: real trouble\n');
  });
});
