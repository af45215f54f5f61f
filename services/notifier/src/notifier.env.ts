import { databaseEnv, loggingEnv, redisEnv, workerEnv } from '@hds/config';
import { healthEnv } from '@hds/service';
import { webhookDeliveryEnv, webhookSecretKeyEnv, webhookTargetEnv } from '@hds/webhooks';

/** The notifier (queue notify)'s environment (`.env.example` is generated from it). No S3: it never reads a document. */
export const NOTIFIER_ENV = { ...loggingEnv, ...databaseEnv, ...redisEnv, ...workerEnv, ...healthEnv, ...webhookSecretKeyEnv, ...webhookTargetEnv, ...webhookDeliveryEnv };
