import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** The webhook tables (migration 0004), added to the schema with `withTables` by their repositories. */
export type WebhookTables = {
  webhook_subscriptions: {
    id: string;
    tenant_id: string;
    url: string;
    events: string[];
    description: string | null;
    /** `v1.<key id>.<iv>.<ciphertext>`: see SecretBox in @hds/webhooks. */
    secret_sealed: string;
    status: ColumnType<'enabled' | 'disabled', 'enabled' | 'disabled' | undefined, 'enabled' | 'disabled'>;
    consecutive_failures: ColumnType<number, number | undefined, number>;
    disabled_at: NullableTimestamp;
    disabled_reason: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  webhook_events: {
    id: string;
    seq: ColumnType<number, never, never>;
    tenant_id: string;
    type: string;
    vendor_id: string | null;
    data: ColumnType<unknown, string, string>;
    created_at: Timestamp;
    relayed_at: NullableTimestamp;
  };
  webhook_deliveries: {
    event_id: string;
    subscription_id: string;
    tenant_id: string;
    round: ColumnType<number, number | undefined, number>;
    status: ColumnType<'pending' | 'delivered' | 'failed', 'pending' | 'delivered' | 'failed' | undefined, 'pending' | 'delivered' | 'failed'>;
    attempts: ColumnType<number, number | undefined, number>;
    enqueued_at: NullableTimestamp;
    last_attempt_at: NullableTimestamp;
    delivered_at: NullableTimestamp;
    last_error_code: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  webhook_attempts: {
    id: Generated<string>;
    event_id: string;
    subscription_id: string;
    round: number;
    attempt: number;
    started_at: Timestamp;
    outcome: ColumnType<'in_flight' | 'delivered' | 'failed', 'in_flight' | 'delivered' | 'failed' | undefined, 'in_flight' | 'delivered' | 'failed'>;
    duration_ms: number | null;
    status_code: number | null;
    error_code: string | null;
    error_message: string | null;
  };
};
