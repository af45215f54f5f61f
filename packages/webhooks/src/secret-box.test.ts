import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, parseSecretKey } from './secret-box.ts';

const KEY = randomBytes(32).toString('base64');

describe('secret box (secrets at rest)', () => {
  it('seals so that the stored form does not contain the secret, and opens it back', () => {
    const box = createSecretBox(KEY);
    const sealed = box.seal('whsec_abcdefghijklmnopqrstuvwxyz012345', 'sub-1');
    expect(sealed).toMatch(/^v1\.[0-9a-f]{12}\./);
    expect(sealed).not.toContain('abcdefghijklmnop');
    expect(box.open(sealed, 'sub-1')).toBe('whsec_abcdefghijklmnopqrstuvwxyz012345');
    expect(box.seal('same', 'sub-1')).not.toBe(box.seal('same', 'sub-1'));
  });

  it('does not open under another key, for another subscription, or tampered', () => {
    const box = createSecretBox(KEY);
    const sealed = box.seal('whsec_secret', 'sub-1');
    expect(() => createSecretBox(randomBytes(32).toString('hex')).open(sealed, 'sub-1')).toThrow(expect.objectContaining({ code: 'webhook.secret_key_mismatch' }));
    expect(() => box.open(sealed, 'sub-2')).toThrow(expect.objectContaining({ code: 'webhook.secret_unreadable' }));
    const parts = sealed.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    expect(() => box.open([...parts.slice(0, 3), ct.toString('base64url')].join('.'), 'sub-1')).toThrow(expect.objectContaining({ code: 'webhook.secret_unreadable' }));
  });

  it('takes a 32-byte key as base64 or hex, nothing else', () => {
    expect(parseSecretKey(randomBytes(32).toString('hex'))).toHaveLength(32);
    expect(() => parseSecretKey('too-short')).toThrow(/32 bytes/);
    expect(() => parseSecretKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
