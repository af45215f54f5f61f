import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Timestamps come back as Date, are written as Date or ISO strings. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Calendar dates stay ISO strings (`YYYY-MM-DD`): the date parser is disabled on purpose. */
type DateOnly = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface TenantsTable {
  id: string;
  name: string;
  created_at: Generated<Date>;
}

export interface VendorsTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  created_at: Generated<Date>;
}

export type DocumentStatus = 'stored' | 'extracted' | 'parsed' | 'failed';

export interface DocumentsTable {
  id: Generated<string>;
  tenant_id: string;
  sha256: string;
  size_bytes: ColumnType<number, number, number>;
  file_name: string;
  file_type: string | null;
  status: ColumnType<DocumentStatus, DocumentStatus | undefined, DocumentStatus>;
  status_changed_at: Timestamp;
  extractor_version: string | null;
  analyzer_version: string | null;
  kind: string | null;
  analysis: ColumnType<unknown, string | null, string | null>;
  page_count: number | null;
  error_code: string | null;
  error_message: string | null;
  created_at: Generated<Date>;
}

export interface VendorDocumentsTable {
  vendor_id: string;
  document_id: string;
  path: string;
  added_at: Generated<Date>;
}

export interface PagesTable {
  document_id: string;
  page: number;
  text: string;
  source: 'text-layer' | 'ocr' | 'none';
  confidence: number | null;
}

export interface CertificatesTable {
  document_id: string;
  tenant_id: string;
  holder: string | null;
  holder_key: string | null;
  siren: string | null;
  number: string | null;
  body: string | null;
  activities: number[];
  issued_on: NullableDate;
  expires_on: NullableDate;
  referential: string | null;
}

export interface RegistrySnapshotsTable {
  id: Generated<string>;
  tenant_id: string;
  source: string;
  sha256: string;
  snapshot_date: NullableDate;
  imported_at: Generated<Date>;
  entry_count: number;
  rejected: JSONColumnType<Array<{ line: number; reason: string }>>;
  /** When the re-evaluations of the vendors it affects were queued (migration 0003). */
  reevaluated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A configured registry refresh source and what was fetched from it last (migration 0003). */
export interface RegistrySourcesTable {
  source_key: string;
  label: string;
  etag: string | null;
  last_modified: string | null;
  sha256: string | null;
  checked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  changed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  error_code: string | null;
  error_message: string | null;
  error_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface RegistryEntriesTable {
  snapshot_id: string;
  line: number;
  organisation: string;
  organisation_key: string;
  services: string | null;
  certificate_number: string | null;
  certification_body: string | null;
  activities: number[];
  issued_on: NullableDate;
  expires_on: NullableDate;
  referential: string | null;
  siren: string | null;
  transparency_url: string | null;
}

export interface EvaluationsTable {
  id: Generated<string>;
  tenant_id: string;
  vendor_id: string;
  as_of: DateOnly;
  registry_snapshot_id: string | null;
  status: 'compliant' | 'needs_review' | 'non_compliant';
  dossier_version: string;
  report: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
}

export interface FindingsTable {
  id: Generated<string>;
  tenant_id: string;
  vendor_id: string;
  fingerprint: string;
  rule: string;
  severity: string;
  clause: string | null;
  document: string | null;
  subject: string | null;
  message: string;
  evidence: ColumnType<unknown, string, string>;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  first_seen_on: DateOnly;
  last_seen_on: DateOnly;
  last_evaluation_id: string | null;
  resolved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface Database {
  tenants: TenantsTable;
  vendors: VendorsTable;
  documents: DocumentsTable;
  vendor_documents: VendorDocumentsTable;
  pages: PagesTable;
  certificates: CertificatesTable;
  registry_snapshots: RegistrySnapshotsTable;
  registry_entries: RegistryEntriesTable;
  registry_sources: RegistrySourcesTable;
  evaluations: EvaluationsTable;
  findings: FindingsTable;
}
