import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importRegistry } from './index.ts';

async function workbook(rows: unknown[][], setup?: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Registre');
  for (const row of rows) ws.addRow(row);
  setup?.(wb, ws);
  wb.addWorksheet('Autre').addRow(['organisation']).commit();
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const xlsx = (bytes: Uint8Array, fileName = 'registre.xlsx') => importRegistry(bytes, { fileName });

describe('XLSX registry import', () => {
  it('reads the first sheet: Date cells, serial numbers, strings, rich text, formulas and hyperlinks', async () => {
    const bytes = await workbook([
      [],
      ['Raison sociale', 'Activités', 'Date de délivrance', "Date d'expiration", 'SIREN', 'URL transparence', 'Organisme'],
      [
        { richText: [{ text: 'Clever ' }, { font: { bold: true }, text: 'Cloud' }] },
        '1-6',
        new Date(Date.UTC(2024, 11, 20)),
        46375, // serial for 2026-12-19
        524172699,
        { text: 'page', hyperlink: 'https://clever.example/hds' },
        { formula: '"AFNOR"', result: 'AFNOR' },
      ],
      ['Scalingo', 5, '01/03/2024', '2027-02-28', '524 172 699', 'https://scalingo.example', { error: '#N/A' }],
    ]);
    const snap = await xlsx(bytes);
    expect(snap.rejected).toEqual([]);
    expect(snap.entries).toEqual([
      expect.objectContaining({
        line: 3,
        organisation: 'Clever Cloud',
        activities: [1, 2, 3, 4, 5, 6],
        issuedOn: '2024-12-20',
        expiresOn: '2026-12-19',
        siren: '524172699',
        transparencyUrl: 'https://clever.example/hds',
        certificationBody: 'AFNOR',
      }),
      expect.objectContaining({ line: 4, organisation: 'Scalingo', activities: [5], issuedOn: '2024-03-01', expiresOn: '2027-02-28', certificationBody: null }),
    ]);
  });

  it('reads a date typed at local midnight east of Greenwich as that day', async () => {
    // 2027-12-19 00:00 in Paris (UTC+1) is 2027-12-18 23:00 UTC.
    const bytes = await workbook([['organisation', 'expires_on'], ['A', new Date(Date.UTC(2027, 11, 18, 23))]]);
    expect((await xlsx(bytes)).entries[0]!.expiresOn).toBe('2027-12-19');
  });

  it('honours the 1904 date system for serial numbers', async () => {
    const bytes = await workbook([['organisation', 'expires_on'], ['A', 44913]], (wb) => {
      (wb.properties as { date1904?: boolean }).date1904 = true;
    });
    // 44913 days after 1904-01-01 is 2026-12-19; read in the 1900 system it would be 2022-12-18.
    expect((await xlsx(bytes)).entries[0]!.expiresOn).toBe('2026-12-19');
  });

  it('rejects bad rows by sheet row number and skips blank rows', async () => {
    const bytes = await workbook([
      ['organisation', 'activities', 'expires_on'],
      ['Ok', '1', '2027-01-01'],
      [null, '2', '2027-01-01'],
      [],
      ['Old serial', '3', 1234],
      ['Bad activities', 'tout', null],
      ['Also ok', null, null],
    ]);
    const snap = await xlsx(bytes);
    expect(snap.entries.map((e) => [e.line, e.organisation])).toEqual([
      [2, 'Ok'],
      [7, 'Also ok'],
    ]);
    expect(snap.rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^row 3: no organisation/),
      expect.stringMatching(/^row 5: unreadable expires_on .*1234/),
      expect.stringMatching(/^row 6: unreadable activities .*"tout"/),
    ]);
  });

  it('sniffs a workbook by its zip magic and fails clearly on corrupt ones', async () => {
    const bytes = await workbook([['organisation'], ['A']]);
    expect((await importRegistry(bytes, { fileName: 'download.bin' })).entries).toHaveLength(1);
    const corrupt = bytes.slice(0, 200);
    await expect(xlsx(corrupt)).rejects.toMatchObject({ code: 'registry.unreadable', httpStatus: 422, message: /XLSX/ });
    await expect(xlsx(new TextEncoder().encode('not a zip'))).rejects.toMatchObject({ code: 'registry.unreadable' });
    await expect(importRegistry(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), { fileName: 'old.xls' })).rejects.toMatchObject({
      code: 'registry.unreadable',
      message: /\.xls/,
    });
  });

  it('fails clearly when the first sheet has no header', async () => {
    await expect(xlsx(await workbook([[1, 2], [3, 4]]))).rejects.toMatchObject({ code: 'registry.unreadable', message: /header/ });
  });
});
