import type { PageText } from '@hds/core';
import { describe, expect, it } from 'vitest';
import { readCertificate } from './certificate.reader.ts';
import { readContract } from './contract.reader.ts';
import { LAYOUT_A, LAYOUT_B } from './test-data/certificate-layouts.fixtures.ts';
import { STYLE_1, STYLE_2 } from './test-data/contract-styles.fixtures.ts';

/**
 * OCR-like noise, deterministic: accents lost or mangled, ligatures, O/0 and
 * l/1 swapped inside numbers, doubled spaces, upper-case words. Split words
 * are not simulated: cues do not survive them (known weakness).
 */
function noisy(pages: PageText[]): PageText[] {
  let n = 0;
  const text = (t: string) =>
    t
      .replace(/[éèêÉ]/g, (c) => (++n % 3 === 0 ? 'e' : n % 3 === 1 ? c : 'é'))
      .replace(/fi/g, 'ﬁ')
      .replace(/(\d)0(\d)/g, '$1O$2')
      .replace(/\/1(\d)\//g, '/l$1/')
      .replace(/ (de|des) /g, '  $1 ')
      .replace(/Prestataire/g, 'PRESTATAIRE');
  return pages.map((p) => ({ ...p, text: text(p.text), source: 'ocr' as const, confidence: 80 }));
}

describe('OCR-like noise', () => {
  it('certificate fields survive lost accents, ligatures and letter/digit swaps', () => {
    for (const pages of [LAYOUT_A, LAYOUT_B]) {
      const clean = readCertificate(pages);
      const dirty = readCertificate(noisy(pages));
      expect([dirty.issuedOn, dirty.expiresOn, dirty.activities, dirty.referential, dirty.siren]).toEqual([clean.issuedOn, clean.expiresOn, clean.activities, clean.referential, clean.siren]);
      expect(dirty.body).not.toBeNull();
      expect(dirty.holder).not.toBeNull();
    }
  });

  it('a certificate number whose zero OCR read as O after the prefix is shown with its zero', () => {
    const page = (source: PageText['source']): PageText[] => [
      { page: 1, source, confidence: source === 'ocr' ? 88 : null, text: 'CERTIFICAT HDS\nCertificat n° FRO77922\nTitulaire : Endosoft SAS' },
    ];
    expect(readCertificate(page('ocr')).number).toBe('FR077922');
    // A text layer is what the issuer typed: kept as printed.
    expect(readCertificate(page('text-layer')).number).toBe('FRO77922');
  });

  it('contract clauses, HDS statement and locations survive the same noise', () => {
    for (const pages of [STYLE_1, STYLE_2]) {
      const clean = readContract(pages);
      const dirty = readContract(noisy(pages));
      expect(dirty.hdsMention).toBe(clean.hdsMention);
      expect(dirty.clauses.map((c) => c.present)).toEqual(clean.clauses.map((c) => c.present));
      expect(dirty.hostingLocations.map((l) => l.countryCode)).toEqual(clean.hostingLocations.map((l) => l.countryCode));
    }
  });

  it('an elided article whose apostrophe OCR lost still names the incident contact', () => {
    const text = "Article 26 - Gestion des incidents\n\nLinterlocuteur de l'Établissement pour le traitement des incidents affectant les données de santé est M. Frédéric Chevalier, Directeur des systèmes d'information.";
    const clause = readContract([{ page: 1, text, source: 'ocr', confidence: 90 }]).clauses.find((c) => c.key === 'incident_contact');
    expect(clause?.present).toBe(true);
    const glued = readContract([{ page: 1, text: "Interlocuteur en cas d'incident\n\nLEtablissement désigne comme interlocuteur contractuel pour tout incident ayant un impact sur les données de santé hébergées : Mme Sophie Barbier.", source: 'ocr', confidence: 90 }]);
    expect(glued.clauses.find((c) => c.key === 'incident_contact')?.present).toBe(true);
    // Short words are not read through a glued "l"/"d": "la" is not "a".
    const unrelated = readContract([{ page: 1, text: 'Le Prestataire livre la solution et dinstalle le logiciel.', source: 'ocr', confidence: 90 }]).clauses.find((c) => c.key === 'incident_contact');
    expect(unrelated?.present).toBe(false);
  });

  it('an activity list whose spaces OCR dropped ("3et4") keeps every number', () => {
    const text = "ATTESTATION DE CERTIFICATION\nLSTI atteste que la société URODOC SAS est certifiée conformément au référentiel de certification HDS v2.0 pour les activités 1, 2,\n3et4.";
    expect(readCertificate([{ page: 1, text, source: 'ocr', confidence: 90 }]).activities).toEqual([1, 2, 3, 4]);
  });
});
