// Writes services/<name>/.env.example from each service's *.env.ts (a test keeps them in step).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { envExamples } from '../src/env-example.ts';

const root = new URL('../../../', import.meta.url).pathname;
for (const [path, content] of await envExamples(root)) {
  writeFileSync(join(root, path), content);
  process.stdout.write(`wrote ${path}\n`);
}
