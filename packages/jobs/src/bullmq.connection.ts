import { AppError } from '@hds/core';
import type { Logger } from '@hds/logger';
import { Redis } from 'ioredis';

/** The Redis URL without its password, for logs and messages. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return '(invalid Redis URL)';
  }
}

/**
 * A connection for workers and background producers: commands wait for Redis
 * to come back instead of failing (`maxRetriesPerRequest: null`, as BullMQ
 * requires for workers) and it reconnects forever, with a capped delay.
 * The caller owns it and closes it after the workers and queues using it.
 */
export function createWorkerConnection(redisUrl: string, logger?: Logger): Redis {
  const connection = new Redis(redisUrl, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(200 * times, 5_000),
  });
  // An outage emits an error per reconnection attempt: log the first of each outage only.
  let down = false;
  connection.on('error', (err: Error) => {
    if (down) return;
    down = true;
    logger?.warn({ redis: redactRedisUrl(redisUrl), err: { message: err.message } }, 'Redis connection lost; reconnecting');
  });
  connection.on('ready', () => {
    if (!down) return;
    down = false;
    logger?.info({ redis: redactRedisUrl(redisUrl) }, 'Redis connection back');
  });
  return connection;
}

/** True when Redis answers a PING within `timeoutMs` (readiness probes). */
export async function pingRedis(connection: Redis, timeoutMs = 2_000): Promise<boolean> {
  if (connection.status !== 'ready') return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = await Promise.race([
      connection.ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return answer === 'PONG';
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a connection politely, or cuts it when Redis is not there to answer QUIT. */
export async function closeConnection(connection: Redis): Promise<void> {
  if (connection.status === 'end') return;
  if (connection.status !== 'ready') {
    connection.disconnect();
    return;
  }
  await Promise.race([connection.quit().catch(() => undefined), new Promise((r) => setTimeout(r, 1_000).unref())]);
  connection.disconnect();
}

/**
 * A connection for command-line tools: one try within `timeoutMs`, no
 * reconnection, commands fail instead of waiting for Redis. An unreachable
 * Redis is `queue.unavailable` with the socket's own reason (ECONNREFUSED…),
 * the URL's password hidden. The caller closes it.
 */
export async function connectRedisOnce(redisUrl: string, timeoutMs = 3_000): Promise<Redis> {
  const connection = new Redis(redisUrl, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 1, retryStrategy: () => null });
  // The socket's own error says more than the "Connection is closed" of connect().
  let socketError: Error | undefined;
  connection.on('error', (err: Error) => {
    socketError ??= err;
  });
  try {
    await connection.connect();
  } catch (err) {
    connection.disconnect();
    const why = (socketError ?? (err as Error)).message;
    throw new AppError('queue.unavailable', `Cannot reach Redis at ${redactRedisUrl(redisUrl)}: ${why}`, { retryable: true, httpStatus: 503, cause: err });
  }
  return connection;
}
