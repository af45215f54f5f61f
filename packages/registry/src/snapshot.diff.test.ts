import { describe, expect, it } from 'vitest';
import type { RegistryEntry } from '@hds/core';
import { diffSnapshots } from './index.ts';

function entry(line: number, organisation: string, more: Partial<RegistryEntry> = {}): RegistryEntry {
  return {
    line,
    organisation,
    services: null,
    certificateNumber: null,
    certificationBody: 'AFNOR Certification',
    activities: [1, 2],
    issuedOn: '2024-01-01',
    expiresOn: '2027-01-01',
    referential: 'v2',
    siren: null,
    transparencyUrl: null,
    ...more,
  };
}

describe('snapshot diff', () => {
  it('reports added, removed and changed entries with the changed fields', () => {
    const before = [
      entry(2, 'Clever Cloud', { certificateNumber: 'CC-1' }),
      entry(3, 'Gone Host', { certificateNumber: 'G-1' }),
      entry(4, 'Numih', { certificationBody: 'LNE' }),
      entry(5, 'Stable', { certificateNumber: 'S-1' }),
    ];
    const after = [
      entry(2, 'Stable', { certificateNumber: 's -1' }), // moved and re-typed: not a change
      entry(3, 'Clever Cloud', { certificateNumber: 'CC-1', activities: [1, 2, 3], expiresOn: '2028-01-01', referential: 'v1.1' }),
      entry(4, 'Numih SAS', { certificationBody: 'LNE', transparencyUrl: 'https://numih.example' }),
      entry(5, 'New Host', { certificateNumber: 'N-1' }),
    ];
    const diff = diffSnapshots(before, after);
    expect(diff.added.map((e) => e.organisation)).toEqual(['New Host']);
    expect(diff.removed.map((e) => e.organisation)).toEqual(['Gone Host']);
    expect(diff.changed.map((c) => [c.before.organisation, c.fields])).toEqual([
      ['Clever Cloud', ['activities', 'expiresOn', 'referential']],
      ['Numih', ['transparencyUrl']],
    ]);
  });

  it('compares by meaning: body aliases, legal forms and activity order are not changes', () => {
    const before = [entry(2, 'Scalingo', { certificateNumber: 'L-1', certificationBody: 'LNE', activities: [3, 4] })];
    const after = [entry(7, 'Scalingo SAS', { certificateNumber: 'L-1', certificationBody: 'LNE Certification', activities: [4, 3] })];
    expect(diffSnapshots(before, after)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reads a renewed certificate (new number, same holder and body) as a change', () => {
    const before = [entry(2, 'Scalingo', { certificateNumber: 'L-1', expiresOn: '2025-01-01' })];
    const after = [entry(2, 'Scalingo', { certificateNumber: 'L-2', expiresOn: '2028-01-01' })];
    const diff = diffSnapshots(before, after);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed[0]!.fields).toEqual(['expiresOn', 'certificateNumber']);
  });

  it('keeps a host certified by another body as removed plus added', () => {
    const before = [entry(2, 'Numih', { certificationBody: 'AFNOR' })];
    const after = [entry(2, 'Numih', { certificationBody: 'Bureau Veritas' })];
    const diff = diffSnapshots(before, after);
    expect([diff.added.length, diff.removed.length, diff.changed.length]).toEqual([1, 1, 0]);
  });

  it('pairs rows sharing a certificate number one to one', () => {
    const before = [
      entry(2, 'OVH', { certificateNumber: 'O-1', services: 'Bare Metal' }),
      entry(3, 'OVH', { certificateNumber: 'O-1', services: 'Private Cloud' }),
    ];
    const after = [
      entry(2, 'OVH', { certificateNumber: 'O-1', services: 'Private Cloud' }),
      entry(3, 'OVH', { certificateNumber: 'O-1', services: 'Bare Metal', activities: [1, 2, 5] }),
      entry(4, 'OVH', { certificateNumber: 'O-1', services: 'Public Cloud' }),
    ];
    const diff = diffSnapshots(before, after);
    expect(diff.changed.map((c) => [c.before.services, c.after.services, c.fields])).toEqual([
      ['Bare Metal', 'Bare Metal', ['activities']],
    ]);
    expect(diff.added.map((e) => e.services)).toEqual(['Public Cloud']);
    expect(diff.removed).toEqual([]);
  });
});
