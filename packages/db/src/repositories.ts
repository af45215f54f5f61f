import type { Kysely } from 'kysely';
import { createApiKeysRepository } from './api-keys.repository.ts';
import { createDocumentsRepository } from './documents.repository.ts';
import { createEvaluationsRepository } from './evaluations.repository.ts';
import { createFindingChangesRepository } from './finding-changes.repository.ts';
import { createRegistryRepository } from './registry.repository.ts';
import { createRegistrySourcesRepository } from './registry-sources.repository.ts';
import type { Database } from './schema.ts';
import { createVendorScanRepository } from './vendor-scan.repository.ts';
import { createVendorsRepository } from './vendors.repository.ts';
import { createEventsRepository } from './events.repository.ts';
import { createWebhooksRepository } from './webhooks.repository.ts';

export function createRepositories(db: Kysely<Database>) {
  return {
    documents: createDocumentsRepository(db),
    vendors: createVendorsRepository(db),
    registry: createRegistryRepository(db),
    evaluations: createEvaluationsRepository(db),
    apiKeys: createApiKeysRepository(db),
    registrySources: createRegistrySourcesRepository(db),
    vendorScan: createVendorScanRepository(db),
    findingChanges: createFindingChangesRepository(db),
    webhooks: createWebhooksRepository(db),
    events: createEventsRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
