import { describe, expect, it } from 'vitest';
import { nextRetryDelay, parseRetryAfter } from './retry.policy.ts';

const policy = { maxAttempts: 8, baseMs: 1_000, maxMs: 60_000 };

describe('retry policy', () => {
  it('doubles with each attempt, jittered between half and all, capped', () => {
    expect(nextRetryDelay(policy, 1, null, () => 0)).toBe(500);
    expect(nextRetryDelay(policy, 1, null, () => 1)).toBe(1_000);
    expect(nextRetryDelay(policy, 4, null, () => 0.5)).toBe(6_000);
    expect(nextRetryDelay(policy, 20, null, () => 1)).toBe(60_000);
  });

  it('waits at least what Retry-After asks, within the cap', () => {
    expect(nextRetryDelay(policy, 1, 7_000, () => 1)).toBe(7_000);
    expect(nextRetryDelay(policy, 1, 3_600_000, () => 1)).toBe(60_000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-29T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
