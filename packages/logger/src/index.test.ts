import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createLogger } from './index.ts';

it('never writes document text, excerpts or secrets', () => {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } });
  const log = createLogger({ name: 't', destination: sink });
  log.info({ documentId: 'd1', text: 'Patient Dupont', page: { text: 'diagnostic' }, evidence: { excerpt: 'secret clause' }, secret: 's3cr3t' }, 'page read');
  const out = lines.join('');
  expect(out).toContain('d1');
  for (const leaked of ['Patient Dupont', 'diagnostic', 'secret clause', 's3cr3t']) expect(out).not.toContain(leaked);
});
