import { describe, expect, it } from 'vitest';
import { CellError, cellText, excelSerialToIso, readActivities, readDate, readReferential, readSiren } from './cell.values.ts';
import { fieldOfHeader } from './header.aliases.ts';

describe('cell values', () => {
  it('read dates in every usual form', () => {
    for (const [cell, iso] of [
      ['2027-12-19', '2027-12-19'],
      ['19/12/2027', '2027-12-19'],
      ['19.12.2027', '2027-12-19'],
      ['19 décembre 2027', '2027-12-19'],
      ['2027-12-19T00:00:00Z', '2027-12-19'],
      ['19/12/2027 00:00', '2027-12-19'],
    ] as const) {
      expect(readDate(cell, 'date')).toBe(iso);
    }
    expect(readDate(new Date(Date.UTC(2027, 11, 19)), 'date')).toBe('2027-12-19');
    expect(readDate(46375, 'date')).toBe('2026-12-19');
    expect(readDate('', 'date')).toBeNull();
    expect(readDate(' - ', 'date')).toBeNull();
    expect(() => readDate('31/02/2027', 'date')).toThrow(CellError);
    expect(() => readDate('du 01/01/2024 au 01/01/2027', 'date')).toThrow(CellError);
    expect(() => readDate(2027, 'date')).toThrow(/2027/);
    expect(excelSerialToIso(1, false)).toBeNull();
  });

  it('read activities in every usual form', () => {
    expect(readActivities('1,2,3', 'a')).toEqual([1, 2, 3]);
    expect(readActivities('1-6', 'a')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(readActivities('1 à 6', 'a')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(readActivities('1;2;5', 'a')).toEqual([1, 2, 5]);
    expect(readActivities([3, 5], 'a')).toEqual([3, 5]);
    expect(readActivities(4, 'a')).toEqual([4]);
    expect(readActivities('Hébergeur infogéreur', 'a')).toEqual([3, 4, 5, 6]);
    expect(readActivities("Hébergeur d'infrastructure physique", 'a')).toEqual([1, 2]);
    expect(readActivities(null, 'a')).toBeNull();
    expect(() => readActivities('toutes', 'a')).toThrow(CellError);
  });

  it('normalise SIREN and referential', () => {
    expect(readSiren('524 172 699', 's')).toBe('524172699');
    expect(readSiren(524172699, 's')).toBe('524172699');
    expect(readSiren('524 172 699 00017', 's')).toBe('524172699');
    expect(() => readSiren('52417269', 's')).toThrow(CellError);
    expect(['V2', 'v2.0', '2', 'HDS 2024', 'Référentiel v2'].map(readReferential)).toEqual(['v2', 'v2', 'v2', 'v2', 'v2']);
    expect(['v1.1', '1.1', 'V1', 'HDS 2018'].map(readReferential)).toEqual(['v1.1', 'v1.1', 'v1.1', 'v1.1']);
    expect(readReferential('v3 (projet)')).toBe('v3 (projet)');
    expect(readReferential('')).toBeNull();
  });

  it('treat placeholders as empty', () => {
    expect(['', '  ', '-', 'N/A', 'néant', null, undefined].map(cellText)).toEqual([null, null, null, null, null, null, null]);
    expect(cellText('  Clever\n Cloud ')).toBe('Clever Cloud');
  });
});

describe('header names', () => {
  it('map English, French and variant headers', () => {
    const cases: Array<[string, string | null]> = [
      ['Raison sociale', 'organisation'],
      ['ORGANISATION', 'organisation'],
      ['Nom commercial', 'services'],
      ['Périmètre', 'services'],
      ['N° de certificat', 'certificateNumber'],
      ['Numéro du certificat', 'certificateNumber'],
      ['certificateNumber', 'certificateNumber'],
      ['Organisme de certification', 'certificationBody'],
      ['Activités certifiées', 'activities'],
      ['Type de certificat', 'certificateType'],
      ["Type d'hébergeur", 'certificateType'],
      ['Certificat HDS', 'certificateNumber'],
      ['Organisation certificatrice', 'certificationBody'],
      ['Hébergeur certifié', 'organisation'],
      ['Date de certification', 'issuedOn'],
      ['Date de délivrance', 'issuedOn'],
      ["Date d'expiration", 'expiresOn'],
      ["Date d'échéance du certificat", 'expiresOn'],
      ['Fin de validité', 'expiresOn'],
      ['Version du référentiel HDS', 'referential'],
      ['N° SIRET', 'siren'],
      ['URL de la page transparence', 'transparencyUrl'],
      ['Commentaires', null],
      ['', null],
    ];
    expect(cases.map(([h]) => [h, fieldOfHeader(h)])).toEqual(cases);
  });
});
