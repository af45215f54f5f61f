#!/usr/bin/env node
import { closeConnection, createBullmqProducer, createWorkerConnection, pingRedis } from '@hds/jobs';
import { createLogger } from '@hds/logger';
import { openServiceResources } from '@hds/pipeline';
import { createReadinessCheck, loadServiceConfig, runService } from '@hds/service';
import { createSecretBox, createTargetPolicy } from '@hds/webhooks';
import { buildApp } from './app.ts';
import { INTAKE_ENV } from './intake.env.ts';

// A primary-key lookup: PostgreSQL answers and the schema is there.
const NO_DOCUMENT = '00000000-0000-0000-0000-000000000000';

async function main(): Promise<void> {
  const config = loadServiceConfig('intake', INTAKE_ENV);
  const logger = createLogger({ name: 'intake', level: config.LOG_LEVEL });
  await runService({
    name: 'intake',
    logger,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    async start() {
      const resources = await openServiceResources(config, logger);
      // Inside a request, an unreachable Redis must be a prompt 503, not a request held until it returns.
      const producer = createBullmqProducer({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, failFast: true });
      // Readiness pings on a connection of its own that reconnects forever.
      const probe = createWorkerConnection(config.REDIS_URL, logger);
      const app = await buildApp({
        repos: resources.deps.repos,
        db: resources.database.db,
        store: resources.store,
        enqueue: (jobs) => producer.enqueueMany(jobs),
        logger,
        limits: { uploadMaxBytes: config.UPLOAD_MAX_BYTES, uploadMaxFiles: config.UPLOAD_MAX_FILES },
        enqueueTimeoutMs: config.ENQUEUE_TIMEOUT_MS,
        webhooks: {
          secrets: config.WEBHOOK_SECRET_KEY ? createSecretBox(config.WEBHOOK_SECRET_KEY) : null,
          policy: createTargetPolicy({ allowedTargets: config.WEBHOOK_ALLOWED_TARGETS, allowHttp: config.WEBHOOK_ALLOW_HTTP }),
        },
        readiness: createReadinessCheck(
          {
            postgres: () => resources.deps.repos.documents.getState(NO_DOCUMENT),
            redis: () => pingRedis(probe, config.READINESS_TIMEOUT_MS),
            s3: () => resources.store.head('health/readyz'),
          },
          { timeoutMs: config.READINESS_TIMEOUT_MS },
        ),
      });
      await app.listen({ host: config.HOST, port: config.PORT });
      return {
        async stop() {
          // Stops accepting (new requests get 503), lets requests in flight finish.
          await app.close();
          await producer.close();
          await closeConnection(probe);
          await resources.close();
        },
      };
    },
  });
}

await main();
