import type { JobHandlers } from '@hds/jobs';
import type { PipelineDeps } from './deps.ts';
import { handleEvaluate } from './evaluate.handler.ts';
import { handleExtract } from './extract.handler.ts';
import { handleParse } from './parse.handler.ts';
import { handleRecheck } from './recheck.ts';
import { createRegistryCache } from './registry-cache.ts';
import { handleRegistryRefresh, type RegistryRefreshSettings } from './registry-refresh.ts';
import { handleSweep } from './sweep.ts';
import { handleWebhookDeliver, type WebhookDeliverySettings } from './webhook-deliver.handler.ts';

export interface StageHandlerOptions {
  /** The registry refresh's source and queue (the scheduler); without it `registry.refresh` is skipped. */
  registryRefresh?: RegistryRefreshSettings;
  /** The notifier's delivery settings; without them `webhook.deliver` fails as not configured (no other process serves queue notify). */
  webhooks?: WebhookDeliverySettings;
}

/** The stage handlers bound to their dependencies: what every runner (inline or BullMQ) executes. */
export function createStageHandlers(deps: PipelineDeps, opts: StageHandlerOptions = {}): JobHandlers {
  const withRegistries = { ...deps, registries: createRegistryCache(deps.repos) };
  return {
    'document.extract': (p, ctx) => handleExtract(deps, p, ctx),
    'document.parse': (p, ctx) => handleParse(deps, p, ctx),
    'vendor.evaluate': (p, ctx) => handleEvaluate(withRegistries, p, ctx),
    'documents.sweep': (p, ctx) => handleSweep(deps, p, ctx),
    'vendors.recheck': (p, ctx) => handleRecheck(deps, p, ctx),
    'registry.refresh': (p, ctx) => handleRegistryRefresh(deps, p, ctx, opts.registryRefresh),
    'webhook.deliver': (p, ctx) => handleWebhookDeliver(deps, opts.webhooks, p, ctx),
  };
}
