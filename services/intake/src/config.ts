import { databaseEnv, envInt, httpEnv, loggingEnv, parseConfig, redisEnv, s3Env } from '@hds/config';
import { z } from 'zod';

const MiB = 1024 * 1024;

/** Everything the intake API reads from its environment, parsed once at start (every error reported at once). */
export const IntakeEnv = z.object({
  ...httpEnv,
  ...databaseEnv,
  ...redisEnv,
  ...s3Env,
  ...loggingEnv,
  // 5 GiB is the most one S3 CopyObject (the move to the content address) can copy.
  UPLOAD_MAX_BYTES: envInt(1, 5 * 1024 * MiB)
    .default(50 * MiB)
    .describe('Largest upload request accepted, in bytes (all its files together); larger is refused with 413 document.too_large'),
  UPLOAD_MAX_FILES: envInt(1, 1000).default(20).describe('Files one upload request may carry'),
  SHUTDOWN_TIMEOUT_MS: envInt(1000, 600_000).default(30_000).describe('On SIGTERM, how long requests in flight (uploads) may take to finish'),
  READINESS_TIMEOUT_MS: envInt(100, 60_000).default(2_000).describe('How long each readiness check (PostgreSQL, Redis, S3) may take'),
});
export type IntakeConfig = z.infer<typeof IntakeEnv>;

export function loadIntakeConfig(env: Record<string, string | undefined> = process.env): IntakeConfig {
  return parseConfig(IntakeEnv, env);
}
