-- Registry snapshots kept over time, refreshed from a source, and the
-- re-checks they trigger (issue 5).

-- The same content imported twice is one snapshot (per tenant). Older
-- deployments could hold duplicates (two imports racing): the oldest stays,
-- evaluations that cited a duplicate cite it instead.
update evaluations e set registry_snapshot_id = keep.id
from registry_snapshots dup
join lateral (
  select s.id from registry_snapshots s
  where s.tenant_id = dup.tenant_id and s.sha256 = dup.sha256
  order by s.imported_at, s.id limit 1
) keep on true
where e.registry_snapshot_id = dup.id and keep.id <> dup.id;

delete from registry_snapshots dup
using registry_snapshots keep
where keep.tenant_id = dup.tenant_id and keep.sha256 = dup.sha256
  and (keep.imported_at, keep.id) < (dup.imported_at, dup.id);

create unique index registry_snapshots_content_uidx on registry_snapshots (tenant_id, sha256);
create index registry_snapshots_dated_idx on registry_snapshots (tenant_id, snapshot_date desc nulls last, imported_at desc);

-- When the re-evaluations of the vendors a snapshot affects were queued: an
-- import whose queueing failed (Redis down) is repaired by importing the same
-- content again, which then queues them. Snapshots from before this column
-- count as done.
alter table registry_snapshots add column reevaluated_at timestamptz;
update registry_snapshots set reevaluated_at = imported_at;

-- One row per configured refresh source (an HTTP(S) URL or a folder): what
-- was fetched last, so unchanged content (ETag, then sha256) creates nothing.
-- The key is a digest of the location: a URL may carry a token.
create table registry_sources (
  source_key text primary key,
  label text not null,
  etag text,
  last_modified text,
  sha256 text,
  checked_at timestamptz,
  changed_at timestamptz,
  error_code text,
  error_message text,
  error_at timestamptz
);

-- "What changed since": findings opened or resolved after a moment.
create index findings_first_seen_idx on findings (tenant_id, first_seen_at);
create index findings_resolved_idx on findings (tenant_id, resolved_at) where resolved_at is not null;
