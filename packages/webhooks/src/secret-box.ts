import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '@hds/core';

/**
 * Subscription secrets at rest. They must stay usable for signing, so a
 * hash (as for API keys) cannot do: they are encrypted with AES-256-GCM under
 * a key the operator supplies (WEBHOOK_SECRET_KEY), never stored in the
 * database. A dump of the database alone does not reveal them; the API never
 * returns them after creation.
 *
 * Stored form: `v1.<key id>.<iv>.<ciphertext+tag>` (base64url parts). The key
 * id (first bytes of the key's sha256) says which key sealed a secret, so a
 * wrong or rotated key is reported as such instead of as corrupt data. The
 * subscription id is the associated data: a sealed secret copied onto
 * another subscription's row does not open.
 */
export interface SecretBox {
  readonly keyId: string;
  seal(secret: string, subscriptionId: string): string;
  open(sealed: string, subscriptionId: string): string;
}

/** The 32-byte key from its configured form: base64 (44 characters) or hex (64). */
export function parseSecretKey(value: string): Buffer {
  const v = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  if (key.length !== 32) throw new AppError('webhook.secret_key_invalid', 'WEBHOOK_SECRET_KEY must be 32 bytes, as base64 (openssl rand -base64 32) or 64 hex digits');
  return key;
}

export function createSecretBox(keyValue: string): SecretBox {
  const key = parseSecretKey(keyValue);
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return {
    keyId,
    seal(secret, subscriptionId) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(subscriptionId, 'utf8'));
      const ct = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return ['v1', keyId, iv.toString('base64url'), ct.toString('base64url')].join('.');
    },
    open(sealed, subscriptionId) {
      const [version, sealedBy, ivPart, ctPart] = sealed.split('.');
      if (version !== 'v1' || !sealedBy || !ivPart || !ctPart) throw new AppError('webhook.secret_unreadable', 'The stored webhook secret is not in a known form');
      if (sealedBy !== keyId) {
        throw new AppError('webhook.secret_key_mismatch', `The webhook secret was sealed with key ${sealedBy}; this process has key ${keyId} (WEBHOOK_SECRET_KEY)`);
      }
      const ct = Buffer.from(ctPart, 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivPart, 'base64url'));
        decipher.setAAD(Buffer.from(subscriptionId, 'utf8'));
        decipher.setAuthTag(ct.subarray(ct.length - 16));
        return Buffer.concat([decipher.update(ct.subarray(0, ct.length - 16)), decipher.final()]).toString('utf8');
      } catch (err) {
        throw new AppError('webhook.secret_unreadable', 'The stored webhook secret does not open with this key and subscription', { cause: err });
      }
    },
  };
}
