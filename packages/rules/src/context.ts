import type { Finding, IsoDate, RegistryIndex, RuleId } from '@hds/core';
import type { DossierView } from './dossier-view.ts';
import type { Parties, Performance } from './parties.ts';
import type { RulePolicy } from './policy.ts';

/** Everything a rule family reads; built once per evaluation, never mutated by rules. */
export interface RuleContext {
  view: DossierView;
  parties: Parties;
  performance: Performance;
  registry: RegistryIndex | null;
  asOf: IsoDate;
  policy: RulePolicy;
}

/** A finding with its severity taken from the policy. Optional keys are left out, not set to undefined. */
export function createFinding(ctx: RuleContext, rule: RuleId, fields: Omit<Finding, 'rule' | 'severity'>): Finding {
  const finding: Finding = { rule, severity: ctx.policy.severities[rule], message: fields.message, evidence: fields.evidence };
  if (fields.clause !== undefined) finding.clause = fields.clause;
  if (fields.activities !== undefined) finding.activities = fields.activities;
  if (fields.document !== undefined) finding.document = fields.document;
  if (fields.subject !== undefined) finding.subject = fields.subject;
  if (fields.reason !== undefined) finding.reason = fields.reason;
  return finding;
}

/** "Le certificat FR094504" or, without a number, "Le certificat « acme/cert.pdf »". */
export function certificateLabel(cert: { path: string; reading: { number: string | null } }): string {
  const number = cert.reading.number?.trim();
  return number ? `Le certificat ${number}` : `Le certificat « ${cert.path} »`;
}
