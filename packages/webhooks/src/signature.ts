import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '@hds/core';

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com):
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`,
 * keyed by the bytes of the secret (`whsec_<base64>`).
 */

const SECRET_PREFIX = 'whsec_';
// 24 bytes = 192 bits: the Standard Webhooks range is 24–64 bytes.
const SECRET_BYTES = 24;

/** A new signing secret, in the `whsec_<base64>` form receivers' libraries accept. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/** The HMAC key of a `whsec_` secret (its base64 part, decoded). */
export function secretKeyBytes(secret: string): Buffer {
  const b64 = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(b64, 'base64');
  if (key.length < 16 || key.toString('base64').replace(/=+$/, '') !== b64.replace(/=+$/, '')) {
    throw new AppError('webhook.secret_invalid', 'A webhook secret is "whsec_" followed by the base64 of at least 16 bytes');
  }
  return key;
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** `v1,<signature>` of one message: the same id and body with another timestamp is another signature. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secretKeyBytes(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

export function signedHeaders(secret: string, id: string, timestampSeconds: number, body: string): SignedHeaders {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': signWebhook(secret, id, timestampSeconds, body) };
}

/**
 * A receiver's check: one of the space-separated `v1,` signatures matches and
 * the timestamp is within `toleranceSeconds` of now (replays of an old
 * message are refused). Compared in constant time.
 */
export function verifyWebhook(secret: string, headers: Partial<Record<keyof SignedHeaders, string>>, body: string, opts: { nowSeconds?: number; toleranceSeconds?: number } = {}): boolean {
  const id = headers['webhook-id'];
  const ts = headers['webhook-timestamp'];
  const sigs = headers['webhook-signature'];
  if (!id || !ts || !sigs || !/^\d+$/.test(ts)) return false;
  const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(ts)) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, id, Number(ts), body).slice(3), 'base64');
  return sigs.split(' ').some((s) => {
    if (!s.startsWith('v1,')) return false;
    const given = Buffer.from(s.slice(3), 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
