import { databaseEnv, loggingEnv, redisEnv, s3Env, workerEnv } from '@hds/config';
import { healthEnv } from '@hds/service';

/** The rules worker (queue evaluate)'s environment (`.env.example` is generated from it). */
export const RULES_WORKER_ENV = { ...loggingEnv, ...databaseEnv, ...redisEnv, ...s3Env, ...workerEnv, ...healthEnv };
