import { describe, expect, it } from 'vitest';
import { importRegistry } from './index.ts';

const json = (value: unknown, fileName = 'registre.json') =>
  importRegistry(new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)), { fileName });

describe('JSON registry import', () => {
  it('reads an array of objects with English, French and camelCase keys', async () => {
    const snap = await json([
      { organisation: 'Clever Cloud', certificate_number: 'CC-1', activities: '1,2,3', expires_on: '2027-12-19', issued_on: '20/12/2024' },
      { 'Raison sociale': 'Scalingo', 'Numéro de certificat': '38436-2', Activités: [3, 4, 5, 6], "Date d'échéance": '2027-02-28T00:00:00.000Z' },
      { organisation: 'Numih', certificateNumber: 'N-9', certificationBody: 'LNE', siren: 524172699, referential: '2', transparencyUrl: 'https://n.example' },
    ]);
    expect(snap.rejected).toEqual([]);
    expect(snap.entries.map((e) => e.line)).toEqual([1, 2, 3]);
    expect(snap.entries[0]).toMatchObject({ activities: [1, 2, 3], expiresOn: '2027-12-19', issuedOn: '2024-12-20' });
    expect(snap.entries[1]).toMatchObject({ organisation: 'Scalingo', certificateNumber: '38436-2', activities: [3, 4, 5, 6], expiresOn: '2027-02-28' });
    expect(snap.entries[2]).toMatchObject({ certificateNumber: 'N-9', certificationBody: 'LNE', siren: '524172699', referential: 'v2', transparencyUrl: 'https://n.example' });
  });

  it('reads { entries: [...] }, so an exported snapshot re-imports', async () => {
    const first = await json([{ organisation: 'Numih', activities: '5', expires_on: '2026-01-31' }]);
    const again = await json({ source: first.source, entries: first.entries });
    expect(again.entries).toEqual(first.entries);
  });

  it('rejects bad entries as "entry N" and goes on', async () => {
    const snap = await json([{ organisation: 'A' }, 'oops', { organisation: '' , activities: '1' }, { organisation: 'B', expires_on: '2027-13-01' }, {}, { organisation: 'C' }]);
    expect(snap.entries.map((e) => [e.line, e.organisation])).toEqual([
      [1, 'A'],
      [6, 'C'],
    ]);
    expect(snap.rejected).toEqual([
      { line: 2, reason: 'entry 2: not an object' },
      { line: 3, reason: expect.stringMatching(/^entry 3: no organisation/) },
      { line: 4, reason: expect.stringMatching(/^entry 4: .*expires_on/) },
    ]);
  });

  it('fails clearly on bad JSON, a wrong shape or no organisation key', async () => {
    await expect(json('[{"organisation": "A",]')).rejects.toMatchObject({ code: 'registry.unreadable', httpStatus: 422, message: /not valid JSON/ });
    await expect(json({ hosts: [] })).rejects.toMatchObject({ code: 'registry.unreadable', message: /array/ });
    await expect(json([{ number: 'X' }])).rejects.toMatchObject({ code: 'registry.unreadable', message: /organisation/ });
  });

  it('sniffs JSON without an extension, BOM and leading whitespace included', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('\n  [{"organisation":"A"}]')]);
    expect((await importRegistry(bytes, { fileName: 'download' })).entries).toHaveLength(1);
  });
});
