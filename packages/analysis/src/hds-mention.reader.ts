import type { Span } from '@hds/core';
import { anyOf, testFolded } from './cue-matcher.ts';
import type { DocumentText, Segment } from './document-text.ts';
import { segmentSpan } from './evidence.ts';
import { matchFolded } from './text-normalizer.ts';

/**
 * An explicit statement that the service is provided under an HDS
 * certificate: the host (or the hosting provider it names) holds the
 * certificate, or the data is hosted by a certified HDS host. Mentions of the
 * law, of security in general, of ISO 27001, negations and pending
 * certifications do not count.
 */

// Quotes often wrap the name: la certification « Hébergeur de données de santé » (HDS).
const HDS = '"? ?(hds|hebergeurs? de donnees de sante|hebergement de donnees de sante|d\'hebergeur de donnees de sante)';

/** Positive statements, on folded text. */
export const HDS_STATEMENTS: string[] = [
  `\\b(est|sont|etant|soit|reste|demeure)( dument| bien| egalement)? certifie(e|s|es)? (${HDS}|pour (l'|les activites)|conformement a l'article l\\.? ?1111-8)`,
  `\\b(titulaire|detenteur|detentrice|beneficiaire|porteur) (d'un|d'une|du|de la|des) certifica(t|tion)s? ${HDS}`,
  `\\b(dispose|disposent|possede|possedent|beneficie|beneficient|detient|detiennent|justifie|justifient) (d'un|d'une|du|de la|des) certifica(t|tion)s? ${HDS}`,
  `\\bheberge(e|es|s)? (par|chez|aupres d'|aupres de) [^.;]{0,80}?\\bcertifie(e|s|es)? ${HDS}`,
  `\\bhebergeurs? certifie(e|s|es)? (${HDS}|(conformement a|au sens de) l'article l\\.? ?1111-8)`,
  `\\bhebergeurs? de donnees de sante certifie(e|s|es)?\\b`,
  `\\bhebergeurs? de donnees de sante \\(hds\\) certifie`,
  `\\bcertifie(e|s|es)? ${HDS}`,
  `\\bcertifica(t|tion) ${HDS} (n°|no|numero)`,
  `\\b(son|sa|notre|leur) certifica(t|tion) ${HDS}\\b`,
  `\\bcertifica(t|tion) ${HDS} (du|de l') (prestataire|hebergeur|titulaire|fournisseur) (est |sont |figure )?(joint|annexe|en annexe|figure|reproduit|n°)`,
  `\\bs'engage a maintenir (sa|son) certifica(t|tion)`,
  `\\bsous (le )?couvert (de|du) (la |sa |son |leur |l')?certifica(t|tion)`,
];

/** Anything in the sentence that withdraws the statement. */
export const HDS_WITHDRAWALS: string[] = [
  "\\bn'(est|a|ont|sont|etait|etant|dispose|disposent|possede|beneficie|detient)\\b (pas|plus|jamais|aucun|aucune|point)\\b[^.;]{0,50}(certifi|hds)",
  '\\bne (sont|est|dispose|disposent|possede|beneficie|detient|saurait|peut)\\b[^.;]{0,25}\\b(pas|plus|jamais|aucun|aucune)\\b[^.;]{0,50}(certifi|hds)',
  '\\bnon[- ]certifie',
  '\\bsans (etre )?certifi',
  '\\baucune? (certification|certificat)',
  '\\bpas (encore )?(de )?certifi',
  'en cours (de|d\'obtention|d\'audit)',
  'demarche (de|d\') ?(certification|obtention)',
  '\\b(prevoit|envisage|vise|compte|souhaite|projette) (d\'obtenir|de (se faire )?certifier|la certification|d\'etre certifie)',
  "(obtention|certification) (prochaine|prevue|envisagee|a venir)",
  '\\bsera certifie', '\\bdevrait etre certifie', '\\ba terme\\b', '\\bprochainement\\b',
  '\\bsi (le|la|l\'|les) (prestataire|hebergeur|titulaire|fournisseur)\\b[^.;]{0,40}certifi',
  '\\b(perte|retrait|suspension) (de|du|de la) (son |sa )?certifica',
  '\\b(maison mere|societe mere|groupe auquel)\\b',
];

const STATEMENT = anyOf(HDS_STATEMENTS);
const WITHDRAWAL = anyOf(HDS_WITHDRAWALS);
// Certification of something that is not HDS ("certifié ISO 27001") must not ride on a far-away "HDS".
const ISO_ONLY = anyOf(['certifie(e|s|es)? iso', 'certification iso']);

export interface HdsMention {
  mention: boolean;
  span: Span | null;
}

function statementIn(seg: Segment): { start: number; end: number } | null {
  if (!testFolded(seg.folded.text, STATEMENT)) return null;
  if (testFolded(seg.folded.text, WITHDRAWAL)) return null;
  for (const m of matchFolded(seg.folded, STATEMENT)) {
    const words = m.match[0];
    if (testFolded(words, ISO_ONLY) && !/hds|donnees de sante/.test(words)) continue;
    return { start: m.start, end: m.end };
  }
  return null;
}

export function readHdsMention(doc: DocumentText): HdsMention {
  for (const seg of doc.segments) {
    if (seg.kind === 'heading') continue;
    const hit = statementIn(seg);
    if (hit) return { mention: true, span: segmentSpan(seg, hit.start, hit.end) };
  }
  return { mention: false, span: null };
}
