-- Results store, written for PostgreSQL; runs unchanged on PGlite (embedded mode).
-- Natural keys carry idempotency: a stage that runs twice writes the same rows.

create table tenants (
  id text primary key,
  name text not null,
  created_at timestamptz not null default now()
);

create table vendors (
  id uuid primary key default gen_random_uuid(),
  tenant_id text not null references tenants (id),
  name text not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, name)
);

-- One row per distinct content (sha256) per tenant: the same file in two
-- dossiers (a subcontractor's certificate, a re-upload) is read once.
create table documents (
  id uuid primary key default gen_random_uuid(),
  tenant_id text not null references tenants (id),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint not null,
  file_name text not null,
  file_type text,
  status text not null default 'stored' check (status in ('stored', 'extracted', 'parsed', 'failed')),
  status_changed_at timestamptz not null default now(),
  extractor_version text,
  analyzer_version text,
  kind text check (kind in ('certificate', 'contract', 'guarantees_table', 'other')),
  analysis jsonb,
  page_count integer,
  error_code text,
  error_message text,
  created_at timestamptz not null default now(),
  unique (tenant_id, sha256)
);
create index documents_status_idx on documents (status, status_changed_at);

-- Where a document sits in a vendor's dossier (its path in the folder or upload name).
create table vendor_documents (
  vendor_id uuid not null references vendors (id) on delete cascade,
  document_id uuid not null references documents (id) on delete cascade,
  path text not null,
  added_at timestamptz not null default now(),
  primary key (vendor_id, path)
);
create index vendor_documents_document_idx on vendor_documents (document_id);

create table pages (
  document_id uuid not null references documents (id) on delete cascade,
  page integer not null check (page >= 1),
  text text not null,
  source text not null check (source in ('text-layer', 'ocr', 'none')),
  confidence real,
  primary key (document_id, page)
);

-- Queryable certificate fields (registry changes find the vendors they touch).
create table certificates (
  document_id uuid primary key references documents (id) on delete cascade,
  tenant_id text not null references tenants (id),
  holder text,
  holder_key text,
  siren text,
  number text,
  body text,
  activities integer[] not null default '{}',
  issued_on date,
  expires_on date,
  referential text
);
create index certificates_number_idx on certificates (tenant_id, number);
create index certificates_holder_idx on certificates (tenant_id, holder_key);
create index certificates_expiry_idx on certificates (tenant_id, expires_on);

create table registry_snapshots (
  id uuid primary key default gen_random_uuid(),
  tenant_id text not null references tenants (id),
  source text not null,
  sha256 text not null,
  snapshot_date date,
  imported_at timestamptz not null default now(),
  entry_count integer not null,
  rejected jsonb not null default '[]'
);
create index registry_snapshots_newest_idx on registry_snapshots (tenant_id, imported_at desc);

create table registry_entries (
  snapshot_id uuid not null references registry_snapshots (id) on delete cascade,
  line integer not null,
  organisation text not null,
  organisation_key text not null,
  services text,
  certificate_number text,
  certification_body text,
  activities integer[] not null default '{}',
  issued_on date,
  expires_on date,
  referential text,
  siren text,
  transparency_url text,
  primary key (snapshot_id, line)
);

create table evaluations (
  id uuid primary key default gen_random_uuid(),
  tenant_id text not null references tenants (id),
  vendor_id uuid not null references vendors (id) on delete cascade,
  as_of date not null,
  registry_snapshot_id uuid references registry_snapshots (id) on delete set null,
  status text not null check (status in ('compliant', 'needs_review', 'non_compliant')),
  dossier_version text not null,
  report jsonb not null,
  created_at timestamptz not null default now()
);
create index evaluations_vendor_idx on evaluations (vendor_id, created_at desc);

-- A vendor's findings with their life: first seen, last seen, resolved.
-- The fingerprint identifies "the same finding" across evaluations.
create table findings (
  id uuid primary key default gen_random_uuid(),
  tenant_id text not null references tenants (id),
  vendor_id uuid not null references vendors (id) on delete cascade,
  fingerprint text not null,
  rule text not null,
  severity text not null,
  clause text,
  document text,
  subject text,
  message text not null,
  evidence jsonb not null,
  first_seen_at timestamptz not null,
  last_seen_at timestamptz not null,
  first_seen_on date not null,
  last_seen_on date not null,
  last_evaluation_id uuid references evaluations (id) on delete set null,
  resolved_at timestamptz,
  unique (vendor_id, fingerprint)
);
create index findings_open_idx on findings (tenant_id, resolved_at, severity);
