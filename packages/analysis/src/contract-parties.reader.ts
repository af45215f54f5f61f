import type { PageText, Span } from '@hds/core';
import type { DocumentText } from './document-text.ts';
import { createSpan } from './evidence.ts';
import { cutOrganisationName, type NameRange } from './org-names.ts';
import { fold, matchFolded, sourceRange } from './text-normalizer.ts';

/**
 * The parties of a contract. The host is the party the contract calls
 * "le Prestataire", "l'Hébergeur", "le Fournisseur", "le Titulaire"…; its
 * name is the start of the block that this designation closes ("ENTRE …
 * (ci-après « le Client ») ET la société X, … (ci-après « le Prestataire »)").
 * Fallbacks: a definition ("« Prestataire » désigne la société X"), a label
 * ("Prestataire : X"), "entre X et le Client".
 */

export const HOST_ROLES = ['prestataire', 'hebergeur', 'fournisseur', 'titulaire', 'editeur', 'operateur', 'cocontractant'];
export const CLIENT_ROLES = ['client', 'etablissement', 'acheteur', 'pouvoir adjudicateur', 'responsable de traitement', 'adherent', 'souscripteur', 'beneficiaire', 'ght', 'chu'];

const ROLE = `(${[...HOST_ROLES, ...CLIENT_ROLES].join('|')})`;
const ART = "(?:le |la |l'|les )?";
const DESIGNATION = new RegExp(
  [
    `\\b(?:ci-?apres|ci-dessous)\\b[^"()]{0,30}?"?\\s*${ART}"?\\s*${ROLE}\\b`,
    `\\b(?:denomme|designe|appele|nomme)e?s?\\s*(?:ci-?apres\\s*)?:?\\s*(?:par\\s*)?${ART}"\\s*${ART}${ROLE}\\b`,
    `\\(${ART}\\s*"\\s*${ART}${ROLE}\\s*"\\s*\\)`,
  ].join('|'),
  'g',
);
const BOUNDARY = /\bentre\b(?: les soussignes)?\s*:?|(?:^|[.;,)"] ?)et\b\s*(?:d'autre part\b)?\s*:?|\bd'une part\b|\bd'autre part\b/g;

export interface Party {
  role: string;
  name: string;
  span: Span;
}

export interface Parties {
  host: Party | null;
  client: Party | null;
}

function party(page: PageText, role: string, range: NameRange): Party {
  return { role, name: range.text, span: createSpan(page, range.start, range.end) };
}

// "…, Gastroflux Santé S.A.S. est désignée « l'Hébergeur »": the name is the subject.
// Found from its verb, then the name is read backwards to the previous punctuation (a leading lazy group would backtrack over the page).
const NAMED_AS = new RegExp(`\\s(?:est|sont) (?:designee?s?|denommee?s?|appelee?s?)\\s*(?:ci-?apres\\s*)?:?\\s*"\\s*${ART}${ROLE}`, 'g');

function designatedParties(doc: DocumentText, page: PageText): Party[] {
  const f = doc.folds.get(page)!;
  const out: Party[] = [];
  for (const m of matchFolded(f, NAMED_AS)) {
    const before = f.text.slice(Math.max(0, m.fstart - 90), m.fstart);
    const cut = Math.max(...[',', ';', '(', ')', '"'].map((c) => before.lastIndexOf(c) + 1), before.lastIndexOf('. ') + 2, 0);
    if (before.length - cut < 2) continue;
    const { start, end } = sourceRange(f, m.fstart - before.length + cut, m.fstart);
    const name = cutOrganisationName(page.text.slice(start, end), start);
    if (name) out.push(party(page, m.match[1]!, name));
  }
  const boundaries = matchFolded(f, BOUNDARY).map((m) => m.end);
  let previousEnd = 0;
  for (const m of matchFolded(f, DESIGNATION)) {
    const role = (m.match[1] ?? m.match[2] ?? m.match[3])!;
    // The block ends where the designation starts; include an opening "(" in the cut.
    const blockEnd = m.start;
    let blockStart = Math.max(previousEnd, ...boundaries.filter((b) => b <= blockEnd));
    const paragraph = page.text.lastIndexOf('\n\n', blockEnd);
    if (paragraph + 2 > blockStart && paragraph >= 0 && blockEnd - paragraph > 2) blockStart = paragraph + 2;
    previousEnd = m.end;
    const name = cutOrganisationName(page.text.slice(blockStart, blockEnd), blockStart);
    if (name) out.push(party(page, role, name));
  }
  return out;
}

const DEFINITION = new RegExp(`"\\s*(${HOST_ROLES.join('|')})\\s*"\\s*(?::|designe|signifie|s'entend de|fait reference a|vise)\\s*`, 'g');
const LABEL = new RegExp(`^\\s*(?:raison sociale (?:du |de l')?)?(${HOST_ROLES.join('|')})(?: du marche| de services)?\\s*(?::|\\s{3,})\\s*`);
const BETWEEN = /\bentre (?:la societe )?/g;
const CELL_LABEL = new RegExp(`^(?:raison sociale (?:du |de l'))?(?:${HOST_ROLES.join('|')})(?: du marche| de services)?\\s*:?$`);

function fallbackHost(doc: DocumentText): Party | null {
  for (const page of doc.pages) {
    const f = doc.folds.get(page)!;
    for (const m of matchFolded(f, DEFINITION)) {
      const name = cutOrganisationName(page.text.slice(m.end, m.end + 160), m.end);
      if (name) return party(page, m.match[1]!, name);
    }
  }
  for (const line of doc.lines) {
    // "Prestataire   X – RCS …": a label cell and its value cell.
    const [label, value] = line.cells;
    if (label && value && CELL_LABEL.test(fold(label.text))) {
      const name = cutOrganisationName(value.text, value.start);
      if (name) return party(line.page, fold(label.text).split(' ')[0]!, name);
    }
    const m = LABEL.exec(line.folded.text);
    if (!m) continue;
    const at = m[0].length < line.folded.text.length ? sourceRange(line.folded, m[0].length, m[0].length + 1).start : line.end;
    const name = cutOrganisationName(line.page.text.slice(at, line.end), at);
    if (name) return party(line.page, m[1]!, name);
  }
  for (const page of doc.pages.slice(0, 2)) {
    const f = doc.folds.get(page)!;
    for (const m of matchFolded(f, BETWEEN)) {
      const after = f.text.slice(m.fend, m.fend + 120);
      if (!/ et (le|ses|son|les|tout) (client|clients|etablissement|souscripteur)/.test(after)) continue;
      const name = cutOrganisationName(page.text.slice(m.end, m.end + 120).replace(/\s+et\s+(le|ses|son|les|tout)\s[\s\S]*$/i, ''), m.end);
      if (name) return party(page, 'prestataire', name);
    }
  }
  return null;
}

export function readParties(doc: DocumentText): Parties {
  const designated = doc.pages.slice(0, 3).flatMap((p) => designatedParties(doc, p));
  const host = designated.find((p) => HOST_ROLES.includes(p.role)) ?? fallbackHost(doc);
  const client = designated.find((p) => CLIENT_ROLES.includes(p.role)) ?? null;
  return { host, client };
}
