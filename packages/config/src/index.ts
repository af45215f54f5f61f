import { z } from 'zod';

export class ConfigError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/**
 * Booleans from the environment: `true/false/1/0/yes/no` (z.coerce.boolean
 * would read "false" as true).
 */
export const envBoolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'TRUE', 'FALSE'])
  .transform((v) => ['true', '1', 'yes', 'TRUE'].includes(v));

export const envInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Names of keys whose values are never echoed in errors. */
const SECRET_HINT = /(SECRET|PASSWORD|TOKEN|KEY|URL)$/;

/**
 * Parses `env` with `schema`, reporting every invalid key at once and never
 * echoing a value (URLs and keys may hold credentials).
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined> = process.env): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => {
    const key = i.path.join('.') || '(root)';
    const message = SECRET_HINT.test(key) ? i.message.replace(/received .*/i, 'received an invalid value') : i.message;
    return `${key}: ${message}`;
  });
  throw new ConfigError(issues);
}

/** Fragments shared by the services' schemas. */
export const fragments = {
  logging: { LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level') },
};
