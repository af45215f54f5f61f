import type { JobHandlers } from '@hds/jobs';
import type { PipelineDeps } from './deps.ts';
import { handleEvaluate } from './evaluate.handler.ts';
import { handleExtract } from './extract.handler.ts';
import { handleParse } from './parse.handler.ts';
import { createRegistryCache } from './registry-cache.ts';
import { handleSweep } from './sweep.ts';

/** The stage handlers bound to their dependencies: what every runner (inline or BullMQ) executes. */
export function createStageHandlers(deps: PipelineDeps): JobHandlers {
  const withRegistries = { ...deps, registries: createRegistryCache(deps.repos) };
  return {
    'document.extract': (p, ctx) => handleExtract(deps, p, ctx),
    'document.parse': (p, ctx) => handleParse(deps, p, ctx),
    'vendor.evaluate': (p, ctx) => handleEvaluate(withRegistries, p, ctx),
    'documents.sweep': (p, ctx) => handleSweep(deps, p, ctx),
  };
}
