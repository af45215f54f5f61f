#!/usr/bin/env node
import { closeConnection, createBullmqProducer, createWorkerConnection, jobsOfQueue, JOB_CATALOG, pingRedis, startQueueWorker, syncJobSchedulers } from '@hds/jobs';
import { createLogger } from '@hds/logger';
import { createStageHandlers, openServiceResources } from '@hds/pipeline';
import { createReadinessCheck, loadServiceConfig, runService } from '@hds/service';
import { SCHEDULER_ENV } from './scheduler.env.ts';
import { declaredSchedules, registrySourceOf, registryTenantsOf } from './schedules.ts';

const NO_DOCUMENT = '00000000-0000-0000-0000-000000000000';

/**
 * Owns the repeatable jobs: puts the declared job schedulers in place (safe
 * with several replicas: upserts by stable id) and runs the queues of the
 * jobs they produce (`maintenance`: sweep, daily re-check, registry refresh).
 */
async function main(): Promise<void> {
  const config = loadServiceConfig('scheduler', SCHEDULER_ENV);
  const logger = createLogger({ name: 'scheduler', level: config.LOG_LEVEL });
  await runService({
    name: 'scheduler',
    logger,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    healthPort: config.HEALTH_PORT,
    async start() {
      const resources = await openServiceResources(config, logger);
      const connection = createWorkerConnection(config.REDIS_URL, logger);
      const producer = createBullmqProducer({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX });
      const schedules = declaredSchedules(config);
      await syncJobSchedulers({ connection, prefix: config.QUEUE_PREFIX, schedules, logger });
      const source = registrySourceOf(config);
      const handlers = createStageHandlers(resources.deps, {
        ...(source ? { registryRefresh: { source, tenants: registryTenantsOf(config), enqueue: (jobs) => producer.enqueueMany(jobs) } } : {}),
      });
      const queues = [...new Set(schedules.map((s) => JOB_CATALOG[s.job.name].queue))];
      const workers = queues.map((queue) =>
        startQueueWorker({
          queue,
          handlers: Object.fromEntries(jobsOfQueue(queue).map((n) => [n, handlers[n]])),
          redisUrl: config.REDIS_URL,
          prefix: config.QUEUE_PREFIX,
          concurrency: 1,
          lockDurationMs: config.JOB_LOCK_MS,
          logger,
          producer,
          connection,
        }),
      );
      return {
        ready: createReadinessCheck({ redis: () => pingRedis(connection), database: () => resources.deps.repos.documents.getState(NO_DOCUMENT) }),
        async stop() {
          await Promise.all(workers.map((w) => w.close()));
          await producer.close();
          await closeConnection(connection);
          await resources.close();
        },
      };
    },
  });
}

await main();
