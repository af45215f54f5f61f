import { databaseEnv, loggingEnv, ocrEnv, redisEnv, s3Env, workerEnv } from '@hds/config';
import { healthEnv } from '@hds/service';

/** The extract worker's environment (`.env.example` is generated from it). */
export const EXTRACT_WORKER_ENV = { ...loggingEnv, ...databaseEnv, ...redisEnv, ...s3Env, ...workerEnv, ...ocrEnv, ...healthEnv };
