import { findDates, type CertificateReading, type PageText, type Span } from '@hds/core';
import { readCertificateActivities } from './certificate-activities.reader.ts';
import { readValidity } from './certificate-dates.reader.ts';
import { readBody, readHolder, readSiren, type Found } from './certificate-parties.reader.ts';
import {
  ACCREDITATION, ANY_LABEL, CERTIFIES, LABEL_RE, REFERENTIAL_CONTEXT, REFERENTIAL_TRANSITION, REFERENTIAL_V10, REFERENTIAL_V11, REFERENTIAL_V2,
} from './certificate.cues.ts';
import { testFolded } from './cue-matcher.ts';
import { documentText, type DocumentText } from './document-text.ts';
import { createSpan } from './evidence.ts';
import { findLabelValues } from './label-values.ts';
import { fold, matchFolded } from './text-normalizer.ts';

/**
 * Reads an HDS certificate or an attestation of certification. Label and
 * cue driven (no template per body); a field the document does not print is
 * null.
 */

const NUMBER_TOKEN = /[A-Z0-9][A-Za-z0-9]*(?:[-/._][A-Za-z0-9]+)*/g;
// A bare "N°" heads the number only near the top, and never after these words.
// The abbreviation must end there: "référentiel" and "notre" start like "Réf" and "No".
const BARE_NUMBER = /^\s*(n°|no\.?|ref\.?)(?![a-z])\s*:?\s*/;
// A speck OCR read as a quote or a bullet before the label ("“N° CSC/HDS/2026-047").
const STRAY_MARKS = /^\s*["'“”«»‘’*·•|~]+/;
const NOT_CERT_WORDS = '(siren|siret|rcs|tva|cofrac|accreditation|accredite|page|arrete|decret|article|tel|telephone|fax|dossier|client|commande|facture|police|contrat)';
const NOT_CERT_NUMBER = new RegExp(`${NOT_CERT_WORDS}\\W*$`);
const NOT_CERT_NUMBER_AFTER = new RegExp(`^(de |d'|du )?${NOT_CERT_WORDS}`);

function numberIn(text: string, base: number, page: PageText): Found | null {
  const dates = findDates(text);
  // "HDS 726776": a short capital prefix and the digits are one number.
  const prefixed = /^(\p{Lu}{2,6}) (\d[\w\-/.]*\d)\b/u.exec(text);
  if (prefixed) return { text: prefixed[0], span: createSpan(page, base, base + prefixed[0].length) };
  for (const m of text.matchAll(NUMBER_TOKEN)) {
    const token = m[0].replace(/[._/-]+$/, '');
    const start = base + m.index;
    if (!/\d/.test(token) || token.length < 3) continue;
    if (/^\d+$/.test(token) && token.length < 4) continue;
    if (/^\d{1,3}\/\d{1,3}$/.test(token)) continue;
    if (dates.some((d) => m.index < d.end && m.index + token.length > d.start)) continue;
    return { text: page.source === 'ocr' ? ocrNumber(token) : token, span: createSpan(page, start, start + token.length) };
  }
  return null;
}

/**
 * OCR reads a 0 that follows the letter prefix as the letter O ("FRO77922"):
 * an O between letters and digits, or among digits, is a zero. The registry
 * comparison folds O/0 anyway; this is what the report shows.
 */
function ocrNumber(token: string): string {
  return token.replace(/(?<=[A-Z\d])O(?=\d)|(?<=\d)O/g, '0');
}

function readNumber(doc: DocumentText): Found | null {
  for (const hit of findLabelValues(doc, LABEL_RE.number, ANY_LABEL)) {
    const before = fold(hit.line.page.text.slice(Math.max(hit.line.start, hit.start - 30), hit.start));
    if (NOT_CERT_NUMBER.test(before)) continue;
    const v = hit.value;
    const n = v ? numberIn(v.text.slice(0, 60), v.start, v.line.page) : null;
    if (n) return n;
  }
  for (const page of doc.pages) {
    const top = doc.lines.filter((l) => l.page === page && l.text.trim()).slice(0, 15);
    for (const line of top) {
      for (const cell of line.cells) {
        const stray = STRAY_MARKS.exec(cell.text)?.[0].length ?? 0;
        const text = cell.text.slice(stray);
        const f = fold(text);
        const m = BARE_NUMBER.exec(f);
        if (!m || NOT_CERT_NUMBER_AFTER.test(f.slice(m[0].length))) continue;
        const at = cell.start + stray + (text.length - text.replace(/^\s*(N°|No\.?|Nº|Réf\.?|Ref\.?)\s*:?\s*/i, '').length);
        const n = numberIn(cell.text.slice(at - cell.start), at, page);
        if (n) return n;
      }
    }
  }
  return null;
}

/** The referential version, read line by line with the lines around as context (a label cell may wrap). */
function readReferential(doc: DocumentText): { value: string; span: Span } | null {
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    if (!line.text.trim()) continue;
    const around = [doc.lines[i - 1], line, doc.lines[i + 1]].filter((l) => l && l.page === line.page && l.text.trim());
    const f = around.map((l) => l!.folded.text).join(' ');
    if (!REFERENTIAL_CONTEXT.test(f) || testFolded(line.folded.text, REFERENTIAL_TRANSITION)) continue;
    for (const [re, value] of [[REFERENTIAL_V2, 'v2'], [REFERENTIAL_V11, 'v1.1'], [REFERENTIAL_V10, 'v1.0']] as const) {
      // "ISO 27001 v2" or a document version is not the HDS referential: need HDS words in the sentence.
      if (value !== 'v2' || !/arrete du 26 avril 2024/.test(f)) {
        if (!/hds|hebergeur|donnees de sante|referentiel de certification/.test(f)) continue;
      }
      const m = matchFolded(line.folded, re)[0];
      if (m) return { value, span: createSpan(line.page, m.start, m.end) };
    }
  }
  return null;
}

