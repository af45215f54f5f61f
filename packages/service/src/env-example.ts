import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeEnv } from '@hds/config';
import type { EnvShape } from './env.loader.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

function isShape(value: unknown): value is EnvShape {
  if (!value || typeof value !== 'object') return false;
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([k, v]) => /^[A-Z][A-Z0-9_]*$/.test(k) && typeof (v as { safeParse?: unknown }).safeParse === 'function');
}

/**
 * `.env.example` of every service that declares its environment in a
 * `services/<name>/src/*.env.ts` file (an exported shape of fragments),
 * generated with `describeEnv`: path → content.
 */
export async function envExamples(root: string = ROOT): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const service of readdirSync(join(root, 'services')).sort()) {
    let files: string[];
    try {
      files = readdirSync(join(root, 'services', service, 'src')).filter((f) => f.endsWith('.env.ts')).sort();
    } catch {
      continue;
    }
    for (const file of files) {
      const mod = (await import(pathToFileURL(join(root, 'services', service, 'src', file)).href)) as Record<string, unknown>;
      for (const shape of Object.values(mod).filter(isShape)) {
        const header = `# ${service}: its environment, generated from services/${service}/src/${file}\n# by \`node packages/service/scripts/write-env-examples.ts\` (do not edit by hand).\n# Empty values are required (or optional without default); the others are the defaults.\n\n`;
        out.set(join('services', service, '.env.example'), `${header}${describeEnv(shape as never)}\n`);
      }
    }
  }
  return out;
}
