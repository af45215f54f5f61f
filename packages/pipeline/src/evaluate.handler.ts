import { AppError, todayIso } from '@hds/core';
import type { EvaluateJobPayload, JobContext, JobOutcome } from '@hds/jobs';
import { evaluateDossier } from '@hds/rules';
import type { PipelineDeps } from './deps.ts';
import { loadDossier, pendingDocuments } from './dossier.loader.ts';
import { dossierVersion, findingFingerprint } from './dossier-version.ts';
import type { RegistryCache } from './registry-cache.ts';
import { buildReportVendor } from './report.builder.ts';

/**
 * Stage 3: a vendor's dossier + the registry + the review date → findings,
 * status and the vendor's report, committed with the findings' life.
 * A dossier with documents still being read is not evaluated: the last
 * document to finish asks for the evaluation.
 */
export async function handleEvaluate(deps: PipelineDeps & { registries: RegistryCache }, payload: EvaluateJobPayload, ctx: JobContext): Promise<JobOutcome> {
  const vendor = await deps.repos.vendors.get(payload.vendorId);
  if (!vendor) throw new AppError('vendor.not_found', `Vendor ${payload.vendorId} does not exist`);
  const docs = await deps.repos.vendors.listDocuments(vendor.id);
  const pending = pendingDocuments(docs);
  if (pending.length > 0) {
    ctx.logger.info({ vendorId: vendor.id, pending: pending.length }, 'dossier still being read; evaluation deferred');
    return { outcome: 'skipped' };
  }
  const version = dossierVersion(docs);
  // Queue jobs carry the version they were asked for (at least once delivery):
  // a stale one leaves the work to the job of the current version, and a
  // repeat of an evaluation already stored (redelivered after its commit) is
  // not stored twice. Jobs without a version (embedded review) always evaluate.
  if (payload.dossierVersion && payload.dossierVersion !== version) {
    ctx.logger.info({ vendorId: vendor.id }, 'dossier changed since the evaluation was asked for; the job of its current version evaluates it');
    return { outcome: 'skipped' };
  }
  const asOf = payload.asOf ?? todayIso(deps.now());
  const registry = payload.registrySnapshotId ? await deps.registries.get(payload.registrySnapshotId) : await deps.registries.newest(vendor.tenant_id);
  if (payload.registrySnapshotId && !registry) throw new AppError('registry.not_found', `Registry snapshot ${payload.registrySnapshotId} does not exist`);
  if (payload.dossierVersion) {
    const latest = await deps.repos.evaluations.latest(vendor.id);
    if (latest && latest.dossierVersion === version && latest.asOf === asOf && latest.registrySnapshotId === (registry?.snapshot.id ?? null)) {
      ctx.logger.info({ vendorId: vendor.id }, 'evaluation already stored for this dossier version; not stored twice');
      return { outcome: 'skipped' };
    }
  }

  const dossier = await loadDossier(deps.repos, vendor.name, docs);
  const evaluation = evaluateDossier({ dossier, registry: registry?.index ?? null, asOf, ...(deps.policy ? { policy: deps.policy } : {}) });
  const report = buildReportVendor(dossier, evaluation, { id: vendor.id, withRegistry: registry !== null });
  const changes = await deps.repos.evaluations.save({
    tenantId: vendor.tenant_id,
    vendorId: vendor.id,
    asOf,
    registrySnapshotId: registry?.snapshot.id ?? null,
    status: evaluation.status,
    dossierVersion: version,
    report,
    findings: evaluation.findings.map((finding) => ({ fingerprint: findingFingerprint(finding), finding })),
    at: deps.now(),
  });
  ctx.logger.info(
    { vendorId: vendor.id, status: evaluation.status, findings: evaluation.findings.length, opened: changes.opened.length, resolved: changes.resolved.length },
    'vendor evaluated',
  );
  return { outcome: 'done' };
}
