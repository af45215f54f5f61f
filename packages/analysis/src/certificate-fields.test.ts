import { describe, expect, it } from 'vitest';
import { readCertificate } from './certificate.reader.ts';
import { row, toPages } from './test-data/pages.fixtures.ts';

const read = (...texts: string[]) => readCertificate(toPages(...texts));
const HEAD = 'CERTIFICAT HDS\nAFNOR Certification certifie que DATAMED SAS est conforme au référentiel HDS v2.\n';

describe('certificate dates', () => {
  it('takes the labelled start of validity, not the cover letter date nor the audit date', () => {
    const r = read(`Paris, le 2 janvier 2025\n${HEAD}Audit de certification réalisé le 12/12/2024.\nDate d'effet : 15/01/2025\nDate d'expiration : 14/01/2028`);
    expect([r.issuedOn, r.expiresOn]).toEqual(['2025-01-15', '2028-01-14']);
  });

  it('reads "valable du … au …" as issue and expiry', () => {
    expect(read(`${HEAD}Ce certificat est valable du 1er mars 2024 au 28 février 2027.`)).toMatchObject({ issuedOn: '2024-03-01', expiresOn: '2027-02-28' });
    expect(read(`${HEAD}Validité : 01.03.2024 – 28.02.2027`)).toMatchObject({ issuedOn: '2024-03-01', expiresOn: '2027-02-28' });
  });

  it('ignores the first-certification date of a renewed certificate', () => {
    expect(read(`${HEAD}Date de première certification : 01/03/2018\nDate de certification : 01/03/2024\nDate d'expiration : 28/02/2027`).issuedOn).toBe('2024-03-01');
    expect(read(`${HEAD}Date de première certification : 01/03/2018\nDate d'expiration : 28/02/2027`).issuedOn).toBeNull();
  });

  it('ignores surveillance audit dates', () => {
    const r = read(`${HEAD}Prochain audit de surveillance : 01/03/2025\nExpire le 28 février 2027`);
    expect([r.issuedOn, r.expiresOn]).toEqual([null, '2027-02-28']);
  });

  it('reads English labels and dates, and a value on the line below its label', () => {
    expect(read(`${HEAD}Valid until: December 19, 2027`).expiresOn).toBe('2027-12-19');
    expect(read(`${HEAD}Date de fin de validité\n19 décembre 2027\nDélivré le\n20 décembre 2024`)).toMatchObject({ issuedOn: '2024-12-20', expiresOn: '2027-12-19' });
  });

  it('repairs OCR digits in dates', () => {
    expect(read(`${HEAD}Date d'expiration : 19/l2/2O27`).expiresOn).toBe('2027-12-19');
  });

  it('does not take the referential decree date for an issue date', () => {
    expect(read(`${HEAD}Référentiel : arrêté du 26 avril 2024`).issuedOn).toBeNull();
  });
});

describe('certificate number', () => {
  it('reads numbers of any format by their label', () => {
    expect(read(`${HEAD}Certificat n° 2024/HDS/0042`).number).toBe('2024/HDS/0042');
    expect(read(`${HEAD}Numéro de certificat : ABC-12`).number).toBe('ABC-12');
    expect(read(`${HEAD}Certificate No.: 38436-2`).number).toBe('38436-2');
  });

  it('reads a bare "N°" near the top, even behind a speck OCR read as a quote', () => {
    expect(read(`CERTIFICAT DE CONFORMITÉ\nHDS\nN° CSC/HDS/2026-047\n${HEAD}`).number).toBe('CSC/HDS/2026-047');
    expect(read(`CERTIFICAT DE CONFORMITÉ\nHDS\n“N° CSC/HDS/2026-047\n${HEAD}`).number).toBe('CSC/HDS/2026-047');
  });

  it('never takes a SIREN, an accreditation number or a page number', () => {
    const r = read(`${HEAD}N° SIREN : 812 345 678\nN° d'accréditation COFRAC : 5-0617\nPage 1/2`);
    expect(r.number).toBeNull();
    expect(r.siren).toBe('812345678');
    expect(r.accreditation).toBe('accréditation COFRAC : 5-0617');
    expect(read(`${HEAD}Organisme accrédité par le COFRAC depuis 2015`).accreditation).toBeNull();
  });
});

describe('certificate holder and body', () => {
  it('reads labelled holder and body, an unknown body included', () => {
    const r = read(`CERTIFICAT
Organisme certificateur : Certif'Santé Conseil
Titulaire : SANTÉ NUMÉRIQUE SARL
Activités : 5, 6`);
    expect([r.holder, r.body]).toEqual(['SANTÉ NUMÉRIQUE SARL', "Certif'Santé Conseil"]);
  });

  it('reads "délivré par" and English "This is to certify that"', () => {
    const r = read(`CERTIFICATE OF REGISTRATION
This is to certify that the information security management system of
HEALTHBOX LIMITED
complies with the HDS certification standard.
Certificate issued by Ernst & Young CertifyPoint`);
    expect([r.holder, r.body]).toEqual(['HEALTHBOX LIMITED', 'Ernst & Young CertifyPoint']);
  });

  it('never returns the body as the holder', () => {
    const r = read(`LNE\nCERTIFICAT\nTitulaire : LNE\nLe LNE atteste que la société MEDIPLUS SA satisfait au référentiel HDS.`);
    expect(r.body).toBe('LNE');
    expect(r.holder).toBe('MEDIPLUS SA');
  });
});

