import { z } from 'zod';

/** Stable rule identifiers (shared/domain/HDS.md): a public contract. */
export const RULE_IDS = [
  'DOSSIER_NO_CERTIFICATE',
  'DOSSIER_NO_CONTRACT',
  'DOC_UNREADABLE',
  'CERT_FIELDS_MISSING',
  'CERT_EXPIRED',
  'CERT_EXPIRING_SOON',
  'CERT_UNKNOWN_BODY',
  'CERT_OUTDATED_REFERENTIAL',
  'CERT_NOT_IN_REGISTRY',
  'CERT_REGISTRY_MISMATCH',
  'CERT_HOLDER_MISMATCH',
  'CONTRACT_NO_HDS_MENTION',
  'CONTRACT_CLAUSE_MISSING',
  'CONTRACT_HOSTING_OUTSIDE_EEA',
  'SCOPE_NOT_COVERED',
  'SUBCONTRACTOR_NOT_CERTIFIED',
] as const;
export const RuleId = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleId>;

export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const DEFAULT_SEVERITIES: Record<RuleId, Severity> = {
  DOSSIER_NO_CERTIFICATE: 'critical',
  DOSSIER_NO_CONTRACT: 'major',
  DOC_UNREADABLE: 'major',
  CERT_FIELDS_MISSING: 'major',
  CERT_EXPIRED: 'critical',
  CERT_EXPIRING_SOON: 'minor',
  CERT_UNKNOWN_BODY: 'major',
  CERT_OUTDATED_REFERENTIAL: 'major',
  CERT_NOT_IN_REGISTRY: 'critical',
  CERT_REGISTRY_MISMATCH: 'major',
  CERT_HOLDER_MISMATCH: 'critical',
  CONTRACT_NO_HDS_MENTION: 'critical',
  CONTRACT_CLAUSE_MISSING: 'major',
  CONTRACT_HOSTING_OUTSIDE_EEA: 'critical',
  SCOPE_NOT_COVERED: 'critical',
  SUBCONTRACTOR_NOT_CERTIFIED: 'critical',
};

export const VENDOR_STATUSES = ['compliant', 'needs_review', 'non_compliant'] as const;
export const VendorStatus = z.enum(VENDOR_STATUSES);
export type VendorStatus = z.infer<typeof VendorStatus>;

/** non_compliant with any critical finding, needs_review with any major, else compliant. */
export function statusFromSeverities(severities: Iterable<Severity>): VendorStatus {
  let status: VendorStatus = 'compliant';
  for (const s of severities) {
    if (s === 'critical') return 'non_compliant';
    if (s === 'major') status = 'needs_review';
  }
  return status;
}

/** Reason codes attached to DOC_UNREADABLE (and to pipeline errors). */
export const UNREADABLE_REASONS = [
  'pdf.encrypted',
  'pdf.corrupt',
  'document.empty',
  'document.unsupported_type',
  'document.no_text',
  'ocr.failed',
] as const;
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number];
