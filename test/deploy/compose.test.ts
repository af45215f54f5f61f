import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redisEnv } from '@hds/config';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  COMPOSE_FILE,
  REPO_ROOT,
  argv,
  composeSchemaValidator,
  dependenciesOf,
  durationMs,
  environmentOf,
  loadCompose,
  readComposeRaw,
  stringsWithPaths,
  variablesIn,
  type ComposeFile,
  type ComposeService,
} from './compose.loader.ts';
import { envSchemaOf, parseServiceEnv } from './service-env.ts';

// No Docker engine or compose plugin runs here: this reads docker-compose.yml
// as `docker compose config` would and checks what a user of the stack would
// otherwise discover at `docker compose up`.

const compose: ComposeFile = loadCompose({}); // a fresh clone: no .env, nothing exported
const services = Object.entries(compose.services);
const APP_IMAGE = compose.services.intake?.image;
const appServices = services.filter(([, s]) => s.image === APP_IMAGE);
const WORKERS = ['extract-worker', 'parse-worker', 'rules-worker'];

/** The `.ts` file a service's Node process runs (`services/<dir>/src/main.ts`). */
function entryFile(service: ComposeService): string | undefined {
  return [...argv(service.entrypoint), ...argv(service.command)].find((a) => a.endsWith('.ts'));
}

function serviceDir(service: ComposeService): string {
  const m = /^services\/([^/]+)\//.exec(entryFile(service) ?? '');
  if (!m) throw new Error(`no services/<name>/ entry file in ${JSON.stringify(service.command)}`);
  return m[1]!;
}

/**
 * Redis's effective settings: the config file named on the command line (read
 * from the repository through its bind mount), then `--name value` flags.
 */
