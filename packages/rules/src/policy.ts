import {
  AppError,
  CLAUSE_CATALOGUE_2018,
  DEFAULT_SEVERITIES,
  RULE_IDS,
  isValidIsoDate,
  type CertificationBody,
  type ClauseCatalogue,
  type IsoDate,
  type RuleId,
  type Severity,
  LOW_OCR_CONFIDENCE,
} from '@hds/core';

/** What an operator may tune; everything else in the rules is fixed by docs/RULES.md. */
export interface RulePolicy {
  /** Severity of each rule; the vendor status follows from them. */
  severities: Record<RuleId, Severity>;
  /** CERT_EXPIRING_SOON fires when expiry is within this many days of the review date (both ends included). */
  expiryHorizonDays: number;
  /** From this date on (included) a v1.x certificate is outdated. */
  v1CutoffDate: IsoDate;
  /** Accredited bodies added by the operator, on top of core's KNOWN_CERTIFICATION_BODIES. */
  extraBodies: CertificationBody[];
  /** Its `required` keys raise CONTRACT_CLAUSE_MISSING when absent. */
  clauseCatalogue: ClauseCatalogue;
  /** Rules that never fire. */
  disabledRules: RuleId[];
  /** OCR pages under this mean confidence make an absence doubtful (the finding says so and cites them). */
  lowOcrConfidence: number;
}

export const DEFAULT_POLICY: RulePolicy = Object.freeze({
  severities: Object.freeze({ ...DEFAULT_SEVERITIES }),
  expiryHorizonDays: 90,
  // Referential v2 published 16 May 2024; existing certificates had 24 months to move (HDS.md).
  v1CutoffDate: '2026-05-16',
  extraBodies: [],
  clauseCatalogue: CLAUSE_CATALOGUE_2018,
  disabledRules: [],
  lowOcrConfidence: LOW_OCR_CONFIDENCE,
}) as RulePolicy;

/** Overrides as an operator writes them: severities may be partial. */
export type PolicyOverrides = Partial<Omit<RulePolicy, 'severities'>> & {
  severities?: Partial<Record<RuleId, Severity>>;
};

/**
 * The default policy with the operator's overrides applied. Throws
 * `rules.invalid_policy` on values that would silently change what the rules
 * mean (a negative horizon, a cut-off that is not a date, an unknown rule id).
 */
export function resolvePolicy(overrides: PolicyOverrides = {}): RulePolicy {
  const severities = { ...DEFAULT_POLICY.severities };
  for (const [rule, severity] of Object.entries(overrides.severities ?? {})) {
    if (!isRuleId(rule)) throw invalid(`unknown rule id in severities: ${rule}`);
    if (severity !== undefined) severities[rule] = severity;
  }
  const policy: RulePolicy = {
    severities,
    expiryHorizonDays: overrides.expiryHorizonDays ?? DEFAULT_POLICY.expiryHorizonDays,
    lowOcrConfidence: overrides.lowOcrConfidence ?? DEFAULT_POLICY.lowOcrConfidence,
    v1CutoffDate: overrides.v1CutoffDate ?? DEFAULT_POLICY.v1CutoffDate,
    extraBodies: [...(overrides.extraBodies ?? DEFAULT_POLICY.extraBodies)],
    clauseCatalogue: overrides.clauseCatalogue ?? DEFAULT_POLICY.clauseCatalogue,
    disabledRules: [...new Set(overrides.disabledRules ?? DEFAULT_POLICY.disabledRules)],
  };
  if (!Number.isInteger(policy.expiryHorizonDays) || policy.expiryHorizonDays < 0) {
    throw invalid(`expiryHorizonDays must be a non-negative integer, got ${policy.expiryHorizonDays}`);
  }
  if (!isValidIsoDate(policy.v1CutoffDate)) throw invalid(`v1CutoffDate must be YYYY-MM-DD, got ${policy.v1CutoffDate}`);
  const unknown = policy.disabledRules.filter((r) => !isRuleId(r));
  if (unknown.length > 0) throw invalid(`unknown rule id in disabledRules: ${unknown.join(', ')}`);
  return policy;
}

function isRuleId(s: string): s is RuleId {
  return (RULE_IDS as readonly string[]).includes(s);
}

function invalid(message: string): AppError {
  return new AppError('rules.invalid_policy', message, { retryable: false, httpStatus: 400 });
}
