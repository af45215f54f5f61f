import { parentPort } from 'node:worker_threads';
import { describeError, isAppError } from '@hds/core';
import { extractText } from './document.extractor.ts';

// One extraction at a time per thread; the pool hands out work.
parentPort!.on('message', async (msg: { bytes: Uint8Array; fileName?: string }) => {
  try {
    const result = await extractText(msg.bytes, { fileName: msg.fileName });
    parentPort!.postMessage({ ok: true, result });
  } catch (err) {
    const { code, message } = describeError(err);
    parentPort!.postMessage({ ok: false, error: { code, message, retryable: isAppError(err) ? err.retryable : true } });
  }
});
