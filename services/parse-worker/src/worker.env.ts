import { databaseEnv, loggingEnv, redisEnv, s3Env, workerEnv } from '@hds/config';
import { healthEnv } from '@hds/service';

/** The parse worker's environment (`.env.example` is generated from it). */
export const PARSE_WORKER_ENV = { ...loggingEnv, ...databaseEnv, ...redisEnv, ...s3Env, ...workerEnv, ...healthEnv };
