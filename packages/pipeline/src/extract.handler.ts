import { AppError, describeError, isAppError } from '@hds/core';
import { EXTRACTOR_VERSION, extractText } from '@hds/extraction';
import type { DocumentJobPayload, JobContext, JobOutcome, JobRequest } from '@hds/jobs';
import { documentKey } from '@hds/storage';
import type { PipelineDeps } from './deps.ts';
import { evaluateFollowUps } from './follow-ups.ts';

/**
 * Stage 1: the document's text, page by page. Idempotent: a document already
 * extracted by this extractor version is skipped. Bad input (corrupt,
 * encrypted, empty, unsupported, no text) is recorded on the document and
 * reported as a final `failed` outcome; storage or database faults throw and
 * are retried by the runner.
 */
export async function handleExtract(deps: PipelineDeps, payload: DocumentJobPayload, ctx: JobContext): Promise<JobOutcome> {
  const doc = await deps.repos.documents.getState(payload.documentId);
  if (!doc) throw new AppError('document.not_found', `Document ${payload.documentId} does not exist`);
  const parse: JobRequest = { name: 'document.parse', payload };
  if (doc.extractor_version === EXTRACTOR_VERSION) {
    if (doc.status === 'extracted' || doc.status === 'parsed') return { outcome: 'skipped', next: [parse] };
    if (doc.status === 'failed') return { outcome: 'skipped', next: await evaluateFollowUps(deps, payload) };
  }

  const bytes = await deps.store.get(documentKey(doc.sha256));
  const started = performance.now();
  let pages;
  let fileType;
  try {
    ({ pages, fileType } = await (deps.extractor ? deps.extractor.extract(bytes, { fileName: doc.file_name }) : extractText(bytes, { fileName: doc.file_name })));
  } catch (err) {
    if (isAppError(err) && !err.retryable) return fail(deps, payload, describeError(err));
    throw err;
  }
  if (!pages.some((p) => p.source !== 'none' && p.text.trim() !== '')) {
    return fail(deps, payload, { code: 'document.no_text', message: `No page of the document has usable text (${pages.length} page(s); scanned pages need OCR)` });
  }
  await deps.repos.documents.saveExtraction(doc.id, { fileType, pages, extractorVersion: EXTRACTOR_VERSION, replacesPages: doc.page_count !== null });
  ctx.logger.info({ documentId: doc.id, pages: pages.length, ms: Math.round(performance.now() - started) }, 'document extracted');
  return { outcome: 'done', next: [parse] };
}

async function fail(deps: PipelineDeps, payload: DocumentJobPayload, error: { code: string; message: string }): Promise<JobOutcome> {
  await deps.repos.documents.markFailed(payload.documentId, error, EXTRACTOR_VERSION);
  deps.logger.warn({ documentId: payload.documentId, code: error.code }, 'document unreadable');
  return { outcome: 'failed', error, next: await evaluateFollowUps(deps, payload) };
}
