import type { RegistryEntry } from './registry-entry.ts';

export type RegistryMatchBy = 'number' | 'siren' | 'name';

export interface RegistryMatch {
  entry: RegistryEntry;
  by: RegistryMatchBy;
}

/**
 * Look-ups over one registry snapshot (built by @hds/registry's
 * `createRegistryIndex`). Rules depend on this interface only.
 */
export interface RegistryIndex {
  readonly source: string;
  readonly snapshotDate: string | null;
  readonly size: number;
  /**
   * The entry a certificate refers to: by certificate number first, then
   * SIREN, then organisation name (legal or commercial). Null when none.
   */
  matchCertificate(cert: { number: string | null; siren: string | null; holder: string | null }): RegistryMatch | null;
  /** Entries whose organisation (or certified services name) is this organisation. */
  findOrganisation(name: string): RegistryEntry[];
}
