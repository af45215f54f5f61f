import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envExamples } from './env-example.ts';

const root = new URL('../../../', import.meta.url).pathname;

describe('.env.example files', () => {
  it('are in step with the services’ environment schemas', async () => {
    const examples = await envExamples(root);
    expect([...examples.keys()]).toEqual(expect.arrayContaining(['services/extract-worker/.env.example', 'services/parse-worker/.env.example', 'services/rules-worker/.env.example', 'services/scheduler/.env.example']));
    for (const [path, content] of examples) {
      let onDisk = '';
      try {
        onDisk = readFileSync(join(root, path), 'utf8');
      } catch {
        // reported below
      }
      expect(onDisk, `${path} is stale: node packages/service/scripts/write-env-examples.ts`).toBe(content);
    }
  });
});
