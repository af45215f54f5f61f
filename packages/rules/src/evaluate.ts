import {
  AppError,
  CLAUSE_KEYS,
  RULE_IDS,
  SEVERITIES,
  isValidIsoDate,
  statusFromSeverities,
  type Dossier,
  type Finding,
  type IsoDate,
  type RegistryIndex,
  type RegistryMatch,
  type VendorStatus,
} from '@hds/core';
import { certificateRules } from './certificate.rules.ts';
import type { RuleContext } from './context.ts';
import { contractRules } from './contract.rules.ts';
import { dossierRules } from './dossier.rules.ts';
import { readDossier } from './dossier-view.ts';
import { identifyParties, performedActivities } from './parties.ts';
import { DEFAULT_POLICY, type RulePolicy } from './policy.ts';
import { matchCertificates, registryRules } from './registry.rules.ts';
import { scopeRules } from './scope.rules.ts';
import { subcontractorRules } from './subcontractor.rules.ts';

export interface Evaluation {
  status: VendorStatus;
  /** Sorted: severity (critical first), rule order of RULE_IDS, document, clause (catalogue order), subject. */
  findings: Finding[];
  /** Registry entry of each readable certificate, by document path; empty without a registry. */
  certificateMatches: Record<string, RegistryMatch | null>;
}

export interface EvaluateInput {
  dossier: Dossier;
  registry: RegistryIndex | null;
  /** The review date: rules never read the clock. */
  asOf: IsoDate;
  policy?: RulePolicy;
}

/** Dossier + registry + review date + policy → findings and status. Pure. */
export function evaluateDossier(input: EvaluateInput): Evaluation {
  const { dossier, registry, asOf } = input;
  const policy = input.policy ?? DEFAULT_POLICY;
  if (!isValidIsoDate(asOf)) throw new AppError('rules.invalid_date', `asOf must be YYYY-MM-DD, got ${asOf}`, { httpStatus: 400 });
  const view = readDossier(dossier, policy.lowOcrConfidence);
  const parties = identifyParties(view);
  const ctx: RuleContext = { view, parties, performance: performedActivities(view, parties), registry, asOf, policy };
  const certificateMatches = registry ? matchCertificates(view, registry) : {};
  const disabled = new Set(policy.disabledRules);
  const findings = sortFindings(
    [
      ...dossierRules(ctx),
      ...certificateRules(ctx),
      ...registryRules(ctx, certificateMatches),
      ...contractRules(ctx),
      ...scopeRules(ctx),
      ...subcontractorRules(ctx),
    ].filter((f) => !disabled.has(f.rule)),
  );
  return { status: statusFromSeverities(findings.map((f) => f.severity)), findings, certificateMatches };
}

/** Stable sort; absent document/clause/subject sort before present ones. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = <T>(list: readonly T[], v: T | undefined) => (v === undefined ? -1 : list.indexOf(v));
  const text = (a: string | undefined, b: string | undefined) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
  return [...findings].sort(
    (a, b) =>
      rank(SEVERITIES, a.severity) - rank(SEVERITIES, b.severity) ||
      rank(RULE_IDS, a.rule) - rank(RULE_IDS, b.rule) ||
      text(a.document, b.document) ||
      rank(CLAUSE_KEYS, a.clause) - rank(CLAUSE_KEYS, b.clause) ||
      text(a.subject, b.subject),
  );
}
