import { findDates, isSameOrganisation, KNOWN_CERTIFICATION_BODIES, type Span } from '@hds/core';
import { ANY_LABEL, CERTIFIES, LABEL_RE } from './certificate.cues.ts';
import { testFolded } from './cue-matcher.ts';
import type { DocumentText, Line } from './document-text.ts';
import { createSpan } from './evidence.ts';
import { findLabelValues } from './label-values.ts';
import { cutOrganisationName, isPlausibleName, type NameRange } from './org-names.ts';
import { countryOfName } from './places.ts';
import { fixOcrDigits, fold, literalPattern, matchFolded } from './text-normalizer.ts';

/**
 * Who is certified (holder, SIREN) and who certifies (body). The body is the
 * issuer: a labelled "organisme certificateur", the subject of "X certifie
 * que", a known body's name, or the letterhead; the holder follows "certifie
 * que" or a "titulaire" label. Unknown bodies are read like known ones.
 */

export interface Found {
  text: string;
  span: Span;
}

function found(doc: DocumentText, line: Line, range: NameRange): Found {
  return { text: range.text, span: createSpan(line.page, range.start, range.end) };
}

const TITLE = /^(certificat|certificate|attestation|certification)\b[^a-z]*((de |d'|of )?(certification|conformite|registration|enregistrement|hds|hebergeur)\b.*)?$/;
const GENERIC_SUBJECT = /^(nous|we|il|elle|le present|la presente|this|ce certificat|cette attestation|l'organisme (de certification )?soussigne|le soussigne|l'auditeur|par la presente)/;
// OCR drops the space before a colon ("l'organisme:") and puts the name after a blank line.
const HOLDER_LEAD =
  /^\s*(?:(?:le|la|les)\s+(?:syst[èe]mes?\s+de\s+management(?:\s+de\s+la\s+s[ée]curit[ée]\s+de\s+l'information)?|SMSI|SMS|organisation|prestations?)(?:\s+\S+){0,4}?\s+(?:de\s+la\s+soci[ée]t[ée]\s+|de\s+|du\s+|d'|des\s+|mis\s+en\s+(?:place|[œo]e?uvre)\s+par\s+)|the\s+(?:information\s+security\s+)?management\s+system\s+of\s+|la\s+soci[ée]t[ée]\b|l'organisme\b|l'entreprise\b|la\s+personne\s+morale\b|l'organisation\b|the\s+(?:company|organi[sz]ation)\b)?[\s:]*/iu;

function isNameLike(range: NameRange | null): range is NameRange {
  if (!range) return false;
  const f = fold(range.text);
  if (TITLE.test(f) || GENERIC_SUBJECT.test(f)) return false;
  if (findDates(range.text).length > 0) return false;
  const first = range.text.split(/\s+/)[0] ?? '';
  return countryOfName(range.text) === null && countryOfName(first) === null;
}

/** Cuts a body name out of running text: it ends at the first lower-case word that is not a connector. */
function cutBodyName(raw: string, base: number): NameRange | null {
  const lead = /^\s*(?:(?:le|la|l')\s*(?=\p{Lu}))?/iu.exec(raw)![0].length;
  const cut = cutOrganisationName(raw.slice(lead), base + lead);
  if (!cut) return null;
  const words = [...cut.text.matchAll(/\S+/g)];
  let end = cut.text.length;
  for (const w of words.slice(1)) {
    if (/^\p{Ll}/u.test(w[0]) && !/^(de|du|des|d'\S*|et|&|la|le|les|pour|of|and|the)$/.test(w[0])) {
      end = w.index!;
      break;
    }
  }
  const text = cut.text.slice(0, end).replace(/\s+(de|du|des|et|la|le|les|pour|of|and|the)?\s*$/, '').trim();
  return isPlausibleName(text) ? { text, start: cut.start, end: cut.start + text.length } : null;
}

export function readBody(doc: DocumentText): Found | null {
  for (const hit of findLabelValues(doc, LABEL_RE.body, ANY_LABEL)) {
    const v = hit.value;
    const range = v ? cutBodyName(v.text, v.start) : null;
    if (v && isNameLike(range)) return found(doc, v.line, range);
  }
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    const cue = matchFolded(line.folded, CERTIFIES)[0];
    if (!cue) continue;
    const before = line.page.text.slice(line.start, cue.start);
    const same = before.trim() ? cutBodyName(before, line.start) : null;
    if (isNameLike(same)) return found(doc, line, same);
    if (before.trim()) continue;
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      const prev = doc.lines[j]!;
      if (prev.page !== line.page || !prev.text.trim()) continue;
      const range = cutBodyName(prev.text, prev.start);
      if (isNameLike(range)) return found(doc, prev, range);
      break;
    }
  }
  const known = knownBody(doc);
  if (known) return known;
  return letterhead(doc);
}

const KNOWN_NAMES = KNOWN_CERTIFICATION_BODIES.flatMap((b) => [b.name, ...b.aliases]).sort((a, b) => b.length - a.length);
const KNOWN = KNOWN_NAMES.map((name) => new RegExp(`\\b${literalPattern(name)}\\b`, 'g'));

/** The first known body named in the document (longest alias first on each line), as printed. */
function knownBody(doc: DocumentText): Found | null {
  for (const line of doc.lines) {
    for (const re of KNOWN) {
      const m = matchFolded(line.folded, re)[0];
      if (!m) continue;
      const printed = line.page.text.slice(m.start, m.end);
      // Short all-caps aliases (BSI, LNE) must be printed in capitals, not found inside ordinary words.
      if (printed.length <= 4 && printed !== printed.toUpperCase()) continue;
      return longestPrinted(doc, re) ?? found(doc, line, { text: printed, start: m.start, end: m.end });
    }
  }
  return null;
}

/** "ICTS" in the letterhead, "International Certification Trust Services" below: report the fuller printed name of the same body. */
function longestPrinted(doc: DocumentText, hit: RegExp): Found | null {
  const body = KNOWN_CERTIFICATION_BODIES.find((b) => [b.name, ...b.aliases].some((a) => KNOWN[KNOWN_NAMES.indexOf(a)] === hit));
  if (!body) return null;
  for (const name of [body.name, ...body.aliases].sort((a, b) => b.length - a.length)) {
    const re = KNOWN[KNOWN_NAMES.indexOf(name)]!;
    for (const line of doc.lines) {
      const m = matchFolded(line.folded, re)[0];
      if (m) return found(doc, line, { text: line.page.text.slice(m.start, m.end), start: m.start, end: m.end });
    }
  }
  return null;
}

const ISSUER_WORDS = /certif|qualit|audit|conformite|inspection|assurance|veritas|afnor|bsi|lne|lsti|icts|controle/;

function letterhead(doc: DocumentText): Found | null {
  const top = doc.lines.filter((l) => l.page === doc.pages[0] && l.text.trim()).slice(0, 3);
  for (const line of top) {
    const cell = line.cells[0];
    if (!cell) continue;
    const f = fold(cell.text);
    if (TITLE.test(f) || !ISSUER_WORDS.test(f)) continue;
    const range = cutBodyName(cell.text, cell.start);
    if (isNameLike(range)) return found(doc, line, range);
  }
  return null;
}

export function readHolder(doc: DocumentText, body: Found | null): Found | null {
  const ok = (range: NameRange | null): range is NameRange => isNameLike(range) && !(body && isSameOrganisation(range.text, body.text));
  for (const hit of findLabelValues(doc, LABEL_RE.holder, ANY_LABEL)) {
    const v = hit.value;
    if (!v) continue;
    const range = cutOrganisationName(v.text, v.start);
    if (ok(range)) return found(doc, v.line, range);
  }
  for (const line of doc.lines) {
    for (const cue of matchFolded(line.folded, CERTIFIES)) {
      const text = line.page.text;
      const tail = text.slice(cue.end, Math.min(text.length, cue.end + 240));
      const lead = HOLDER_LEAD.exec(tail)![0].length;
      const range = cutOrganisationName(tail.slice(lead), cue.end + lead);
      if (ok(range)) return found(doc, line, range);
    }
  }
  return null;
}

const SIREN_DIGITS = /(?<!\d)(\d{3}) ?(\d{3}) ?(\d{3})(?: ?\d{5})?(?!\d)/;

/** SIREN printed with a label; the one nearest after the holder wins (a footer may print the body's). */
export function readSiren(doc: DocumentText, holder: Found | null, body: Found | null): Found | null {
  const candidates: Array<{ line: Line; start: number; end: number; digits: string }> = [];
  for (const line of doc.lines) {
    for (const m of matchFolded(line.folded, LABEL_RE.siren)) {
      const rest = fixOcrDigits(line.page.text.slice(m.end, Math.min(line.page.text.length, line.end + 1 + 40)));
      const d = SIREN_DIGITS.exec(rest);
      if (!d || d.index > 40) continue;
      const start = m.end + d.index;
      candidates.push({ line, start, end: start + d[0].length, digits: `${d[1]}${d[2]}${d[3]}` });
    }
  }
  // After the holder's name: the holder's. Elsewhere, a line naming the body prints the body's own number.
  const after = holder ? candidates.filter((c) => c.line.page.page === holder.span.page && c.start >= holder.span.end) : [];
  const bodyName = body ? new RegExp(literalPattern(body.text)) : null;
  const elsewhere = candidates.filter((c) => !(bodyName && testFolded(c.line.folded.text, bodyName)));
  const pick = after.sort((a, b) => a.start - b.start)[0] ?? elsewhere[0];
  if (!pick) return null;
  return { text: pick.digits, span: createSpan(pick.line.page, pick.start, pick.end) };
}
