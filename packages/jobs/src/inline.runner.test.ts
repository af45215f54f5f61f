import { describe, expect, it } from 'vitest';
import { AppError } from '@hds/core';
import { silentLogger } from '@hds/logger';
import type { JobHandlers } from './handler.ts';
import { createInlineRunner } from './inline.runner.ts';

const tenantId = 't';
const doc = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function handlers(overrides: Partial<JobHandlers> = {}): { calls: string[]; handlers: JobHandlers } {
  const calls: string[] = [];
  return {
    calls,
    handlers: {
      'document.extract': async (p) => {
        calls.push(`extract ${p.documentId}`);
        return { outcome: 'done', next: [{ name: 'document.parse', payload: p }] };
      },
      'document.parse': async (p) => {
        calls.push(`parse ${p.documentId}`);
        return { outcome: 'done' };
      },
      'vendor.evaluate': async (p) => {
        calls.push(`evaluate ${p.vendorId}`);
        return { outcome: 'done' };
      },
      'documents.sweep': async () => ({ outcome: 'skipped' }),
      'vendors.recheck': async () => ({ outcome: 'skipped' }),
      'registry.refresh': async () => ({ outcome: 'skipped' }),
      'webhook.deliver': async () => ({ outcome: 'skipped' }),
      ...overrides,
    },
  };
}

describe('inline runner', () => {
  it('runs follow-ups and runs a job asked twice once', async () => {
    const h = handlers();
    const runner = createInlineRunner({ handlers: h.handlers, logger: silentLogger() });
    runner.enqueue({ name: 'document.extract', payload: { tenantId, documentId: doc(1) } });
    runner.enqueue({ name: 'document.extract', payload: { tenantId, documentId: doc(1) } });
    runner.enqueue({ name: 'document.extract', payload: { tenantId, documentId: doc(2) } });
    await runner.drain();
    expect(h.calls.sort()).toEqual([`extract ${doc(1)}`, `extract ${doc(2)}`, `parse ${doc(1)}`, `parse ${doc(2)}`]);
    expect(runner.stats.completed).toBe(4);
  });

  it('retries thrown infrastructure errors, not bad input', async () => {
    let tries = 0;
    const h = handlers({
      'document.extract': async (p) => {
        tries++;
        if (p.documentId === doc(1) && tries < 3) throw new AppError('storage.unavailable', 'down', { retryable: true });
        if (p.documentId === doc(2)) throw new AppError('job.payload_invalid', 'bad');
        return { outcome: 'done' };
      },
    });
    const runner = createInlineRunner({ handlers: h.handlers, logger: silentLogger(), backoffMs: 1 });
    runner.enqueue({ name: 'document.extract', payload: { tenantId, documentId: doc(1) } });
    await runner.drain();
    expect(tries).toBe(3);
    runner.enqueue({ name: 'document.extract', payload: { tenantId, documentId: doc(2) } });
    await runner.drain();
    expect(tries).toBe(4);
    expect(runner.stats).toMatchObject({ completed: 1, failed: 1, retried: 2 });
  });

  it('refuses an invalid payload at the producer edge', () => {
    const runner = createInlineRunner({ handlers: handlers().handlers, logger: silentLogger() });
    expect(() => runner.enqueue({ name: 'document.extract', payload: { tenantId, documentId: 'not-a-uuid' } })).toThrow();
  });
});
