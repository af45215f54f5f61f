import { KNOWN_CERTIFICATION_BODIES, organisationKey } from '@hds/core';
import { fold } from './text-normalizer.ts';

/**
 * Organisation names as printed: cut out of a party block, a label value or
 * a sentence, keeping offsets so the span is exactly the name.
 */

export interface NameRange {
  text: string;
  start: number;
  end: number;
}

const LEADING: RegExp[] = [
  /^[\s:,;"«»()\-–•]+/,
  /^(?:entre|et)\b\s*(?:les\s+soussign\S*)?\s*[:,]?\s*/i,
  /^(?:d'une part|d'autre part)\s*,?\s*/i,
  /^(?:la|le|l')\s*(?:soci[ée]t[ée]|entreprise|groupement|association|structure)\s+/i,
  /^(?:soci[ée]t[ée]|entreprise)\s+(?=\p{Lu})/iu,
  // "le Centre Hospitalier X", "le GHT Y": the article is not part of the name.
  /^(?:le|la|l')\s*(?=(?:centre|groupement|groupe hospitalier|GHT|CHU|CHR|CHI|[ée]tablissement|h[ôo]pital|clinique|institut|fondation|syndicat|GCS|assistance publique)\b)/iu,
];

const STOP =
  /\s*(?:[,;(\n"«»]|\s[-–]\s|\s(?:au capital|dont|ayant|sise?|situ[ée]e?s?|immatricul|inscrite?|repr[ée]sent[ée]e?|SIREN|SIRET|RCS|domicili|ci-apr[eè]s|ci-dessous|enregistr[ée]e?|sous le n|n°|soci[ée]t[ée] (?:par actions|anonyme|[àa] responsabilit)|a [ée]t[ée]|est conforme|satisfait|respecte|remplit|pour les|pour l'|pour son|has been|is certified|complies|conform[ée]ment|en qualit[ée]|agissant|h[ée]bergeur certifi|certifi[ée]e? HDS))/u;

/** Words that are roles or document words, never a party's name. */
const NOT_NAMES = new Set([
  'prestataire', 'client', 'hebergeur', 'fournisseur', 'titulaire', 'editeur', 'operateur', 'etablissement', 'acheteur', 'parties', 'partie',
  'le prestataire', 'le client', 'l hebergeur', 'le titulaire', 'le fournisseur', 'l etablissement', 'les parties', 'societe', 'contrat', 'annexe',
  'article', 'hds', 'cofrac', 'ans', 'donnees', 'sous traitant', 'sous traitants', 'systeme de management', 'le systeme de management', 'nous',
]);

function keepLegalDot(name: string, following: string): string {
  return /(?:^|\s)(?:\p{Lu}\.){1,3}\p{Lu}$/u.test(name) && following.startsWith(`${name}.`) ? `${name}.` : name;
}

// A capitalised first word that starts a sentence, not a name ("Dans les présentes…").
const SENTENCE_START = /^(m|mme|mlle|monsieur|madame|dr|docteur|me|maitre|pr|professeur|dans|pour|conformement|sous|en|au|aux|par|ce|cet|cette|ces|il|elle|ils|selon|lorsque|si|toute?s?|chaque|afin|les|des|une?|sur|avec|apres|avant|entre|lors|le present|la presente|nous|vous)\b/;

/** Cuts an organisation name out of `raw` (which starts at page offset `base`). */
export function cutOrganisationName(raw: string, base: number): NameRange | null {
  let s = 0;
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const re of LEADING) {
      const m = re.exec(raw.slice(s));
      if (m && m[0].length > 0) {
        s += m[0].length;
        progressed = true;
      }
    }
  }
  // A name in capitals may wrap: "HEXALIS\nINFRASTRUCTURES SAS" (same length, offsets kept).
  // …and "Nordwolke\nRechenzentren GmbH" when the next line ends the name with its legal form.
  const rest = raw
    .slice(s)
    .replace(/(\p{Lu}{2,}) *\n *(?=\p{Lu}{2,}\b)/gu, (m) => m.replace(/\n/g, ' '))
    .replace(WRAPPED_BEFORE_LEGAL_FORM, (m) => m.replace(/\n/g, ' '));
  const stop = STOP.exec(rest);
  let text = stop ? rest.slice(0, stop.index) : rest;
  text = keepLegalDot(text.replace(/[\s.:]+$/, ''), rest);
  if (!isPlausibleName(text)) return null;
  return { text, start: base + s, end: base + s + text.length };
}

export function isPlausibleName(text: string): boolean {
  if (text.length < 2 || text.length > 90) return false;
  if ((text.match(/\p{L}/gu) ?? []).length < 2) return false;
  if (!/^[\p{Lu}\d]/u.test(text)) return false;
  if (SENTENCE_START.test(fold(text))) return false;
  if (/^\d+[\s,]+(rue|avenue|boulevard|bd|place|chemin|route|all[ée]e|quai|impasse)\b/i.test(text)) return false;
  const f = fold(text).replace(/[^a-z0-9]+/g, ' ').trim();
  return !NOT_NAMES.has(f) && f.split(' ').length <= 12;
}

const BODY_NAMES = KNOWN_CERTIFICATION_BODIES.flatMap((b) => [b.name, ...b.aliases]).map((alias) => ({
  key: organisationKey(alias),
  words: alias.length > 3 ? ` ${fold(alias).replace(/[^a-z0-9]+/g, ' ').trim()} ` : null,
}));

/** True when `name` is (or names) a known certification body. */
export function isCertificationBody(name: string): boolean {
  const key = organisationKey(name);
  const f = ` ${fold(name).replace(/[^a-z0-9]+/g, ' ').trim()} `;
  return BODY_NAMES.some((b) => b.key === key || (b.words !== null && f.includes(b.words)));
}

// Acronyms and document words printed in capitals that are not organisations.
const CAPS_STOP = new Set(
  ('hds rgpd gdpr csp iso iec sla pra pca chu ght ans ue eee eea iaas paas saas dpo rssi dsi vpn api url https http siren siret rcs tva cnil anssi cofrac mco gtr gti ' +
    'article annexe entre et client prestataire contrat conditions generales particulieres objet secnumcloud nb ttc ht eur pdf ip vm vms san nas sql it si le la les des du de l ' +
    'hebergeur titulaire fournisseur exempte oui non activite activites france europe eu us usa uk r d a n ou sur par pour au aux en cloud act fisa sas sa sarl se gmbh ltd inc ' +
    'iv iii ii i v vi annexes definitions preambule parties hebergement donnees sante sauvegarde iso27001 cgv cgu dpa cct scc part une autre d')
    .split(' '),
);

const LEGAL_FORM = '(?:SASU|SAS|SARL|SA|SE|GmbH|Ltd|Limited|Inc\\.?|LLC|B\\.V\\.?|BV|N\\.V\\.?|NV|SpA|AG|S\\.A\\.S\\.U\\.?|S\\.A\\.S\\.?|S\\.A\\.R\\.L\\.?|S\\.A\\.|S\\.E\\.?)';
// Words of a name are separated by one space or one line break (a name may wrap); a cell separator ends it.
// The legal form may follow a comma: "Neuroscope\nTechnologies, SAS".
const WRAPPED_BEFORE_LEGAL_FORM = new RegExp(`(\\p{Lu}[\\p{L}\\d&'-]*) *\\n *(?=(?:\\p{Lu}[\\p{L}\\d&'-]*,? ){0,3}${LEGAL_FORM}(?![\\p{L}]))`, 'gu');
const WITH_LEGAL_FORM = new RegExp(`(?<![\\p{L}\\d])((?:[\\p{Lu}\\d][\\p{L}\\d'&.\\-]*[ \\n]){0,5}?[\\p{Lu}\\d][\\p{L}\\d'&.\\-]*),?[ \\n]${LEGAL_FORM}(?![\\p{L}])`, 'gu');
const ALL_CAPS = /(?<![\p{L}\d])[\p{Lu}][\p{Lu}\d&'\-]+(?:[ \n](?:[\p{Lu}\d][\p{Lu}\d&'\-.]*|&))*(?![\p{L}\d])/gu;
const AFTER_CUE = /(?:\bpar|\bchez|\baupr[èe]s d[eu']|\bla soci[ée]t[ée]|\bsoci[ée]t[ée]|\bsous-traitant|\bprestataire|\bpartenaire)\s+([\p{Lu}][\p{L}\d'&\-]*(?: [\p{Lu}\d][\p{L}\d'&\-]*){0,3})/gu;

function words(text: string): string[] {
  return fold(text).replace(/[^a-z0-9&]+/g, ' ').trim().split(' ').filter(Boolean);
}

/** Trims leading sentence words ("Hébergement NUAGE SAS") and stop acronyms off a candidate. */
function tidy(text: string, start: number): NameRange | null {
  let s = 0;
  let e = text.length;
  const parts = [...text.matchAll(/\S+/g)];
  const isLegalForm = (w: string): boolean => new RegExp(`^${LEGAL_FORM}$`).test(w);
  const hasCapsCore = parts.some((p) => /^[\p{Lu}\d&'\-.]{2,}$/u.test(p[0]) && /\p{Lu}{2}/u.test(p[0]) && !isLegalForm(p[0]) && !CAPS_STOP.has(words(p[0]).join(' ')));
  let i = 0;
  while (i < parts.length - 1) {
    const w = parts[i]![0];
    // Leading numbering ("1.3", "2)") and stop words are not part of the name.
    const isStop = CAPS_STOP.has(words(w).join(' ')) || !/\p{L}/u.test(w);
    const isSentenceWord = hasCapsCore && /^\p{Lu}\p{Ll}/u.test(w);
    if (!isStop && !isSentenceWord) break;
    i++;
    s = parts[i]!.index!;
  }
  let j = parts.length - 1;
  while (j > i && CAPS_STOP.has(words(parts[j]![0]).join(' ')) && !isLegalForm(parts[j]![0])) {
    j--;
    e = parts[j]!.index! + parts[j]![0].length;
  }
  // Trailing punctuation goes, except the last dot of a dotted legal form ("S.A.S.").
  const name = keepLegalDot(text.slice(s, e).replace(/[\s.,;:'\-]+$/, ''), text.slice(s)).replace(/\n/g, ' ');
  const core = words(name).filter((w) => !CAPS_STOP.has(w));
  if (core.length === 0 || !isPlausibleName(name) || core.join('').length < 3) return null;
  return { text: name, start: start + s, end: start + s + name.length };
}

/** Organisation names printed in a piece of text (`base` = page offset of `text`). */
export function findOrganisationMentions(text: string, base: number): NameRange[] {
  const found: NameRange[] = [];
  const add = (raw: string, at: number): void => {
    const name = tidy(raw, base + at);
    if (!name) return;
    const clash = found.findIndex((f) => name.start < f.end && name.end > f.start);
    if (clash < 0) found.push(name);
    else if (name.end - name.start > found[clash]!.end - found[clash]!.start) found[clash] = name;
  };
  for (const m of text.matchAll(WITH_LEGAL_FORM)) add(m[0], m.index);
  for (const m of text.matchAll(ALL_CAPS)) add(m[0], m.index);
  for (const m of text.matchAll(AFTER_CUE)) add(m[1]!, m.index + m[0].length - m[1]!.length);
  return found.sort((a, b) => a.start - b.start);
}
