import { ConfigError, envInt, parseConfig } from '@hds/config';

/**
 * A service's environment as a shape of zod fragments (`{ ...databaseEnv,
 * ...redisEnv }`), typed without this package depending on zod itself.
 */
export type EnvShape = Record<string, { safeParse(input: unknown): unknown; _output: unknown; description?: string | undefined }>;
export type EnvOf<S extends EnvShape> = { [K in keyof S]: S[K]['_output'] };

interface KeyResult {
  success: boolean;
  data?: unknown;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}

export const healthEnv = {
  HEALTH_PORT: envInt(0, 65535).default(0).describe('Port of the liveness (GET /healthz) and readiness (GET /readyz) endpoints; 0: none'),
};

/**
 * Parses `env` with a shape of fragments, key by key, reporting every
 * invalid key at once through `parseConfig` (which never echoes a value).
 */
export function parseEnvShape<S extends EnvShape>(shape: S, env: Record<string, string | undefined> = process.env): EnvOf<S> {
  const objectSchema = {
    safeParse(input: Record<string, unknown>) {
      const data: Record<string, unknown> = {};
      const issues: Array<{ path: PropertyKey[]; message: string }> = [];
      for (const [key, type] of Object.entries(shape)) {
        const r = type.safeParse(input[key]) as KeyResult;
        if (r.success) data[key] = r.data;
        else for (const i of r.error?.issues ?? []) issues.push({ ...i, path: [key, ...i.path] });
      }
      return issues.length === 0 ? { success: true, data } : { success: false, error: { issues } };
    },
  };
  return parseConfig(objectSchema as never, env) as EnvOf<S>;
}

/**
 * The configuration at start: on any invalid key, prints them all (values
 * never shown) and exits 1 before anything else starts.
 */
export function loadServiceConfig<S extends EnvShape>(name: string, shape: S, env: Record<string, string | undefined> = process.env): EnvOf<S> {
  try {
    return parseEnvShape(shape, env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${name}: ${err.message}\n`);
    process.exit(1);
  }
}
