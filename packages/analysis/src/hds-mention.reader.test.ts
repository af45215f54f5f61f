import { describe, expect, it } from 'vitest';
import { documentText } from './document-text.ts';
import { readHdsMention } from './hds-mention.reader.ts';
import { toPages } from './test-data/pages.fixtures.ts';

const mention = (text: string) => readHdsMention(documentText(toPages(text)));

describe('HDS mention', () => {
  it('counts explicit statements that the service is provided under an HDS certificate', () => {
    for (const text of [
      "Le Prestataire est titulaire d'un certificat HDS n° 38436-2 couvrant les activités 1 à 6.",
      "Les données de santé sont hébergées par un hébergeur certifié HDS conformément à l'article L.1111-8 du code de la santé publique.",
      "L'offre DataSanté est hébergée chez NUAGE SOUVERAIN SAS, certifiée hébergeur de données de santé pour les activités 1 à 3.",
      'Le Titulaire, hébergeur de données de santé certifié, assure la sauvegarde des données.',
      'Le Prestataire dispose de la certification HDS pour les activités 5 et 6 et s\'engage à la maintenir pendant toute la durée du contrat.',
    ]) {
      expect(mention(text).mention, text).toBe(true);
    }
  });

  it('does not count security claims, ISO 27001, pending certifications, negations or the law alone', () => {
    for (const text of [
      'Le Prestataire garantit un hébergement sécurisé, conforme aux bonnes pratiques du secteur.',
      'Nos datacenters sont certifiés ISO 27001.',
      "Le Prestataire n'est pas certifié HDS.",
      'Le Prestataire ne dispose pas, à ce jour, de la certification HDS.',
      'Une démarche de certification HDS est en cours et devrait aboutir en 2026.',
      'Le Prestataire prévoit d\'obtenir la certification HDS.',
      "Conformément à l'article L.1111-8 du code de la santé publique, l'hébergement de données de santé nécessite une certification.",
      "L'hébergement de données de santé requiert la certification HDS de l'hébergeur.",
      'La maison mère du Prestataire est certifiée HDS.',
    ]) {
      expect(mention(text).mention, text).toBe(false);
    }
  });

  it('keeps the first positive statement as evidence, skipping a negated one before it', () => {
    const text = "Préambule\nLa filiale n'est pas certifiée HDS. Toutefois, les données sont hébergées chez NUAGE SAS, hébergeur certifié HDS.";
    const r = mention(text);
    expect(r.mention).toBe(true);
    expect(r.span!.excerpt).toBe('Toutefois, les données sont hébergées chez NUAGE SAS, hébergeur certifié HDS.');
  });

  it('survives OCR-broken accents and a word split by hyphenation', () => {
    expect(mention("Le Prestataire est certiﬁé HDS et l'hé-\nbergeur certifié HDS opère les serveurs.").mention).toBe(true);
  });
});
