import { describe, expect, it } from 'vitest';
import { AppError, RegistrySnapshot } from '@hds/core';
import { importRegistry } from './index.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const withBom = (s: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
const latin1 = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const csv = (bytes: Uint8Array | string, fileName = 'registre.csv') =>
  importRegistry(typeof bytes === 'string' ? utf8(bytes) : bytes, { fileName });

const FRENCH = [
  "Raison sociale;Numéro de certificat;Organisme certificateur;Activités;Date de certification;Date d'échéance;Référentiel;SIREN",
  'Clever Cloud SAS;CC-2024-01;AFNOR Certification;1-6;20/12/2024;19/12/2027;V2;524 172 699',
  'Scalingo;38436-2;LNE;3 à 6;2024-03-01;2027-02-28;v1.1;',
].join('\r\n');

describe('CSV registry import', () => {
  it('reads a French-header file with ";" and CRLF', async () => {
    const snap = await csv(FRENCH);
    expect(snap.rejected).toEqual([]);
    expect(snap.entries).toHaveLength(2);
    expect(snap.entries[0]).toEqual({
      line: 2,
      organisation: 'Clever Cloud SAS',
      services: null,
      certificateNumber: 'CC-2024-01',
      certificationBody: 'AFNOR Certification',
      activities: [1, 2, 3, 4, 5, 6],
      issuedOn: '2024-12-20',
      expiresOn: '2027-12-19',
      referential: 'v2',
      siren: '524172699',
      transparencyUrl: null,
    });
    expect(snap.entries[1]).toMatchObject({ line: 3, activities: [3, 4, 5, 6], issuedOn: '2024-03-01', referential: 'v1.1', siren: null });
  });

  it('records source, snapshot date and the sha256 of the bytes', async () => {
    const bytes = utf8(FRENCH);
    const snap = await importRegistry(bytes, { fileName: 'ans-2025-03.csv', snapshotDate: '2025-03-01' });
    expect(snap.source).toBe('ans-2025-03.csv');
    expect(snap.snapshotDate).toBe('2025-03-01');
    expect(snap.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(RegistrySnapshot.parse(snap)).toEqual(snap);
    expect((await importRegistry(bytes, { fileName: 'x.csv' })).snapshotDate).toBeNull();
    expect((await importRegistry(utf8(FRENCH + '\n'), { fileName: 'x.csv' })).sha256).not.toBe(snap.sha256);
  });

  it('reads English headers in odd order with "," and quoted fields holding commas', async () => {
    const text = [
      'expires_on,activities,organisation,notes,certificate_number,issued_on,certification_body,services,transparency_url',
      '2027-12-19,"1,2,3",OVH Groupe,"anything, ignored",OVH-77,2024-12-20,Bureau Veritas,"Hosted Private Cloud, Bare Metal",https://ovh.example/hds',
    ].join('\n');
    const snap = await csv(text);
    expect(snap.rejected).toEqual([]);
    expect(snap.entries[0]).toMatchObject({
      organisation: 'OVH Groupe',
      activities: [1, 2, 3],
      certificateNumber: 'OVH-77',
      services: 'Hosted Private Cloud, Bare Metal',
      expiresOn: '2027-12-19',
      transparencyUrl: 'https://ovh.example/hds',
    });
  });

  it('reads header variants, case and accents ignored', async () => {
    const text = [
      "N° de certificat;ACTIVITES CERTIFIEES;Fin de validité;RAISON SOCIALE;Date de délivrance;Services certifiés;URL transparence",
      'A1;1;2;5;31/12/2026;Numih;01/01/2024;DPI hébergé;https://numih.example/t',
    ].join('\n');
    // Unquoted "1;2;5" splits into columns: only the first activity column cell is "1".
    const snap = await csv(text.replace('1;2;5', '"1;2;5"'));
    expect(snap.entries[0]).toMatchObject({
      organisation: 'Numih',
      certificateNumber: 'A1',
      activities: [1, 2, 5],
      expiresOn: '2026-12-31',
      issuedOn: '2024-01-01',
      services: 'DPI hébergé',
    });
  });

  it('reads UTF-8 with BOM and Windows-1252 / Latin-1 files', async () => {
    const text = 'Raison sociale;Activités\nSanté Numérique;1 à 3\n';
    expect((await csv(withBom(text))).entries[0]).toMatchObject({ organisation: 'Santé Numérique', activities: [1, 2, 3] });
    expect((await csv(latin1(text))).entries[0]).toMatchObject({ organisation: 'Santé Numérique', activities: [1, 2, 3] });
  });

  it("reads Excel's UTF-16 tab-separated \"Unicode text\"", async () => {
    const text = 'Raison sociale\tType de certificat\r\nSanté Numérique\tHébergeur infogéreur\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)]);
    const snap = await importRegistry(bytes, { fileName: 'registre.txt' });
    expect(snap.entries).toEqual([expect.objectContaining({ line: 2, organisation: 'Santé Numérique', activities: [3, 4, 5, 6] })]);
  });

  it('keeps quoted newlines inside a field and numbers lines physically', async () => {
    const text = [
      'organisation;services;expires_on',
      '"Hôpital Data";"Cloud santé',
      'et sauvegarde";2027-01-31',
      '',
      'Nuage Souverain;"a ""quoted"" name";31/01/2028',
    ].join('\r\n');
    const snap = await csv(text);
    expect(snap.entries.map((e) => [e.line, e.organisation, e.services])).toEqual([
      [2, 'Hôpital Data', 'Cloud santé et sauvegarde'],
      [5, 'Nuage Souverain', 'a "quoted" name'],
    ]);
  });

  it('rejects unreadable rows by line and goes on', async () => {
    const text = [
      'organisation;activities;issued_on;expires_on;siren', // 1
      'Good One;1-2;2024-01-01;2027-01-01;123456789', // 2
      ';1;2024-01-01;2027-01-01;', // 3: no organisation
      'Bad Date;1;2024-01-01;31/02/2027;', // 4: impossible date
      '"Multi', // 5
      'line";7 et 8;2024-01-01;2027-01-01;', // 6: unreadable activities (record starts on 5)
      ';;;;', // 7: blank, silent
      'Bad Siren;;;;12345', // 8
      'Good Two;;;;', // 9
    ].join('\n');
    const snap = await csv(text);
    expect(snap.entries.map((e) => [e.line, e.organisation])).toEqual([
      [2, 'Good One'],
      [9, 'Good Two'],
    ]);
    expect(snap.rejected.map((r) => r.line)).toEqual([3, 4, 5, 8]);
    expect(snap.rejected[0]!.reason).toMatch(/^line 3: no organisation/);
    expect(snap.rejected[1]!.reason).toMatch(/^line 4: .*expires_on.*31\/02\/2027/);
    expect(snap.rejected[2]!.reason).toMatch(/^line 5: unreadable activities/);
    expect(snap.rejected[3]!.reason).toMatch(/SIREN.*9 digits/);
    expect(snap.entries[1]!.activities).toEqual([]);
  });

  it('reports an unterminated quote on its line and resumes on the next one', async () => {
    const text = ['organisation;expires_on', '"Broken;2027-01-01', 'After;2027-02-01'].join('\n');
    const snap = await csv(text);
    expect(snap.rejected).toEqual([{ line: 2, reason: expect.stringMatching(/^line 2: quoted field never closed/) }]);
    expect(snap.entries.map((e) => [e.line, e.organisation])).toEqual([[3, 'After']]);
  });

  it('skips a title line above the header', async () => {
    const text = 'Liste des hébergeurs certifiés au 01/03/2025\n\nRaison sociale;Activités\nNumih;5\n';
    const snap = await csv(text);
    expect(snap.entries).toEqual([expect.objectContaining({ line: 4, organisation: 'Numih', activities: [5] })]);
  });

  it('fails clearly without a usable header', async () => {
    const noHeader = csv('foo;bar\n1;2\n');
    await expect(noHeader).rejects.toBeInstanceOf(AppError);
    await expect(noHeader).rejects.toMatchObject({ code: 'registry.unreadable', httpStatus: 422, message: expect.stringMatching(/header/) });
    await expect(csv('certificate_number;activities\nX;1\n')).rejects.toMatchObject({
      code: 'registry.unreadable',
      message: expect.stringMatching(/organisation/),
    });
    await expect(csv('')).rejects.toMatchObject({ code: 'registry.unreadable' });
  });

  it('sniffs CSV when the name has no known extension', async () => {
    const snap = await importRegistry(utf8(FRENCH), { fileName: 'export' });
    expect(snap.entries).toHaveLength(2);
  });
});
