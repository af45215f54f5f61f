import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, secretKeyBytes, signedHeaders, signWebhook, verifyWebhook } from './signature.ts';

describe('Standard Webhooks signatures', () => {
  it('match the specification’s reference example', () => {
    // From the Standard Webhooks specification's test vectors.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
    const body = '{"test": 2432232314}';
    expect(signWebhook(secret, id, 1614265330, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('are HMAC-SHA256 of id.timestamp.body keyed by the decoded secret', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const mac = createHmac('sha256', Buffer.from(secret.slice(6), 'base64')).update('evt_1.1700000000.{}').digest('base64');
    expect(signWebhook(secret, 'evt_1', 1700000000, '{}')).toBe(`v1,${mac}`);
  });

  it('verify: right secret and fresh timestamp only; any of several signatures', () => {
    const secret = generateWebhookSecret();
    const now = 1_800_000_000;
    const h = signedHeaders(secret, 'evt_x', now, '{"a":1}');
    expect(verifyWebhook(secret, h, '{"a":1}', { nowSeconds: now })).toBe(true);
    expect(verifyWebhook(secret, h, '{"a":2}', { nowSeconds: now })).toBe(false);
    expect(verifyWebhook(generateWebhookSecret(), h, '{"a":1}', { nowSeconds: now })).toBe(false);
    expect(verifyWebhook(secret, h, '{"a":1}', { nowSeconds: now + 301 })).toBe(false);
    expect(verifyWebhook(secret, { ...h, 'webhook-signature': `v1,AAAA ${h['webhook-signature']}` }, '{"a":1}', { nowSeconds: now })).toBe(true);
  });

  it('refuses a secret that is not base64 of at least 16 bytes', () => {
    expect(() => secretKeyBytes('whsec_short')).toThrow(/at least 16 bytes/);
    expect(() => secretKeyBytes('whsec_not base64 at all, not at all!!')).toThrow();
  });
});
