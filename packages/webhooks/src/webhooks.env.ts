import { envBoolean, envInt } from '@hds/config';
import { z } from 'zod';
import { parseSecretKey } from './secret-box.ts';
import { createTargetPolicy } from './target-guard.ts';

const validKey = (v: string) => {
  try {
    parseSecretKey(v);
    return true;
  } catch {
    return false;
  }
};
const validAllowList = (v: string) => {
  try {
    createTargetPolicy({ allowedTargets: v });
    return true;
  } catch {
    return false;
  }
};

/** The key that seals subscription secrets at rest: the intake (creates them) and the notifier (signs with them) share it. */
export const webhookSecretKeyEnv = {
  WEBHOOK_SECRET_KEY: z
    .string()
    .refine(validKey, 'must be 32 bytes: base64 (openssl rand -base64 32) or 64 hex digits')
    .describe('Key sealing webhook secrets at rest (AES-256-GCM), 32 bytes as base64 or hex: openssl rand -base64 32. Never logged; the same in intake, notifier and hds webhooks'),
};

/** Which webhook targets are acceptable: checked when a subscription is made and again at every delivery. */
export const webhookTargetEnv = {
  WEBHOOK_ALLOWED_TARGETS: z
    .string()
    .default('')
    .refine(validAllowList, 'must be IP addresses or CIDRs separated by commas')
    .describe('Non-public addresses webhooks may still reach (CIDRs or IPs, comma-separated, e.g. 10.20.0.0/16); empty: public addresses only'),
  WEBHOOK_ALLOW_HTTP: envBoolean.default(false).describe('Accept plain http:// webhook URLs (default: https only)'),
};

/** The notifier's delivery settings. */
export const webhookDeliveryEnv = {
  WEBHOOK_TIMEOUT_MS: envInt(100, 120_000).default(10_000).describe('One delivery attempt (resolution, connection, answer) may take this long'),
  WEBHOOK_MAX_ATTEMPTS: envInt(1, 50).default(8).describe('Attempts per event and subscription before the delivery is given up'),
  WEBHOOK_BACKOFF_BASE_MS: envInt(1, 3_600_000).default(30_000).describe('Backoff base: attempt n waits between half and all of base × 2^(n-1)'),
  WEBHOOK_BACKOFF_MAX_MS: envInt(1, 86_400_000).default(3_600_000).describe('Longest wait between attempts, Retry-After included'),
  WEBHOOK_DISABLE_AFTER_FAILURES: envInt(0, 10_000).default(5).describe('Disable a subscription after this many events in a row were given up (0: never)'),
  WEBHOOK_RELAY_INTERVAL_MS: envInt(50, 60_000).default(1_000).describe('How often the outbox of events is relayed to the notify queue'),
};