function redisSettings(service: ComposeService): Map<string, string> {
  const args = argv(service.command);
  const settings = new Map<string, string>();
  expect(args[0]).toBe('redis-server');
  const confInContainer = args[1] && !args[1].startsWith('--') ? args[1] : undefined;
  if (confInContainer) {
    const mount = (service.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':') : [v.source ?? '', v.target ?? ''])).find((m) => m[1] === confInContainer);
    expect(mount, `${confInContainer} is mounted from the repository`).toBeDefined();
    for (const line of readFileSync(join(REPO_ROOT, mount![0]!), 'utf8').split('\n')) {
      const m = /^\s*([a-z-]+)\s+(.+?)\s*$/.exec(line);
      if (m && !line.trimStart().startsWith('#')) settings.set(m[1]!, m[2]!.replace(/^"(.*)"$/, '$1'));
    }
  }
  for (let i = confInContainer ? 2 : 1; i < args.length; i++) {
    if (args[i]!.startsWith('--')) settings.set(args[i]!.slice(2), args[i + 1] ?? '');
  }
  return settings;
}

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    const validate = composeSchemaValidator();
    const ok = validate(compose);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('starts on a fresh clone: every variable has a default, and secrets can be set from .env', () => {
    const raw = stringsWithPaths(readComposeRaw());
    const withoutDefault = raw.flatMap(({ path, value }) => variablesIn(value).filter((v) => v.operator !== ':-' && v.operator !== '-').map((v) => `${path}: ${v.name}`));
    expect(withoutDefault).toEqual([]);
    // A password or secret written literally could not be changed without editing the file.
    const literalSecrets = raw.filter(({ path, value }) => /(PASSWORD|SECRET)[^.]*$/.test(path) && !value.includes('${') && !value.startsWith('*'));
    expect(literalSecrets.map((s) => s.path)).toEqual([]);
    expect(readFileSync(COMPOSE_FILE, 'utf8')).toMatch(/DEV/);
  });

  it('has the whole stack: Redis, MinIO and its bucket, PostgreSQL, migrate, intake, the workers, the scheduler', () => {
    for (const name of ['redis', 'minio', 'minio-init', 'postgres', 'migrate', 'intake', ...WORKERS, 'scheduler', 'notifier']) expect(compose.services, name).toHaveProperty(name);
    expect(compose.services.redis!.image).toMatch(/^redis:7(\.|-|$)/);
    expect(compose.services.postgres!.image).toMatch(/^postgres:1[56](\.|-|$)/);
    expect(compose.services['minio-init']!.image).toMatch(/^(quay\.io\/)?minio\/mc:/);
  });

  it('runs one application image, built from infra/Dockerfile, for every Node service', () => {
    expect(appServices.map(([name]) => name).sort()).toEqual(expect.arrayContaining(['migrate', 'intake', ...WORKERS, 'scheduler', 'notifier']));
    const build = compose.services.intake!.build;
    const context = typeof build === 'string' ? build : build?.context;
    const dockerfile = typeof build === 'string' || !build?.dockerfile ? 'Dockerfile' : build.dockerfile;
    expect(context).toBeDefined();
    expect(existsSync(join(REPO_ROOT, context!, dockerfile))).toBe(true);
  });

  it.each(appServices)('%s: its command runs a file that exists in the repository', (_name, service) => {
    const file = entryFile(service);
    expect(file).toBeDefined();
    expect(existsSync(join(REPO_ROOT, file!)), `${file} does not exist`).toBe(true);
    expect([...argv(service.entrypoint), ...argv(service.command)][0] === 'node' || argv(service.entrypoint).includes('node')).toBe(true);
  });

  describe('environments, parsed by each service’s own configuration schema', () => {
    const parsed = new Map<string, Record<string, unknown>>();
    beforeAll(async () => {
      for (const [name, service] of appServices) {
        const schema = await envSchemaOf(serviceDir(service));
        // `docker compose run --rm hds jobs failed` reaches the queues too.
        if (name === 'hds') schema.shape = { ...schema.shape, ...redisEnv };
        const { data, problems } = parseServiceEnv(schema, environmentOf(service));
        expect(problems, `${name} (schema from ${schema.source})`).toEqual([]);
        parsed.set(name, data);
      }
    });

    it('every required variable is set and valid', () => {
      expect([...parsed.keys()].sort()).toEqual(appServices.map(([n]) => n).sort());
    });

    it('each process starts after what its configuration uses: schema migrated, bucket created, Redis healthy', () => {
      for (const [name, service] of appServices) {
        if (name === 'migrate') continue;
        const data = parsed.get(name)!;
        const deps = Object.fromEntries(dependenciesOf(service).map((d) => [d.name, d.condition]));
        const expected: Record<string, string> = {};
        if ('DATABASE_URL' in data) expected.migrate = 'service_completed_successfully';
        if ('REDIS_URL' in data) expected.redis = 'service_healthy';
        if ('S3_BUCKET' in data) expected['minio-init'] = 'service_completed_successfully';
        expect(deps, name).toMatchObject(expected);
      }
    });

    it('stop_grace_period leaves the shutdown deadline (SHUTDOWN_TIMEOUT_MS) time to run out', () => {
      for (const [name, service] of appServices) {
        const deadline = parsed.get(name)?.SHUTDOWN_TIMEOUT_MS;
        if (typeof deadline !== 'number') continue;
        // Docker's default grace period is 10 s; past it, SIGKILL.
        const grace = durationMs(service.stop_grace_period ?? '10s');
        expect(grace, `${name}: stop_grace_period ${service.stop_grace_period} <= SHUTDOWN_TIMEOUT_MS ${deadline}`).toBeGreaterThan(deadline);
      }
    });

    it('healthchecks call /healthz or /readyz on the port the service listens on', () => {
      for (const [name, service] of appServices) {
        if (service.profiles?.length || service.restart === 'no') continue; // one-shots and tools
        const test = argv(service.healthcheck?.test).join(' ');
        const m = /http:\/\/(?:127\.0\.0\.1|localhost):(\d+)\/(healthz|readyz)\b/.exec(test);
        expect(m, `${name}: healthcheck ${test}`).not.toBeNull();
        const data = parsed.get(name)!;
        const port = 'HEALTH_PORT' in data ? data.HEALTH_PORT : data.PORT;
        expect(Number(m![1]), `${name} listens on ${String(port)}`).toBe(port);
      }
    });

    it('the URLs point at services of this file, and credentials match the servers', () => {
      const pg = environmentOf(compose.services.postgres!);
      const minio = environmentOf(compose.services.minio!);
      for (const [name] of appServices) {
        const data = parsed.get(name)!;
        if (typeof data.DATABASE_URL === 'string') {
          const url = new URL(data.DATABASE_URL);
          expect(url.hostname, name).toBe('postgres');
          expect([decodeURIComponent(url.username), decodeURIComponent(url.password), url.pathname.slice(1)], name).toEqual([pg.POSTGRES_USER, pg.POSTGRES_PASSWORD, pg.POSTGRES_DB]);
        }
        if (typeof data.REDIS_URL === 'string') expect(new URL(data.REDIS_URL).hostname, name).toBe('redis');
        if (typeof data.S3_ENDPOINT === 'string') {
          expect(new URL(data.S3_ENDPOINT).hostname, name).toBe('minio');
          expect([data.S3_ACCESS_KEY_ID, data.S3_SECRET_ACCESS_KEY], name).toEqual([minio.MINIO_ROOT_USER, minio.MINIO_ROOT_PASSWORD]);
          expect(data.S3_BUCKET, `${name}: the bucket minio-init creates`).toBe(environmentOf(compose.services['minio-init']!).S3_BUCKET);
        }
      }
    });
  });

  it('the intake, the notifier and the hds tool seal and open webhook secrets with one key', () => {
    const keys = ['intake', 'notifier', 'hds'].map((name) => environmentOf(compose.services[name]!).WEBHOOK_SECRET_KEY);
    expect(keys[0]).toBeTruthy();
    expect(new Set(keys).size).toBe(1);
    expect(loadCompose({ WEBHOOK_SECRET_KEY: 'from-env' }).services.notifier!.environment).toMatchObject({ WEBHOOK_SECRET_KEY: 'from-env' });
  });

  it('migrate runs `hds migrate` once PostgreSQL is healthy', () => {
    expect(Object.fromEntries(dependenciesOf(compose.services.migrate!).map((d) => [d.name, d.condition]))).toEqual({ postgres: 'service_healthy' });
    expect(argv(compose.services.migrate!.command).slice(-1)).toEqual(['migrate']);
  });

  it('depends_on: targets exist, and each condition can be met', () => {
    for (const [name, service] of services) {
      for (const dep of dependenciesOf(service)) {
        const target = compose.services[dep.name];
        expect(target, `${name} depends on missing ${dep.name}`).toBeDefined();
        if (dep.condition === 'service_healthy') expect(target!.healthcheck?.test, `${dep.name} needs a healthcheck`).toBeDefined();
        // A one-shot that restarts never "completes".
        if (dep.condition === 'service_completed_successfully') expect(target!.restart ?? 'no', `${dep.name} must not restart`).toBe('no');
      }
    }
  });

  it('has no dependency cycle', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (name: string, path: string[]): void => {
      if (state.get(name) === 'done') return;
      if (state.get(name) === 'visiting') throw new Error(`dependency cycle: ${[...path, name].join(' -> ')}`);
      state.set(name, 'visiting');
      for (const d of dependenciesOf(compose.services[name] ?? {})) visit(d.name, [...path, name]);
      state.set(name, 'done');
    };
    for (const [name] of services) expect(() => visit(name, [])).not.toThrow();
  });

  it('long-running services restart; one-shots do not', () => {
    for (const [name, service] of services) {
      if (service.profiles?.length) continue;
      const oneShot = name === 'migrate' || name === 'minio-init';
      expect(service.restart, name).toBe(oneShot ? 'no' : 'unless-stopped');
    }
  });

  it.each(WORKERS)('%s scales with --scale: no fixed container name, no published port', (name) => {
    const service = compose.services[name]!;
    expect(service.container_name).toBeUndefined();
    expect(service.ports ?? []).toEqual([]);
  });

  it('the intake API is published on port 8080', () => {
    expect(compose.services.intake!.ports).toContain('8080:8080');
    expect(loadCompose({ INTAKE_PORT: '9999' }).services.intake!.ports).toContain('9999:8080');
  });

  it('PostgreSQL, Redis and MinIO keep their data in named volumes', () => {
    const expected: Record<string, string> = { postgres: '/var/lib/postgresql/data', redis: '/data', minio: '/data' };
    for (const [name, target] of Object.entries(expected)) {
      const mounts = (compose.services[name]!.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':') : [v.source ?? '', v.target ?? '']));
      const mount = mounts.find((m) => m[1] === target);
      expect(mount, `${name} mounts ${target}`).toBeDefined();
      expect(compose.volumes ?? {}, `${name}: volume ${mount![0]} declared`).toHaveProperty(mount![0]!);
    }
  });

  it('Redis keeps the queues: maxmemory-policy noeviction, append-only file on', () => {
    const settings = redisSettings(compose.services.redis!);
    // Any eviction policy lets Redis drop BullMQ's job keys and locks under memory pressure.
    expect(settings.get('maxmemory-policy')).toBe('noeviction');
    expect(settings.get('appendonly')).toBe('yes');
    expect(['everysec', 'always']).toContain(settings.get('appendfsync') ?? 'everysec');
  });

  it('bind-mounted files exist', () => {
    for (const [name, service] of services) {
      for (const v of service.volumes ?? []) {
        const source = typeof v === 'string' ? v.split(':')[0]! : v.type === 'bind' ? v.source ?? '' : '';
        if (source.startsWith('.') || source.startsWith('/')) expect(existsSync(join(REPO_ROOT, source)), `${name}: ${source}`).toBe(true);
      }
    }
  });
});
