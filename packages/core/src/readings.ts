import { z } from 'zod';
import { Activity } from './activities.ts';
import { CLAUSE_KEYS } from './clauses.ts';
import { IsoDate } from './dates.ts';
import { Span } from './text.ts';

export const DOCUMENT_KINDS = ['certificate', 'contract', 'guarantees_table', 'other'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

const nullableSpan = Span.nullable();

/** What the certificate reader found. A field the document does not print is null, never guessed. */
export const CertificateReading = z.object({
  holder: z.string().nullable(),
  siren: z.string().regex(/^\d{9}$/).nullable(),
  number: z.string().nullable(),
  /** The certification body's name as printed (trimmed). */
  body: z.string().nullable(),
  activities: z.array(Activity),
  /** How the activities were stated: numbers, type labels, or a ticked table. */
  activitiesFrom: z.enum(['numbers', 'types', 'table', 'wording']).nullable(),
  issuedOn: IsoDate.nullable(),
  expiresOn: IsoDate.nullable(),
  /** Normalised referential version: "v1.1", "v2"… */
  referential: z.string().nullable(),
  scopeNotes: z.array(z.string()),
  /** Accreditation mention (COFRAC n°…), when printed. */
  accreditation: z.string().nullable(),
  /** An attestation of certification (issued by the body) rather than the certificate itself. */
  isAttestation: z.boolean(),
  evidence: z.object({
    holder: nullableSpan,
    siren: nullableSpan,
    number: nullableSpan,
    body: nullableSpan,
    activities: nullableSpan,
    issuedOn: nullableSpan,
    expiresOn: nullableSpan,
    referential: nullableSpan,
  }),
});
export type CertificateReading = z.infer<typeof CertificateReading>;
export type CertificateField = keyof CertificateReading['evidence'];

export const ClauseReading = z.object({
  key: z.enum(CLAUSE_KEYS),
  present: z.boolean(),
  span: nullableSpan,
});
export type ClauseReading = z.infer<typeof ClauseReading>;

export const HostingLocation = z.object({
  /** Place as printed ("Roubaix", "Francfort (Allemagne)"). */
  place: z.string(),
  /** Country name in French, e.g. "France", "Allemagne", "États-Unis". */
  country: z.string(),
  /** ISO 3166-1 alpha-2. */
  countryCode: z.string().length(2),
  inEea: z.boolean(),
  /** primary, backup, replica, disaster_recovery… */
  role: z.string(),
  span: Span,
});
export type HostingLocation = z.infer<typeof HostingLocation>;

export const Subcontractor = z.object({
  name: z.string(),
  /** Activities the contract says this subcontractor performs. */
  activities: z.array(Activity),
  /** "exempté": controlled by the certified host and covered by its audits. */
  exempt: z.boolean(),
  span: Span,
});
export type Subcontractor = z.infer<typeof Subcontractor>;

export const ImpliedActivity = z.object({
  activity: Activity,
  /** Subcontractor name when the contract names one for this activity; null means the vendor itself. */
  performer: z.string().nullable(),
  span: Span,
});
export type ImpliedActivity = z.infer<typeof ImpliedActivity>;

export const ContractReading = z.object({
  /** The host / provider party's name as printed, when the contract names it. */
  hostName: z.string().nullable(),
  hostSpan: nullableSpan,
  hdsMention: z.boolean(),
  hdsSpan: nullableSpan,
  clauses: z.array(ClauseReading),
  hostingLocations: z.array(HostingLocation),
  impliedActivities: z.array(ImpliedActivity),
  subcontractors: z.array(Subcontractor),
});
export type ContractReading = z.infer<typeof ContractReading>;

/** One row of a "présentation des garanties" (HDS v2 chapter 8). */
export const GuaranteeRow = z.object({
  actor: z.string(),
  role: z.string().nullable(),
  certified: z.enum(['oui', 'non', 'exempté']).nullable(),
  secNumCloud: z.boolean().nullable(),
  activities: z.array(Activity),
  remoteAccessOutsideEea: z.string().nullable(),
  thirdCountryLaw: z.string().nullable(),
  span: Span,
});
export type GuaranteeRow = z.infer<typeof GuaranteeRow>;

export const GuaranteesReading = z.object({ rows: z.array(GuaranteeRow) });
export type GuaranteesReading = z.infer<typeof GuaranteesReading>;

/** Everything the parse stage derives from one document's text. */
export const DocumentAnalysis = z.object({
  kind: DocumentKind,
  /** Why this kind: the strongest cue found (for reviewers). */
  kindReason: z.string().nullable(),
  certificate: CertificateReading.nullable(),
  contract: ContractReading.nullable(),
  guarantees: GuaranteesReading.nullable(),
});
export type DocumentAnalysis = z.infer<typeof DocumentAnalysis>;
