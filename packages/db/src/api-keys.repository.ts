import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface ApiKeysTable {
  /** Public part of the key: names it in logs and in `hds api-keys revoke`. */
  id: string;
  tenant_id: string;
  /** sha256 (hex) of the secret part; the secret itself is never stored. */
  secret_sha256: string;
  label: string | null;
  created_at: Generated<Date>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ApiKeyInfo {
  keyId: string;
  tenantId: string;
  label: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

// `hds_<16 hex id>_<43 base64url chars = 256 random bits>`: recognisable in a
// secret scanner, and the id lets one indexed lookup find the row.
const KEY_FORMAT = /^hds_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');

/** The parts of a presented key, or null when it cannot be one of ours. */
export function parseApiKey(key: string): { keyId: string; secret: string } | null {
  const m = KEY_FORMAT.exec(key);
  return m ? { keyId: m[1]!, secret: m[2]! } : null;
}

export function createApiKeysRepository(database: Kysely<Database>) {
  const db = database.withTables<{ api_keys: ApiKeysTable }>();
  const toInfo = (r: { id: string; tenant_id: string; label: string | null; created_at: Date; revoked_at: Date | null }): ApiKeyInfo => ({
    keyId: r.id,
    tenantId: r.tenant_id,
    label: r.label,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  });

  return {
    /** Issues a key for an existing tenant; the returned `key` is the only copy of the secret. */
    async create(input: { tenantId: string; label?: string | null }): Promise<ApiKeyInfo & { key: string }> {
      const keyId = randomBytes(8).toString('hex');
      const secret = randomBytes(32).toString('base64url');
      const row = await db
        .insertInto('api_keys')
        .values({ id: keyId, tenant_id: input.tenantId, secret_sha256: sha256Hex(secret), label: input.label ?? null })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { ...toInfo(row), key: `hds_${keyId}_${secret}` };
    },

    /** The tenant a presented key acts for, or null when it is unknown, malformed or revoked. */
    async verify(presented: string): Promise<{ keyId: string; tenantId: string } | null> {
      const parsed = parseApiKey(presented);
      if (!parsed) return null;
      const row = await db.selectFrom('api_keys').select(['id', 'tenant_id', 'secret_sha256', 'revoked_at']).where('id', '=', parsed.keyId).executeTakeFirst();
      if (!row || row.revoked_at !== null) return null;
      const expected = Buffer.from(row.secret_sha256, 'hex');
      const actual = Buffer.from(sha256Hex(parsed.secret), 'hex');
      return timingSafeEqual(expected, actual) ? { keyId: row.id, tenantId: row.tenant_id } : null;
    },

    async list(tenantId: string): Promise<ApiKeyInfo[]> {
      const rows = await db.selectFrom('api_keys').select(['id', 'tenant_id', 'label', 'created_at', 'revoked_at']).where('tenant_id', '=', tenantId).orderBy('created_at').execute();
      return rows.map(toInfo);
    },

    /** Revokes a key; true when it existed and was active. */
    async revoke(keyId: string, at: Date = new Date()): Promise<boolean> {
      const res = await db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', keyId).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },
  };
}

export type ApiKeysRepository = ReturnType<typeof createApiKeysRepository>;
