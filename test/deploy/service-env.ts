import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { databaseEnv, httpEnv, loggingEnv, ocrEnv, redisEnv, s3Env, workerEnv } from '@hds/config';
import { REPO_ROOT } from './compose.loader.ts';

/**
 * The environment schema each compose service's process parses at start,
 * taken from the service's own code (`services/<name>/src/config.ts` or
 * `*.env.ts`) so the check follows the code; the config fragments of the
 * service's role stand in for a service whose schema file does not exist.
 */

interface ParseResult {
  success: boolean;
  data?: unknown;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}
type EnvType = { safeParse(input: unknown): unknown };
type EnvShape = Record<string, EnvType>;

export interface EnvSchema {
  /** Where the schema comes from: a file of the service, or `fragments`. */
  source: string;
  shape: EnvShape;
}

const FALLBACK: Record<string, EnvShape> = {
  intake: { ...loggingEnv, ...databaseEnv, ...redisEnv, ...s3Env, ...httpEnv },
  'extract-worker': { ...loggingEnv, ...databaseEnv, ...redisEnv, ...s3Env, ...workerEnv, ...ocrEnv },
  'parse-worker': { ...loggingEnv, ...databaseEnv, ...redisEnv, ...s3Env, ...workerEnv },
  'rules-worker': { ...loggingEnv, ...databaseEnv, ...redisEnv, ...s3Env, ...workerEnv },
  scheduler: { ...loggingEnv, ...databaseEnv, ...redisEnv, ...s3Env, ...workerEnv },
  // `hds migrate` needs the database only.
  cli: { ...databaseEnv },
};

function isEnvType(value: unknown): value is EnvType {
  return Boolean(value) && typeof (value as EnvType).safeParse === 'function';
}

/** A zod object's shape, or an exported shape of fragments (`{ ...databaseEnv, … }`). */
function shapeOf(value: unknown): EnvShape | null {
  if (!value || typeof value !== 'object') return null;
  const shape = (value as { shape?: unknown }).shape;
  if (isEnvType(value) && shape && typeof shape === 'object') return shape as EnvShape;
  const entries = Object.entries(value);
  if (entries.length > 0 && entries.every(([key, v]) => /^[A-Z][A-Z0-9_]*$/.test(key) && isEnvType(v))) return value as EnvShape;
  return null;
}

function schemaFiles(dir: string): string[] {
  const src = join(REPO_ROOT, 'services', dir, 'src');
  if (!existsSync(src)) return [];
  const files = readdirSync(src).filter((f) => f === 'config.ts' || f.endsWith('.env.ts'));
  return files.map((f) => join(src, f));
}

/** The schema of the process `services/<dir>` (dir: `intake`, `extract-worker`, `cli`…). */
export async function envSchemaOf(dir: string): Promise<EnvSchema> {
  for (const file of schemaFiles(dir)) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      const shape = shapeOf(value);
      if (shape) return { source: file.slice(REPO_ROOT.length), shape };
    }
  }
  const shape = FALLBACK[dir];
  if (!shape) throw new Error(`no environment schema known for services/${dir}`);
  return { source: 'fragments', shape };
}

/**
 * Parses `env` as the service would at start (empty values count as unset,
 * as in parseConfig): the parsed values with defaults applied, or every
 * problem as `KEY: message`.
 */
export function parseServiceEnv(schema: EnvSchema, env: Record<string, string>): { data: Record<string, unknown>; problems: string[] } {
  const data: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, type] of Object.entries(schema.shape)) {
    const value = env[key] === '' ? undefined : env[key];
    const r = type.safeParse(value) as ParseResult;
    if (r.success) data[key] = r.data;
    else for (const issue of r.error?.issues ?? []) problems.push(`${key}: ${issue.message}`);
  }
  return { data, problems };
}
