import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths never logged: document text and excerpts (health-related content),
 * secrets and credentials. Log objects carry ids, codes and counts instead.
 */
export const REDACTED_PATHS = [
  'text',
  '*.text',
  'excerpt',
  '*.excerpt',
  'pages',
  '*.pages',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'apiKey',
  '*.apiKey',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers["webhook-signature"]',
  'config.s3SecretAccessKey',
  'config.databaseUrl',
];

export interface LoggerConfig {
  name: string;
  level?: string;
  /** Defaults to stderr: stdout is reserved for reports and machine output. */
  destination?: DestinationStream | NodeJS.WritableStream;
  base?: Record<string, unknown>;
}

export function createLogger(config: LoggerConfig): Logger {
  const options: LoggerOptions = {
    name: config.name,
    level: config.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { pid: process.pid, ...config.base },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: pino.stdSerializers.err },
  };
  return pino(options, (config.destination as DestinationStream | undefined) ?? pino.destination({ fd: 2, sync: false }));
}

/** A logger that drops everything (tests, library defaults). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
