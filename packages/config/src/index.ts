import { z } from 'zod';

export { envBoolean, envInt } from './env.ts';
export * from './fragments.ts';

export class ConfigError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

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

/** `KEY=default  # description` lines for every key of a schema: `.env.example` is generated from this. */
export function describeEnv(shape: Record<string, z.ZodType>): string {
  return Object.entries(shape)
    .map(([key, type]) => {
      const def = (type as unknown as { def?: { defaultValue?: unknown } }).def?.defaultValue;
      return `# ${type.description ?? ''}\n${key}=${def === undefined ? '' : String(def)}`;
    })
    .join('\n\n');
}
