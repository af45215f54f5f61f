import { describe, expect, it } from 'vitest';
import { classifyDocument } from './document.classifier.ts';
import { LAYOUT_A, LAYOUT_B, LAYOUT_C, LAYOUT_D, LAYOUT_E } from './test-data/certificate-layouts.fixtures.ts';
import { STYLE_1, STYLE_2, STYLE_3 } from './test-data/contract-styles.fixtures.ts';
import { GUARANTEES_OVH_LIKE } from './test-data/guarantees.fixtures.ts';
import { toPages } from './test-data/pages.fixtures.ts';

describe('document classification', () => {
  it('recognises every certificate layout, including an attestation after a cover letter', () => {
    for (const pages of [LAYOUT_A, LAYOUT_B, LAYOUT_C, LAYOUT_D, LAYOUT_E]) expect(classifyDocument(pages).kind).toBe('certificate');
  });

  it('recognises every contract style, though contracts quote the host certificate', () => {
    for (const pages of [STYLE_1, STYLE_2, STYLE_3]) expect(classifyDocument(pages).kind).toBe('contract');
    expect(classifyDocument(STYLE_1).reason).toMatch(/contract/i);
  });

  it('recognises a guarantees table', () => {
    expect(classifyDocument(GUARANTEES_OVH_LIKE)).toEqual({ kind: 'guarantees_table', reason: '"présentation des garanties"' });
  });

  it('a certificate that mentions its contract stays a certificate', () => {
    const pages = toPages(`CERTIFICAT HDS
AFNOR Certification certifie que DATAMED SAS est conforme au référentiel de certification des hébergeurs
de données de santé, dans le cadre du contrat de prestation conclu avec ses clients.
Numéro de certificat : 2024-HDS-88
Date d'expiration : 01/02/2027`);
    expect(classifyDocument(pages).kind).toBe('certificate');
  });

  it('a hosting contract mentioning "certificat HDS" and dates stays a contract', () => {
    const pages = toPages(`CONVENTION D'HÉBERGEMENT
Entre la Clinique du Parc (ci-après « le Client ») et DATAMED SAS (ci-après « l'Hébergeur »).
Article 1 – Certificat
L'Hébergeur est titulaire du certificat HDS n° 2024-HDS-88, valable jusqu'au 01/02/2027.
Article 2 – Durée
La convention prend effet à sa signature.
Article 3 – Résiliation
Chaque partie peut résilier la convention avec un préavis de trois mois.`);
    expect(classifyDocument(pages).kind).toBe('contract');
  });

  it('Kbis, insurance certificate, brochure and cover letter are "other"', () => {
    const kbis = toPages(`Greffe du Tribunal de Commerce de Paris
Extrait Kbis
Extrait d'immatriculation principale au registre du commerce et des sociétés à jour au 2 janvier 2025
Dénomination : MÉDISOFT CLOUD SAS`);
    const insurance = toPages(`ATTESTATION D'ASSURANCE
Responsabilité civile professionnelle
L'assureur atteste que MÉDISOFT CLOUD SAS est titulaire de la police d'assurance n° 778899, valable jusqu'au 31/12/2025.`);
    const brochure = toPages(`MediCloud, le cloud de confiance
Découvrez nos offres d'hébergement sécurisé : nos datacenters sont certifiés ISO 27001.
Demandez une démo !`);
    const letter = toPages(`Paris, le 3 mars 2025
Objet : transmission de notre certificat HDS
Madame, Monsieur,
Vous trouverez ci-joint notre certificat d'hébergeur de données de santé.
Veuillez agréer, Madame, Monsieur, nos salutations distinguées.`);
    expect(classifyDocument(kbis).kind).toBe('other');
    expect(classifyDocument(insurance).kind).toBe('other');
    expect(classifyDocument(brochure).kind).toBe('other');
    expect(classifyDocument(letter).kind).toBe('other');
  });

  it('an ISO 27001 certificate is not an HDS certificate', () => {
    const iso = toPages(`CERTIFICATE
BSI certifies that MÉDISOFT CLOUD SAS operates an Information Security Management System which complies with ISO/IEC 27001:2022.
Certificate number: IS 712345
Expiry date: 01/03/2027`);
    expect(classifyDocument(iso).kind).toBe('other');
  });

  it('uses the file name only as a weak hint', () => {
    expect(classifyDocument(STYLE_2, { fileName: 'certificat-hds.pdf' }).kind).toBe('contract');
    expect(classifyDocument(toPages(''), { fileName: 'contrat.pdf' })).toEqual({ kind: 'other', reason: 'no text' });
  });
});
