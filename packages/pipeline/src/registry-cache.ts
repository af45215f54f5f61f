import type { RegistryIndex } from '@hds/core';
import type { Repositories, StoredSnapshot } from '@hds/db';
import { createRegistryIndex } from '@hds/registry';

export interface LoadedRegistry {
  snapshot: StoredSnapshot;
  index: RegistryIndex;
}

/**
 * Registry snapshots are immutable once stored, so their indexes are built
 * once per process and shared by every evaluation (a few hundred entries,
 * thousands of look-ups).
 */
export function createRegistryCache(repos: Repositories, capacity = 8) {
  const cache = new Map<string, Promise<LoadedRegistry | null>>();
  async function load(id: string): Promise<LoadedRegistry | null> {
    const snapshot = await repos.registry.get(id);
    if (!snapshot) return null;
    const entries = await repos.registry.entries(id);
    return { snapshot, index: createRegistryIndex({ source: snapshot.source, snapshotDate: snapshot.snapshotDate, entries }) };
  }
  return {
    async get(id: string): Promise<LoadedRegistry | null> {
      let hit = cache.get(id);
      if (!hit) {
        hit = load(id);
        hit.catch(() => cache.delete(id));
        cache.set(id, hit);
        if (cache.size > capacity) cache.delete(cache.keys().next().value!);
      }
      return hit;
    },
    async newest(tenantId: string): Promise<LoadedRegistry | null> {
      const s = await repos.registry.newest(tenantId);
      return s ? this.get(s.id) : null;
    },
  };
}

export type RegistryCache = ReturnType<typeof createRegistryCache>;
