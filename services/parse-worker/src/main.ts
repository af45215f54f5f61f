#!/usr/bin/env node
import { closeConnection, createBullmqProducer, createWorkerConnection, pingRedis, startQueueWorker } from '@hds/jobs';
import { createLogger } from '@hds/logger';
import { createStageHandlers, openServiceResources } from '@hds/pipeline';
import { createReadinessCheck, loadServiceConfig, runService } from '@hds/service';
import { PARSE_WORKER_ENV } from './worker.env.ts';

// A primary-key lookup: PostgreSQL answers and the schema is there.
const NO_DOCUMENT = '00000000-0000-0000-0000-000000000000';

async function main(): Promise<void> {
  const config = loadServiceConfig('parse-worker', PARSE_WORKER_ENV);
  const logger = createLogger({ name: 'parse-worker', level: config.LOG_LEVEL });
  await runService({
    name: 'parse-worker',
    logger,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    healthPort: config.HEALTH_PORT,
    async start() {
      const resources = await openServiceResources(config, logger);
      const connection = createWorkerConnection(config.REDIS_URL, logger);
      const producer = createBullmqProducer({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX });
      const worker = startQueueWorker({
        queue: 'parse',
        handlers: createStageHandlers(resources.deps),
        redisUrl: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        concurrency: config.WORKER_CONCURRENCY,
        lockDurationMs: config.JOB_LOCK_MS,
        logger,
        producer,
        connection,
      });
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
          await resources.close();
        },
      };
    },
  });
}

await main();