const SCOPE_LABEL = /^(perimetre|scope|champ d'application|champ de (la )?certification|sites?|zones?|regions?|produits?|services?|offres?|applicable|locations?)\b/;
const BULLET = /^[-•–*▪]/;

/** The value printed with a scope label: after ":" or in the next cell, or on the lines below. */
function scopeValue(line: DocumentText['lines'][number]): string | null {
  const f = line.folded.text;
  if (!SCOPE_LABEL.test(f)) return null;
  const colon = line.text.indexOf(':');
  if (colon >= 0 && colon < 60) return line.text.slice(colon + 1).trim();
  if (line.cells.length >= 2 && SCOPE_LABEL.test(fold(line.cells[0]!.text)) && line.cells[0]!.text.length < 50) {
    return line.cells.slice(1).map((c) => c.text).join(' ; ');
  }
  return f.length < 50 && !/[.;]$/.test(f) ? '' : null;
}

function readScopeNotes(doc: DocumentText): string[] {
  const notes: string[] = [];
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    const first = scopeValue(line);
    if (first === null) continue;
    const values = first ? [first] : [];
    // Continuation: bullets, indented lines, or (when the label stood alone) the lines below, until a blank line or another label.
    for (let j = i + 1; j < doc.lines.length && j <= i + 12; j++) {
      const next = doc.lines[j]!;
      const t = next.text.trim();
      if (!t || next.page !== line.page) break;
      if (!BULLET.test(t) && (testFolded(next.folded.text.slice(0, 40), ANY_LABEL) || testFolded(next.folded.text, CERTIFIES))) break;
      if (values.length === 0 || BULLET.test(t) || /^\s{2,}/.test(next.text)) values.push(t);
      else break;
    }
    for (const v of values.flatMap((x) => x.split(/\s*;\s*/))) {
      const note = v.replace(/^[-•–*▪]\s*/, '').trim().slice(0, 200);
      if (note.length >= 2 && !notes.includes(note)) notes.push(note);
    }
  }
  return notes.slice(0, 12);
}

function readAccreditation(doc: DocumentText): string | null {
  for (const line of doc.lines) {
    const m = matchFolded(line.folded, ACCREDITATION)[0];
    if (m) return line.page.text.slice(m.start, m.end).replace(/\s+/g, ' ').trim();
  }
  return null;
}

function readIsAttestation(doc: DocumentText): boolean {
  const top = doc.lines.filter((l) => l.page === doc.pages[0] && l.text.trim()).slice(0, 8).map((l) => l.folded.text);
  if (top.some((t) => /^attestation\b/.test(t))) return true;
  if (top.some((t) => /^(certificat|certificate)\b/.test(t))) return false;
  return doc.lines.some((l) => /\batteste(nt)? (par la presente )?que\b/.test(l.folded.text));
}

export function readCertificate(pages: PageText[]): CertificateReading {
  const doc = documentText(pages);
  const body = readBody(doc);
  const holder = readHolder(doc, body);
  const siren = readSiren(doc, holder, body);
  const number = readNumber(doc);
  const activities = readCertificateActivities(doc);
  const { issuedOn, expiresOn } = readValidity(doc);
  const referential = readReferential(doc);
  return {
    holder: holder?.text ?? null,
    siren: siren?.text ?? null,
    number: number?.text ?? null,
    body: body?.text ?? null,
    activities: activities.activities,
    activitiesFrom: activities.from,
    issuedOn: issuedOn?.iso ?? null,
    expiresOn: expiresOn?.iso ?? null,
    referential: referential?.value ?? null,
    scopeNotes: readScopeNotes(doc),
    accreditation: readAccreditation(doc),
    isAttestation: readIsAttestation(doc),
    evidence: {
      holder: holder?.span ?? null,
      siren: siren?.span ?? null,
      number: number?.span ?? null,
      body: body?.span ?? null,
      activities: activities.span,
      issuedOn: issuedOn?.span ?? null,
      expiresOn: expiresOn?.span ?? null,
      referential: referential?.span ?? null,
    },
  };
}
