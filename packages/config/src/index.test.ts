import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, envBoolean, envInt, parseConfig, registrySourceProblem } from './index.ts';

const schema = z.object({
  DATABASE_URL: z.string().url(),
  WORKERS: envInt(1, 64).default(2),
  OCR_ENABLED: envBoolean.default(true),
  MODE: z.enum(['a', 'b']),
});

describe('parseConfig', () => {
  it('parses booleans honestly and applies defaults', () => {
    const c = parseConfig(schema, { DATABASE_URL: 'postgres://x@h/db', OCR_ENABLED: 'false', MODE: 'a' });
    expect(c).toEqual({ DATABASE_URL: 'postgres://x@h/db', WORKERS: 2, OCR_ENABLED: false, MODE: 'a' });
  });
  it('reports every invalid key at once without echoing secrets', () => {
    try {
      parseConfig(schema, { DATABASE_URL: 'not a url with password hunter2', WORKERS: '0', OCR_ENABLED: 'maybe' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const err = e as ConfigError;
      expect(err.issues.map((i) => i.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'MODE', 'OCR_ENABLED', 'WORKERS']);
      expect(err.message).not.toContain('hunter2');
    }
  });
});

describe('registrySourceProblem', () => {
  it('accepts no source, a folder or an http(s) URL; refuses both, and other schemes', () => {
    expect(registrySourceProblem({})).toBeNull();
    expect(registrySourceProblem({ REGISTRY_SOURCE_DIR: '/srv/registre' })).toBeNull();
    expect(registrySourceProblem({ REGISTRY_SOURCE_URL: 'HTTPS://ans.example/registre.csv?token=x' })).toBeNull();
    expect(registrySourceProblem({ REGISTRY_SOURCE_URL: 'https://ans.example/r.csv', REGISTRY_SOURCE_DIR: '/srv/registre' })).toBe('Set REGISTRY_SOURCE_URL or REGISTRY_SOURCE_DIR, not both');
    expect(registrySourceProblem({ REGISTRY_SOURCE_URL: 'ftp://ans.example/r.csv' })).toBe('REGISTRY_SOURCE_URL must be an http(s) URL');
  });
});
