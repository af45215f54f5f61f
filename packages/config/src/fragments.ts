import { z } from 'zod';
import { envBoolean, envInt } from './env.ts';

/**
 * Environment fragments shared by the services. Each service's schema is
 * the union of the fragments it needs; every key is described (the
 * descriptions feed `.env.example` and the README).
 */
export const loggingEnv = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level'),
};

export const databaseEnv = {
  DATABASE_URL: z.string().url().describe('PostgreSQL connection URL (postgres://user:password@host:5432/db)'),
  DATABASE_POOL_SIZE: envInt(1, 100).default(10).describe('PostgreSQL connections per process'),
};

export const redisEnv = {
  REDIS_URL: z.string().url().describe('Redis URL for the BullMQ queues (redis://host:6379/0); Redis must run with maxmemory-policy noeviction'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('hds')
    .describe('BullMQ key prefix: separates deployments (and test runs) sharing one Redis'),
};

export const s3Env = {
  S3_ENDPOINT: z.string().url().optional().describe('S3-compatible endpoint (MinIO, Ceph RGW…); omit for AWS S3'),
  S3_REGION: z.string().default('us-east-1').describe('S3 region'),
  S3_BUCKET: z.string().min(3).describe('Bucket holding the documents'),
  S3_ACCESS_KEY_ID: z.string().min(1).describe('S3 access key'),
  S3_SECRET_ACCESS_KEY: z.string().min(1).describe('S3 secret key (never logged)'),
  S3_FORCE_PATH_STYLE: envBoolean.default(true).describe('Path-style bucket addressing (MinIO and Ceph need it)'),
  S3_CREATE_BUCKET: envBoolean.default(false).describe('Create the bucket at start when missing (development)'),
};

export const httpEnv = {
  HOST: z.string().default('0.0.0.0').describe('Address the HTTP server listens on'),
  PORT: envInt(0, 65535).default(8080).describe('HTTP port (0: any free port)'),
};

export const workerEnv = {
  WORKER_CONCURRENCY: envInt(1, 64).default(2).describe('Jobs a worker process runs at once'),
  SHUTDOWN_TIMEOUT_MS: envInt(1000, 600_000).default(30_000).describe('On SIGTERM, how long active jobs may take to finish'),
  JOB_LOCK_MS: envInt(1000, 600_000).default(30_000).describe('BullMQ lock duration: a job whose worker stops renewing it is taken over after this'),
};

export const ocrEnv = {
  OCR_THREADS: envInt(1, 64).optional().describe('OCR worker threads per process (default: one per core)'),
  OCR_ENABLED: envBoolean.default(true).describe('OCR pages without a usable text layer'),
};

// Five fields (minute hour day month weekday) or six (seconds first), as BullMQ's cron parser reads them; `off` disables.
const cronPattern = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^(off|(\S+\s+){4,5}\S+)$/, 'a cron pattern of 5 or 6 fields, or off')
    .describe(`${what}: a cron pattern in UTC (minute hour day month weekday), or off`);

/** The daily re-check of every vendor (scheduler). */
export const recheckEnv = {
  RECHECK_CRON: cronPattern('When every vendor is evaluated again (review date: the UTC date of the run)').default('30 0 * * *'),
};

/** Where the registry list is refreshed from, and when (scheduler). */
export const registryRefreshEnv = {
  REGISTRY_SOURCE_URL: z.string().url().optional().describe('HTTP(S) URL of the registry list (CSV, JSON or XLSX), fetched with If-None-Match; may carry a token (never logged)'),
  REGISTRY_SOURCE_DIR: z.string().min(1).optional().describe('Folder whose newest .csv/.json/.xlsx file is the registry list (instead of a URL)'),
  REGISTRY_SOURCE_TENANTS: z
    .string()
    .regex(/^[a-z0-9_,\s-]*$/, 'tenant ids separated by commas')
    .default('')
    .describe('Tenants whose registry the source feeds, comma-separated (empty: every tenant)'),
  REGISTRY_REFRESH_CRON: cronPattern('When the registry source is fetched (only with a source)').default('0 */6 * * *'),
  REGISTRY_FETCH_TIMEOUT_MS: envInt(1_000, 600_000).default(30_000).describe('How long fetching the registry URL may take, in ms'),
  REGISTRY_MAX_BYTES: envInt(1_024, 512 * 1024 * 1024).default(20 * 1024 * 1024).describe('Largest registry file accepted from the source, in bytes'),
};

/**
 * What is wrong with the registry source settings (parsed by
 * `registryRefreshEnv`), or null: one source at most, and a URL is http(s).
 * The scheduler refuses to start on it; `hds registry refresh` refuses too.
 */
export function registrySourceProblem(s: { REGISTRY_SOURCE_URL?: string | undefined; REGISTRY_SOURCE_DIR?: string | undefined }): string | null {
  if (s.REGISTRY_SOURCE_URL && s.REGISTRY_SOURCE_DIR) return 'Set REGISTRY_SOURCE_URL or REGISTRY_SOURCE_DIR, not both';
  if (s.REGISTRY_SOURCE_URL && !/^https?:\/\//i.test(s.REGISTRY_SOURCE_URL)) return 'REGISTRY_SOURCE_URL must be an http(s) URL';
  return null;
}
