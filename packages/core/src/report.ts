import { z } from 'zod';
import { Activity } from './activities.ts';
import { CLAUSE_KEYS } from './clauses.ts';
import { IsoDate } from './dates.ts';
import { DocumentKind } from './readings.ts';
import { RuleId, Severity, VendorStatus } from './rules.ts';
import { Evidence, PageSource } from './text.ts';

/**
 * The review report: the product's public contract (`hds review --format json`
 * and the HTTP API's vendor review). Additive changes only within a
 * schemaVersion; the JSON Schema is committed under packages/core/schema.
 */
export const REPORT_SCHEMA_VERSION = 1;

export const Finding = z.object({
  rule: RuleId,
  severity: Severity,
  /** Only on clause findings. */
  clause: z.enum(CLAUSE_KEYS).optional(),
  /** Only on scope findings: the uncovered activities. */
  activities: z.array(Activity).optional(),
  /** The document the finding is about, when it is about one. */
  document: z.string().optional(),
  /** The organisation or place the finding is about (subcontractor, hosting location). */
  subject: z.string().optional(),
  /** Reason code (DOC_UNREADABLE: pdf.encrypted, pdf.corrupt…). */
  reason: z.string().optional(),
  message: z.string(),
  evidence: z.array(Evidence),
});
export type Finding = z.infer<typeof Finding>;

export const ReportDocument = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: DocumentKind.or(z.literal('unreadable')),
  pages: z.number().int().min(0),
  ocrPages: z.number().int().min(0),
  meanOcrConfidence: z.number().min(0).max(100).nullable(),
  /** Pages whose OCR confidence is below the review threshold: a reviewer should look. */
  lowConfidencePages: z.array(z.number().int()).optional(),
  pageSources: z.array(PageSource).optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type ReportDocument = z.infer<typeof ReportDocument>;

export const ReportCertificate = z.object({
  path: z.string(),
  holder: z.string().nullable(),
  siren: z.string().nullable(),
  number: z.string().nullable(),
  body: z.string().nullable(),
  activities: z.array(Activity),
  issuedOn: IsoDate.nullable(),
  expiresOn: IsoDate.nullable(),
  referential: z.string().nullable(),
  scopeNotes: z.array(z.string()),
  /** How the certificate matched the registry, when a registry was given. */
  registryMatch: z.object({ by: z.enum(['number', 'siren', 'name']), organisation: z.string(), line: z.number().int() }).nullable().optional(),
  evidence: z.array(Evidence),
});
export type ReportCertificate = z.infer<typeof ReportCertificate>;

export const ReportClause = z.object({
  key: z.enum(CLAUSE_KEYS),
  present: z.boolean(),
  page: z.number().int().nullable(),
  excerpt: z.string().nullable(),
});

export const ReportContract = z.object({
  path: z.string(),
  hostName: z.string().nullable().optional(),
  hdsMention: z.boolean(),
  hdsEvidence: Evidence.nullable().optional(),
  clauses: z.array(ReportClause),
  impliedActivities: z.array(Activity),
  hostingLocations: z.array(z.string()),
  subcontractors: z.array(z.string()),
});
export type ReportContract = z.infer<typeof ReportContract>;

export const ReportVendor = z.object({
  id: z.string().optional(),
  name: z.string(),
  status: VendorStatus,
  documents: z.array(ReportDocument),
  certificates: z.array(ReportCertificate),
  contracts: z.array(ReportContract),
  findings: z.array(Finding),
});
export type ReportVendor = z.infer<typeof ReportVendor>;

export const ReportRegistry = z.object({
  source: z.string(),
  entries: z.number().int().min(0),
  snapshotDate: IsoDate.nullable(),
  /** Rows the importer could not read, with their line numbers. */
  rejectedRows: z.number().int().min(0).optional(),
});

export const ReviewReport = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  asOf: IsoDate,
  generatedAt: z.string().optional(),
  registry: ReportRegistry.nullable(),
  summary: z
    .object({ vendors: z.number().int(), compliant: z.number().int(), needs_review: z.number().int(), non_compliant: z.number().int() })
    .optional(),
  vendors: z.array(ReportVendor),
});
export type ReviewReport = z.infer<typeof ReviewReport>;

/** The JSON Schema of the report, generated from the zod schema (committed, checked in tests). */
export function reviewReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReviewReport, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
}
