#!/usr/bin/env node
import { createRepositories, openDatabase } from '@hds/db';
import { closeConnection, createBullmqProducer, createWorkerConnection, pingRedis, startQueueWorker } from '@hds/jobs';
import { createLogger } from '@hds/logger';
import { handleWebhookDeliver, type WebhookDeliverySettings } from '@hds/pipeline';
import { createReadinessCheck, loadServiceConfig, runService } from '@hds/service';
import { createSecretBox, createTargetPolicy } from '@hds/webhooks';
import { NOTIFIER_ENV } from './notifier.env.ts';
import { startRelayLoop } from './relay.loop.ts';

/**
 * The notifier: relays the outbox of events (written by evaluations in their
 * transactions) to the `notify` queue, and serves it: one signed delivery
 * attempt per job, retried with backoff, every attempt recorded. Runs as
 * many replicas as wanted (the relay skips rows another one holds).
 */
async function main(): Promise<void> {
  const config = loadServiceConfig('notifier', NOTIFIER_ENV);
  const logger = createLogger({ name: 'notifier', level: config.LOG_LEVEL });
  await runService({
    name: 'notifier',
    logger,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    healthPort: config.HEALTH_PORT,
    async start() {
      const database = await openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
      const repos = createRepositories(database.db);
      const connection = createWorkerConnection(config.REDIS_URL, logger);
      const producer = createBullmqProducer({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX });
      const settings: WebhookDeliverySettings = {
        secrets: createSecretBox(config.WEBHOOK_SECRET_KEY),
        policy: createTargetPolicy({ allowedTargets: config.WEBHOOK_ALLOWED_TARGETS, allowHttp: config.WEBHOOK_ALLOW_HTTP }),
        timeoutMs: config.WEBHOOK_TIMEOUT_MS,
        retry: { maxAttempts: config.WEBHOOK_MAX_ATTEMPTS, baseMs: config.WEBHOOK_BACKOFF_BASE_MS, maxMs: config.WEBHOOK_BACKOFF_MAX_MS },
        disableAfterFailures: config.WEBHOOK_DISABLE_AFTER_FAILURES,
      };
      const deps = { repos, logger, now: () => new Date() };
      const worker = startQueueWorker({
        queue: 'notify',
        handlers: { 'webhook.deliver': (p, ctx) => handleWebhookDeliver(deps, settings, p, ctx) },
        redisUrl: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        concurrency: config.WORKER_CONCURRENCY,
        lockDurationMs: config.JOB_LOCK_MS,
        logger,
        producer,
        connection,
      });
      // A pending delivery untouched for longer than any retry could wait has lost its job.
      const stuckAfterMs = 2 * config.WEBHOOK_BACKOFF_MAX_MS + 2 * config.WEBHOOK_TIMEOUT_MS + 2 * config.JOB_LOCK_MS;
      const relay = startRelayLoop({ repos, enqueue: (jobs) => producer.enqueueMany(jobs), intervalMs: config.WEBHOOK_RELAY_INTERVAL_MS, stuckAfterMs, logger });
      logger.info(
        { keyId: settings.secrets.keyId, maxAttempts: config.WEBHOOK_MAX_ATTEMPTS, timeoutMs: config.WEBHOOK_TIMEOUT_MS, allowHttp: config.WEBHOOK_ALLOW_HTTP, allowList: config.WEBHOOK_ALLOWED_TARGETS !== '' },
        'webhook delivery configured',
      );
      return {
        ready: createReadinessCheck({ redis: () => pingRedis(connection), database: () => repos.webhooks.get('00000000-0000-0000-0000-000000000000') }),
        async stop() {
          await relay.stop();
          await worker.close();
          await producer.close();
          await closeConnection(connection);
          await database.close();
        },
      };
    },
  });
}

await main();
