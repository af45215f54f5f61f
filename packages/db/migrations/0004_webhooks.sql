-- Webhook notifications (issue 6): subscriptions, the outbox of events,
-- deliveries (one per event and subscription) and every attempt.

-- The secret is sealed (AES-256-GCM under the operator's WEBHOOK_SECRET_KEY,
-- which never reaches the database): it must stay usable for signing, so it
-- cannot be a hash like an API key's, and it is never read back by the API.
create table webhook_subscriptions (
  id uuid primary key,
  tenant_id text not null references tenants (id),
  url text not null,
  events text[] not null check (cardinality(events) > 0),
  description text,
  secret_sealed text not null,
  status text not null default 'enabled' check (status in ('enabled', 'disabled')),
  -- Events in a row given up on; reset by a success. Past the operator's
  -- threshold the subscription is disabled and says why.
  consecutive_failures integer not null default 0,
  disabled_at timestamptz,
  disabled_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index webhook_subscriptions_tenant_idx on webhook_subscriptions (tenant_id, created_at);

-- The transactional outbox: written in the transaction of the change that
-- causes the event (an evaluation), so an event exists if and only if its
-- change was committed. The notifier relays unrelayed rows to deliveries.
create table webhook_events (
  id text primary key,
  -- Commit order within a tenant's stream (events of one evaluation share created_at).
  seq bigint generated always as identity unique,
  tenant_id text not null references tenants (id),
  type text not null,
  vendor_id uuid references vendors (id) on delete set null,
  data jsonb not null,
  created_at timestamptz not null default now(),
  relayed_at timestamptz
);
create index webhook_events_unrelayed_idx on webhook_events (seq) where relayed_at is null;
create index webhook_events_tenant_idx on webhook_events (tenant_id, seq desc);

-- One delivery per event and subscription. `round` counts operator
-- re-deliveries (part of the job id: a re-delivery is a new job);
-- `enqueued_at` null means the notify job is still to be queued.
create table webhook_deliveries (
  event_id text not null references webhook_events (id) on delete cascade,
  subscription_id uuid not null references webhook_subscriptions (id) on delete cascade,
  tenant_id text not null references tenants (id),
  round integer not null default 0,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  enqueued_at timestamptz,
  last_attempt_at timestamptz,
  delivered_at timestamptz,
  last_error_code text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (event_id, subscription_id)
);
-- Pending deliveries to queue, or queued long ago and never attempted since (their job lost with a Redis).
create index webhook_deliveries_pending_idx on webhook_deliveries (enqueued_at nulls first, created_at) where status = 'pending';
create index webhook_deliveries_subscription_idx on webhook_deliveries (subscription_id, created_at desc);

-- Every attempt, written when it starts (outcome in_flight) and completed
-- when it ends: a row left in_flight is an attempt whose notifier died.
create table webhook_attempts (
  id uuid primary key default gen_random_uuid(),
  event_id text not null,
  subscription_id uuid not null,
  round integer not null,
  attempt integer not null,
  started_at timestamptz not null,
  outcome text not null default 'in_flight' check (outcome in ('in_flight', 'delivered', 'failed')),
  duration_ms integer,
  status_code integer,
  error_code text,
  error_message text,
  foreign key (event_id, subscription_id) references webhook_deliveries (event_id, subscription_id) on delete cascade
);
create index webhook_attempts_delivery_idx on webhook_attempts (event_id, subscription_id, started_at);
