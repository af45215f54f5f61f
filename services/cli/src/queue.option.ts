import { redisEnv } from '@hds/config';
import { AppError } from '@hds/core';
import { closeConnection, connectRedisOnce, createBullmqProducer, jobIdOf, type JobRequest } from '@hds/jobs';

export interface QueueSettings {
  redisUrl: string;
  prefix: string;
}

/** The queues of commands that administer distributed mode: $REDIS_URL and $QUEUE_PREFIX (default hds); null without REDIS_URL. */
export function queueSettingsFrom(env: NodeJS.ProcessEnv): QueueSettings | null {
  if (!env.REDIS_URL) return null;
  const url = redisEnv.REDIS_URL.safeParse(env.REDIS_URL);
  const prefix = redisEnv.QUEUE_PREFIX.safeParse(env.QUEUE_PREFIX || undefined);
  if (!url.success) throw new AppError('cli.bad_arguments', 'REDIS_URL is not a valid URL');
  if (!prefix.success) throw new AppError('cli.bad_arguments', 'QUEUE_PREFIX may hold letters, digits, - and _ only');
  return { redisUrl: url.data, prefix: prefix.data };
}

/** As `queueSettingsFrom`, for commands that cannot run without the queues. */
export function requireQueueSettings(env: NodeJS.ProcessEnv): QueueSettings {
  const settings = queueSettingsFrom(env);
  if (!settings) throw new AppError('cli.bad_arguments', 'Set REDIS_URL (redis://host:6379) to reach the queues');
  return settings;
}

/**
 * Adds catalog jobs to their queues (validated, with the catalog's job ids,
 * attempts and backoff) and returns their ids. Redis is tried once: an
 * unreachable one is `queue.unavailable` at once, never a wait.
 */
export async function enqueueJobs(settings: QueueSettings, jobs: JobRequest[]): Promise<string[]> {
  const connection = await connectRedisOnce(settings.redisUrl);
  const producer = createBullmqProducer({ ...settings, connection });
  try {
    await producer.enqueueMany(jobs);
    return jobs.map(jobIdOf);
  } finally {
    await producer.close();
    await closeConnection(connection);
  }
}
