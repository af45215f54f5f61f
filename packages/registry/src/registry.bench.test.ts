import { describe, expect, it } from 'vitest';
import { createRegistryIndex, importRegistry } from './index.ts';

// Sanity, not a benchmark gate: timings are logged, never asserted (CI machines vary).
describe('registry at scale', () => {
  it('imports 5,000 entries and answers 10,000 matches', async () => {
    const lines = ["Raison sociale;Numéro de certificat;Activités;Date d'échéance;SIREN;Services certifiés"];
    for (let i = 0; i < 5000; i++) {
      const siren = String(100_000_000 + i);
      lines.push(`Hébergeur ${i} SAS;HDS-${i};${(i % 6) + 1}-6;${String((i % 28) + 1).padStart(2, '0')}/12/2027;${siren};Cloud ${i}`);
    }
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const t0 = performance.now();
    const snapshot = await importRegistry(bytes, { fileName: 'big.csv' });
    const t1 = performance.now();
    const index = createRegistryIndex(snapshot);
    const t2 = performance.now();
    let found = 0;
    for (let q = 0; q < 10_000; q++) {
      const i = (q * 7919) % 6000; // some beyond 4999: misses
      const kind = q % 3;
      const match = index.matchCertificate({
        number: kind === 0 ? `hds-${i}` : null,
        siren: kind === 1 ? String(100_000_000 + i) : null,
        holder: kind === 2 ? `HEBERGEUR ${i}` : null,
      });
      if (match) found++;
    }
    const t3 = performance.now();
    console.log(
      `registry scale: import ${(t1 - t0).toFixed(0)} ms, index ${(t2 - t1).toFixed(0)} ms, 10,000 matches ${(t3 - t2).toFixed(0)} ms`,
    );
    expect(snapshot.entries).toHaveLength(5000);
    expect(snapshot.rejected).toEqual([]);
    expect(found).toBeGreaterThan(8000);
    expect(found).toBeLessThan(10_000);
  });
});
