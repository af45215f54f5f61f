import { parentPort, workerData } from 'node:worker_threads';
import { describeError, isAppError } from '@hds/core';
import { extractText } from './document.extractor.ts';
import { createOcrEngine, type OcrEngine } from './ocr/ocr.engine.ts';

// One extraction at a time per thread; the pool hands out work. Each thread
// owns one OCR engine (created on first need, reused across documents): the
// pool's size is also the number of pages OCRed at once.
const withOcr = Boolean((workerData as { ocr?: boolean } | undefined)?.ocr);
let engine: Promise<OcrEngine> | null = null;

parentPort!.on('message', async (msg: { bytes: Uint8Array; fileName?: string }) => {
  try {
    const ocr = withOcr ? await (engine ??= createOcrEngine()) : null;
    const result = await extractText(msg.bytes, { fileName: msg.fileName, ocr });
    parentPort!.postMessage({ ok: true, result });
  } catch (err) {
    const { code, message } = describeError(err);
    parentPort!.postMessage({ ok: false, error: { code, message, retryable: isAppError(err) ? err.retryable : true } });
  }
});
