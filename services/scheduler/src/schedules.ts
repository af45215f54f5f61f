import { registrySourceProblem } from '@hds/config';
import type { ScheduleEntry } from '@hds/jobs';
import type { RegistrySource } from '@hds/pipeline';

/** What the schedules read from the scheduler's configuration. */
export interface ScheduleSettings {
  SWEEP_EVERY_SECONDS: number;
  SWEEP_OLDER_THAN_SECONDS: number;
  SWEEP_YOUNGER_THAN_HOURS: number;
  RECHECK_CRON: string;
  REGISTRY_REFRESH_CRON: string;
  REGISTRY_SOURCE_URL?: string | undefined;
  REGISTRY_SOURCE_DIR?: string | undefined;
  REGISTRY_SOURCE_TENANTS: string;
  REGISTRY_FETCH_TIMEOUT_MS: number;
  REGISTRY_MAX_BYTES: number;
}

/** The configured registry source, or null; both a URL and a folder is a configuration error. */
export function registrySourceOf(s: ScheduleSettings): RegistrySource | null {
  const problem = registrySourceProblem(s);
  if (problem) throw new Error(problem);
  if (s.REGISTRY_SOURCE_URL) {
    return { kind: 'url', url: s.REGISTRY_SOURCE_URL, timeoutMs: s.REGISTRY_FETCH_TIMEOUT_MS, maxBytes: s.REGISTRY_MAX_BYTES };
  }
  if (s.REGISTRY_SOURCE_DIR) return { kind: 'folder', dir: s.REGISTRY_SOURCE_DIR, maxBytes: s.REGISTRY_MAX_BYTES };
  return null;
}

/** REGISTRY_SOURCE_TENANTS as a list; null: every tenant. */
export function registryTenantsOf(s: ScheduleSettings): string[] | null {
  const list = s.REGISTRY_SOURCE_TENANTS.split(',').map((t) => t.trim()).filter(Boolean);
  return list.length > 0 ? list : null;
}

/**
 * Every repeatable job of the deployment, in one list: adding one is one
 * entry here (its job in the catalog, its handler in the stage handlers).
 * Ids are stable: the scheduler upserts them at start, and removes from
 * Redis the schedulers no longer listed (a schedule turned `off`, a source
 * no longer configured).
 */
export function declaredSchedules(s: ScheduleSettings): ScheduleEntry[] {
  const entries: ScheduleEntry[] = [
    {
      id: 'documents-sweep',
      every: s.SWEEP_EVERY_SECONDS * 1_000,
      job: { name: 'documents.sweep', payload: { olderThanMs: s.SWEEP_OLDER_THAN_SECONDS * 1_000, youngerThanMs: s.SWEEP_YOUNGER_THAN_HOURS * 3_600_000 } },
    },
  ];
  if (s.RECHECK_CRON !== 'off') entries.push({ id: 'vendors-recheck', pattern: s.RECHECK_CRON, tz: 'UTC', job: { name: 'vendors.recheck', payload: {} } });
  if (registrySourceOf(s) && s.REGISTRY_REFRESH_CRON !== 'off') {
    entries.push({ id: 'registry-refresh', pattern: s.REGISTRY_REFRESH_CRON, tz: 'UTC', job: { name: 'registry.refresh', payload: {} } });
  }
  return entries;
}
