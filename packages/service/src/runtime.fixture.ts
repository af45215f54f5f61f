// A service for runtime.int.test.ts: its behaviour comes from the environment.
import { envInt, loggingEnv } from '@hds/config';
import { createLogger } from '@hds/logger';
import { healthEnv, loadServiceConfig, runService } from './index.ts';

const config = loadServiceConfig('fixture', {
  ...loggingEnv,
  ...healthEnv,
  SHUTDOWN_TIMEOUT_MS: envInt(100, 60_000).default(2_000),
  STOP_MS: envInt(0, 60_000).default(0),
  FAIL_AFTER_MS: envInt(0, 60_000).default(0),
  SECRET_TOKEN: envInt(0, 10),
});
const logger = createLogger({ name: 'fixture', level: config.LOG_LEVEL });
let ready = true;
await runService({
  name: 'fixture',
  logger,
  healthPort: config.HEALTH_PORT,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  async start() {
    // A stand-in for a queue worker: busy with a job until stopped, then finishing it in STOP_MS.
    const busy = setInterval(() => undefined, 1_000);
    if (config.FAIL_AFTER_MS) setTimeout(() => Promise.reject(new Error('lost the plot')), config.FAIL_AFTER_MS);
    process.on('SIGUSR2', () => {
      ready = !ready;
    });
    return {
      ready: async () => ({ ready, checks: { redis: ready ? 'ok' : 'queue.unavailable' } }),
      async stop() {
        logger.info('stop called');
        await new Promise((r) => setTimeout(r, config.STOP_MS));
        clearInterval(busy);
      },
    };
  },
});
