import { createRepositories, openDatabase, type DatabaseHandle } from '@hds/db';
import { createExtractionPool, type TextExtractor } from '@hds/extraction';
import type { Logger } from '@hds/logger';
import { createS3Store, type ObjectStore } from '@hds/storage';
import type { PipelineDeps } from './deps.ts';

export interface ServiceResourcesConfig {
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
  S3_ENDPOINT?: string | undefined;
  S3_REGION: string;
  S3_BUCKET: string;
  S3_ACCESS_KEY_ID: string;
  S3_SECRET_ACCESS_KEY: string;
  S3_FORCE_PATH_STYLE: boolean;
  S3_CREATE_BUCKET: boolean;
}

export interface ServiceResources {
  deps: PipelineDeps;
  database: DatabaseHandle;
  store: ObjectStore;
  extractor: TextExtractor | null;
  close(): Promise<void>;
}

/**
 * The distributed mode's adapters for the stage handlers: PostgreSQL, S3 and,
 * for processes that extract text, a worker-thread pool. Services build this
 * once at start and close it on shutdown.
 */
export async function openServiceResources(config: ServiceResourcesConfig, logger: Logger, opts: { extractionThreads?: number } = {}): Promise<ServiceResources> {
  const database = await openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  const store = createS3Store({
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
    region: config.S3_REGION,
    bucket: config.S3_BUCKET,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    ensureBucket: config.S3_CREATE_BUCKET,
  });
  const extractor = opts.extractionThreads ? createExtractionPool(opts.extractionThreads) : null;
  const deps: PipelineDeps = { repos: createRepositories(database.db), store, logger, now: () => new Date(), ...(extractor ? { extractor } : {}) };
  return {
    deps,
    database,
    store,
    extractor,
    async close() {
      await extractor?.close();
      await store.close();
      await database.close();
    },
  };
}
