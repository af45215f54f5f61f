-- API keys of the HTTP API: a key belongs to one tenant and sees only its data.
-- The secret itself is never stored, only its sha256 (a 256-bit random
-- secret needs no slow hash: there is nothing to guess from a dictionary).
create table api_keys (
  id text primary key,
  tenant_id text not null references tenants (id),
  secret_sha256 text not null check (secret_sha256 ~ '^[0-9a-f]{64}$'),
  label text,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index api_keys_tenant_idx on api_keys (tenant_id);
