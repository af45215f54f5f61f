import { describeError } from '@hds/core';

export interface ReadinessReport {
  ready: boolean;
  /** `ok`, or the error code of the dependency that did not answer (no messages: they may name hosts). */
  checks: Record<string, string>;
}

/** A dependency check: resolves (with anything but `false`) when the dependency answers. */
export type Probe = () => Promise<unknown>;

/**
 * Runs every probe at once, each bounded by `timeoutMs`: a dependency that
 * hangs makes the service not ready instead of hanging the probe.
 */
export function createReadinessCheck(probes: Record<string, Probe>, opts: { timeoutMs?: number } = {}): () => Promise<ReadinessReport> {
  const timeoutMs = opts.timeoutMs ?? 2_000;
  return async () => {
    const entries = await Promise.all(
      Object.entries(probes).map(async ([name, probe]) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          const answer = await Promise.race([
            probe(),
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'timeout' })), timeoutMs);
            }),
          ]);
          return [name, answer === false ? 'unavailable' : 'ok'] as const;
        } catch (err) {
          const code = (err as { code?: unknown }).code === 'timeout' ? 'timeout' : describeError(err).code;
          return [name, code === 'internal' ? 'unavailable' : code] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    return { ready: entries.every(([, v]) => v === 'ok'), checks };
  };
}
