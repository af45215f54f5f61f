#!/usr/bin/env node
import { availableParallelism } from 'node:os';
import { createExtractionPool } from '@hds/extraction';
import { closeConnection, createBullmqProducer, createWorkerConnection, pingRedis, startQueueWorker } from '@hds/jobs';
import { createLogger } from '@hds/logger';
import { createStageHandlers, openServiceResources } from '@hds/pipeline';
import { createReadinessCheck, loadServiceConfig, runService } from '@hds/service';
import { EXTRACT_WORKER_ENV } from './worker.env.ts';

// A primary-key lookup: PostgreSQL answers and the schema is there.
const NO_DOCUMENT = '00000000-0000-0000-0000-000000000000';

async function main(): Promise<void> {
  const config = loadServiceConfig('extract-worker', EXTRACT_WORKER_ENV);
  const logger = createLogger({ name: 'extract-worker', level: config.LOG_LEVEL });
  await runService({
    name: 'extract-worker',
    logger,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    healthPort: config.HEALTH_PORT,
    async start() {
      const resources = await openServiceResources(config, logger);
      // Text layers and OCR run in worker threads: the event loop stays free to renew job locks.
      const threads = config.OCR_THREADS ?? availableParallelism();
      const extractor = createExtractionPool(threads, { ocr: config.OCR_ENABLED });
      const connection = createWorkerConnection(config.REDIS_URL, logger);
      const producer = createBullmqProducer({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX });
      const worker = startQueueWorker({
        queue: 'extract',
        handlers: createStageHandlers({ ...resources.deps, extractor }),
        redisUrl: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        concurrency: config.WORKER_CONCURRENCY,
        lockDurationMs: config.JOB_LOCK_MS,
        logger,
        producer,
        connection,
      });
      logger.info({ threads, ocr: config.OCR_ENABLED }, 'extraction pool ready');
      return {
        ready: createReadinessCheck({
          redis: () => pingRedis(connection),
          database: () => resources.deps.repos.documents.getState(NO_DOCUMENT),
          storage: () => resources.store.head('health/readyz'),
        }),
        async stop() {
          await worker.close();
          await producer.close();
          await closeConnection(connection);
          await extractor.close();
          await resources.close();
        },
      };
    },
  });
}

await main();
