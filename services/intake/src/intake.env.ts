import { databaseEnv, envInt, httpEnv, loggingEnv, redisEnv, s3Env } from '@hds/config';
import { webhookSecretKeyEnv, webhookTargetEnv } from '@hds/webhooks';

const MiB = 1024 * 1024;

/** The intake API's environment, parsed once at start, every error reported at once (`.env.example` is generated from it). */
export const INTAKE_ENV = {
  ...httpEnv,
  ...databaseEnv,
  ...redisEnv,
  ...s3Env,
  ...loggingEnv,
  // 5 GiB is the most one S3 CopyObject (the move to the content address) can copy.
  UPLOAD_MAX_BYTES: envInt(1, 5 * 1024 * MiB)
    .default(50 * MiB)
    .describe('Largest upload request accepted, in bytes (its files together); more is refused with 413 document.too_large'),
  UPLOAD_MAX_FILES: envInt(1, 1000).default(20).describe('Files one upload request may carry'),
  ENQUEUE_TIMEOUT_MS: envInt(100, 60_000).default(5_000).describe('How long Redis may take to accept an upload\'s jobs before the upload is answered 503 queue.unavailable'),
  SHUTDOWN_TIMEOUT_MS: envInt(1000, 600_000).default(30_000).describe('On SIGTERM, how long requests in flight (uploads) may take to finish'),
  READINESS_TIMEOUT_MS: envInt(100, 60_000).default(2_000).describe('How long each readiness check (PostgreSQL, Redis, S3) may take'),
  // Optional here: without it the API serves everything but the creation of webhook subscriptions (503 webhook.not_configured).
  WEBHOOK_SECRET_KEY: webhookSecretKeyEnv.WEBHOOK_SECRET_KEY.optional(),
  ...webhookTargetEnv,
};
