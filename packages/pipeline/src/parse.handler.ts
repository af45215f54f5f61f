import { ANALYZER_VERSION, analyzeDocument } from '@hds/analysis';
import { AppError, organisationKey } from '@hds/core';
import type { DocumentJobPayload, JobContext, JobOutcome } from '@hds/jobs';
import type { PipelineDeps } from './deps.ts';
import { evaluateFollowUps } from './follow-ups.ts';

/**
 * Stage 2: what the document is and says — kind, certificate fields,
 * contract clauses, guarantees — with the evidence spans. Idempotent: a
 * document parsed by this analyzer version is skipped.
 */
export async function handleParse(deps: PipelineDeps, payload: DocumentJobPayload, ctx: JobContext): Promise<JobOutcome> {
  const doc = await deps.repos.documents.getState(payload.documentId);
  if (!doc) throw new AppError('document.not_found', `Document ${payload.documentId} does not exist`);
  if (doc.status === 'failed') return { outcome: 'skipped', next: await evaluateFollowUps(deps, payload) };
  if (doc.status === 'parsed' && doc.analyzer_version === ANALYZER_VERSION) return { outcome: 'skipped', next: await evaluateFollowUps(deps, payload) };
  // Retryable: the extract stage's commit may not be visible yet to this reader.
  if (doc.status === 'stored') throw new AppError('document.not_extracted', `Document ${doc.id} has no text yet`, { retryable: true });

  const pages = await deps.repos.documents.getPages(doc.id);
  const started = performance.now();
  const analysis = analyzeDocument(pages, { fileName: doc.file_name });
  const c = analysis.certificate;
  await deps.repos.documents.saveAnalysis(doc.id, {
    tenantId: doc.tenant_id,
    kind: analysis.kind,
    analysis,
    analyzerVersion: ANALYZER_VERSION,
    certificate:
      analysis.kind === 'certificate' && c
        ? {
            holder: c.holder,
            holderKey: c.holder ? organisationKey(c.holder) : null,
            siren: c.siren,
            number: c.number,
            body: c.body,
            activities: c.activities,
            issuedOn: c.issuedOn,
            expiresOn: c.expiresOn,
            referential: c.referential,
          }
        : null,
  });
  ctx.logger.info({ documentId: doc.id, kind: analysis.kind, ms: Math.round(performance.now() - started) }, 'document parsed');
  return { outcome: 'done', next: await evaluateFollowUps(deps, payload) };
}
