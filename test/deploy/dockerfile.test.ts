import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, argv, loadCompose } from './compose.loader.ts';
import { contextSources, dockerignore, execForm, readStages } from './dockerfile.reader.ts';

// No Docker engine here to build the image: this reads infra/Dockerfile and
// .dockerignore and checks what a build, then a container, would trip on.

const DOCKERFILE = join(REPO_ROOT, 'infra/Dockerfile');
const { globalArgs, stages } = readStages(DOCKERFILE);
const stageNames = new Set(stages.map((s) => s.name).filter(Boolean));
const runtime = stages.at(-1)!;
const isIgnored = dockerignore(readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8'));
const all = stages.flatMap((s) => s.instructions);

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (keep(full)) out.push(relative(REPO_ROOT, full));
    }
  };
  walk(join(REPO_ROOT, dir));
  return out;
}

describe('infra/Dockerfile', () => {
  it('builds on Node >= 22.13 (types stripped natively, no build step)', () => {
    const images = stages.map((s) => s.image).filter((image) => !stageNames.has(image));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      const m = /^(?:docker\.io\/(?:library\/)?)?node:(\d+)(?:\.(\d+))?/.exec(image);
      expect(m, `${image} is not an official node image`).not.toBeNull();
      const [major, minor] = [Number(m![1]), m![2] === undefined ? Infinity : Number(m![2])];
      expect(major > 22 || (major === 22 && minor >= 13), `${image}: Node ${major}.${minor}`).toBe(true);
    }
  });

  it('installs with the pnpm version of the toolchain, from the lockfile, production dependencies only', () => {
    const toolchain = readFileSync(join(REPO_ROOT, 'infra/scripts/toolchain.sh'), 'utf8');
    const pinned = /_hds_pnpm_version=(\S+)/.exec(toolchain)?.[1];
    expect(globalArgs.PNPM_VERSION).toBe(pinned);
    const install = all.find((i) => i.keyword === 'RUN' && /\bpnpm install\b/.test(i.args));
    expect(install?.args).toMatch(/--frozen-lockfile/);
    expect(install?.args).toMatch(/--prod\b/);
    const lockfileCopied = all.findIndex((i) => i.keyword === 'COPY' && /pnpm-lock\.yaml|^\. /.test(i.args));
    expect(lockfileCopied).toBeGreaterThanOrEqual(0);
    expect(lockfileCopied).toBeLessThan(all.indexOf(install!));
  });

  it('copies from the build context only files that exist and .dockerignore lets through', () => {
    const sources = stages.flatMap(contextSources);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(join(REPO_ROOT, source)), `${source} missing`).toBe(true);
      if (source !== '.') expect(isIgnored(source), `${source} is in .dockerignore`).toBe(false);
    }
  });

  it('runs as a non-root user, in production mode, under an init that forwards SIGTERM', () => {
    const user = runtime.instructions.filter((i) => i.keyword === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    expect(runtime.instructions.some((i) => i.keyword === 'ENV' && /\bNODE_ENV=production\b/.test(i.args))).toBe(true);
    const entrypoint = execForm(runtime.instructions.find((i) => i.keyword === 'ENTRYPOINT')?.args ?? '');
    // Exec form: a shell as PID 1 would swallow SIGTERM and the graceful shutdown with it.
    expect(entrypoint).not.toBeNull();
    expect(entrypoint![0]).toMatch(/\b(tini|dumb-init)$/);
    const cmd = runtime.instructions.find((i) => i.keyword === 'CMD');
    expect(execForm(cmd?.args ?? '')).not.toBeNull();
  });

  it('the final image holds the installed workspace (sources and node_modules)', () => {
    const copies = runtime.instructions.filter((i) => i.keyword === 'COPY');
    expect(copies.some((c) => /--from=(\S+)/.exec(c.args) && stageNames.has(/--from=(\S+)/.exec(c.args)![1]!))).toBe(true);
  });
});

describe('.dockerignore', () => {
  it('keeps out host installs, VCS, secrets and local state', () => {
    for (const path of ['node_modules', 'packages/db/node_modules/pg/index.js', '.git/HEAD', '.env', '.tools/node/bin/node', '.hds/db']) {
      expect(isIgnored(path), path).toBe(true);
    }
  });

  it('lets through every file a service needs at run time', () => {
    const needed = [
      'package.json',
      'pnpm-lock.yaml',
      'pnpm-workspace.yaml',
      ...filesUnder('packages', (f) => /\/package\.json$|\/migrations\/[^/]+\.sql$|\/src\/.*\.ts$/.test(f) && !/\.test\.ts$/.test(f)),
      ...filesUnder('services', (f) => /\/package\.json$|\/src\/.*\.ts$/.test(f) && !/\.test\.ts$/.test(f)),
    ];
    expect(needed.length).toBeGreaterThan(50);
    expect(needed.filter(isIgnored)).toEqual([]);
  });

  it('lets through the file each compose service runs', () => {
    for (const [name, service] of Object.entries(loadCompose({}).services)) {
      const file = [...argv(service.entrypoint), ...argv(service.command)].find((a) => a.endsWith('.ts'));
      if (file) expect(isIgnored(file), `${name}: ${file}`).toBe(false);
    }
  });

  it('follows Docker’s matching rules', () => {
    const match = dockerignore('**/node_modules\n*.md\n!README.md\ntest\n');
    expect(match('a/b/node_modules/x')).toBe(true);
    expect(match('node_modules')).toBe(true);
    expect(match('NOTES.md')).toBe(true);
    expect(match('README.md')).toBe(false);
    expect(match('docs/NOTES.md')).toBe(false);
    expect(match('test/e2e/a.ts')).toBe(true);
    expect(match('services/test.ts')).toBe(false);
  });
});
