import { databaseEnv, envInt, loggingEnv, recheckEnv, redisEnv, registryRefreshEnv, s3Env, workerEnv } from '@hds/config';
import { healthEnv } from '@hds/service';

/** The scheduler's environment (`.env.example` is generated from it). */
export const SCHEDULER_ENV = {
  ...loggingEnv,
  ...databaseEnv,
  ...redisEnv,
  ...s3Env,
  ...workerEnv,
  ...healthEnv,
  SWEEP_EVERY_SECONDS: envInt(5, 86_400).default(300).describe('How often the sweep of stuck documents runs'),
  SWEEP_OLDER_THAN_SECONDS: envInt(1, 86_400).default(600).describe('The sweep leaves alone documents whose state changed more recently (still in flight)'),
  SWEEP_YOUNGER_THAN_HOURS: envInt(1, 24 * 365).default(168).describe('The sweep leaves alone documents stuck for longer (see the dead-letter set: hds jobs failed)'),
  ...recheckEnv,
  ...registryRefreshEnv,
};
