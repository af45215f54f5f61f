/**
 * When the next attempt of a failed delivery runs: exponential backoff with
 * jitter (attempt n waits between half and all of base × 2ⁿ⁻¹), at least what
 * the receiver's Retry-After asked for, never more than `maxMs`.
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

export function nextRetryDelay(policy: RetryPolicy, attempt: number, retryAfterMs: number | null, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.baseMs * 2 ** Math.max(0, attempt - 1), policy.maxMs);
  const backoff = Math.round(ceiling / 2 + random() * (ceiling / 2));
  return Math.min(Math.max(backoff, retryAfterMs ?? 0), policy.maxMs);
}

/** `Retry-After: <seconds>` or `<HTTP date>` → ms from `nowMs`; null when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | null {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return null;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
