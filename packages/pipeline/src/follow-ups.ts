import type { DocumentJobPayload, JobRequest } from '@hds/jobs';
import type { PipelineDeps } from './deps.ts';
import { dossierVersion } from './dossier-version.ts';

/**
 * The evaluations a document's change calls for: every vendor whose dossier
 * holds it, keyed by the dossier's current version so that a later change
 * is a new job and a repeat of the same one is not. The embedded review
 * passes `evaluate: false` and evaluates every vendor once at the end.
 */
export async function evaluateFollowUps(deps: PipelineDeps, payload: DocumentJobPayload): Promise<JobRequest[]> {
  if (payload.evaluate === false) return [];
  const vendorIds = await deps.repos.vendors.vendorsOfDocument(payload.documentId);
  const out: JobRequest[] = [];
  for (const vendorId of vendorIds) {
    const docs = await deps.repos.vendors.listDocuments(vendorId);
    out.push({
      name: 'vendor.evaluate',
      payload: {
        tenantId: payload.tenantId,
        vendorId,
        dossierVersion: dossierVersion(docs),
        reason: 'document.changed',
        ...(payload.correlationId ? { correlationId: payload.correlationId } : {}),
      },
    });
  }
  return out;
}