describe('certificate activities', () => {
  it('reads ranges and exclusions', () => {
    expect(read(`${HEAD}Activités certifiées : 1-4`).activities).toEqual([1, 2, 3, 4]);
    expect(read(`${HEAD}Pour les activités 1 à 6, à l'exclusion de l'activité 6.`).activities).toEqual([1, 2, 3, 4, 5]);
  });

  it('counts only ticked rows of a table, whatever the tick', () => {
    const r = read(`${HEAD}[x] Activité 1 : sites physiques
[ ] Activité 2 : infrastructure matérielle
[X] Activité 5 : administration et exploitation du système d'information
[ ] Activité 6 : sauvegarde des données de santé`);
    expect([r.activities, r.activitiesFrom]).toEqual([[1, 5], 'table']);
    const xCells = read(`${HEAD}${row('1', 'Hébergement physique', 'X')}\n${row('2', 'Infrastructure matérielle')}\n${row('3', 'Infrastructure virtuelle', 'X')}`);
    expect([xCells.activities, xCells.activitiesFrom]).toEqual([[1, 3], 'table']);
  });

  it('trusts a row\'s activity label over its number when OCR misread the digit', () => {
    const r = read(`${HEAD}${row('N°', 'Activité', 'Certifiée')}\n${row('al', 'Hébergement physique (sites physiques)', '☐')}\n${row('2', 'Infrastructure matérielle', '☒')}\n${row('5', 'Infrastructure virtuelle', '☒')}\n${row('4', "Plateforme d'hébergement d'applications", '☒')}\n${row('5', 'Administration et exploitation du SI', '☐')}`);
    expect([r.activities, r.activitiesFrom]).toEqual([[2, 3, 4], 'table']);
  });

  it('reads the official wording when no number is printed', () => {
    const r = read(`${HEAD}Périmètre : sauvegarde des données de santé et administration et exploitation du système d'information contenant les données de santé.`);
    expect([r.activities, r.activitiesFrom]).toEqual([[5, 6], 'wording']);
  });

  it('uses type labels only when no number is given', () => {
    expect(read(`${HEAD}Hébergeur infogéreur – activités 5 et 6`).activities).toEqual([5, 6]);
    expect(read(`${HEAD}Type : hébergeur d'infrastructure physique`)).toMatchObject({ activities: [1, 2], activitiesFrom: 'types' });
  });
});

describe('certificate referential and scope', () => {
  it('normalises the referential version', () => {
    expect(read('CERTIFICAT\nRéférentiel de certification HDS version 2.0').referential).toBe('v2');
    expect(read("CERTIFICAT\nConforme à l'arrêté du 26 avril 2024 (hébergeurs de données de santé)").referential).toBe('v2');
    expect(read('CERTIFICAT\nRéférentiel HDS : arrêté du 11 juin 2018').referential).toBe('v1.1');
    expect(read('CERTIFICAT HDS\nCertifié selon le référentiel HDS v1.1.\nLa transition vers la v2 devra intervenir avant le 16 mai 2026.').referential).toBe('v1.1');
    expect(read('CERTIFICATE\nISO/IEC 27001:2022, version 2 of this document').referential).toBeNull();
  });

  it('lists scope notes (sites, zones, products)', () => {
    const r = read(`${HEAD}Zones couvertes : France métropolitaine
Services certifiés :
- Plateforme DataSanté
- Sauvegarde externalisée DS-Backup
Date d'expiration : 01/01/2027`);
    expect(r.scopeNotes).toEqual(['France métropolitaine', 'Plateforme DataSanté', 'Sauvegarde externalisée DS-Backup']);
  });
});

describe('certificate layouts met in the wild', () => {
  it('skips the original issue date of a renewed certificate in bilingual cells, and reads a label that wraps', () => {
    const r = read(`CERTIFICATE / CERTIFICAT
Ernst & Young CertifyPoint B.V. hereby certifies that / certifie que :
DATAVAULT SANTÉ
is compliant with the HDS standard version 2.0 / est conforme au référentiel HDS version 2.0
${row('Original issue date / Date de première émission :', '30/11/2020')}
${row("Issue date of certificate / Date d'émission du", '30/11/2023')}
certificat :
${row("Expiration date / Date d'expiration :", '29/11/2026')}`);
    expect(r).toMatchObject({ holder: 'DATAVAULT SANTÉ', body: 'Ernst & Young CertifyPoint B.V.', issuedOn: '2023-11-30', expiresOn: '2026-11-29' });
  });

  it('reads a date and a holder name that wrap to the next line', () => {
    const r = read(`ATTESTATION DE CERTIFICATION
LSTI atteste que la société Nordwolke
Rechenzentren GmbH dont le siège est situé à Francfort, est certifiée selon le référentiel HDS
– version 2 pour les activités 1 à 3. La certification a pris effet le 2 mars 2025 et demeure valable jusqu'au 1er
mars 2028.`);
    expect(r).toMatchObject({ holder: 'Nordwolke Rechenzentren GmbH', body: 'LSTI', referential: 'v2', issuedOn: '2025-03-02', expiresOn: '2028-03-01', activities: [1, 2, 3] });
  });

  it('does not read a label inside a name ("Pharmascope" is not "scope") and reads "HDS 726776" whole', () => {
    const r = read(`CERTIFICAT DE CONFORMITÉ HDS
${row('Organisme certificateur', 'LNE')}
${row('Organisme certifié', 'Pharmascope Solutions SAS')}
${row('Adresse', '131 avenue du Général Leclerc, 44200 Nantes')}
Certificat n° : HDS 726776`);
    expect([r.holder, r.body, r.number]).toEqual(['Pharmascope Solutions SAS', 'LNE', 'HDS 726776']);
  });
});
