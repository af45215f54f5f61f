import { findDates, type IsoDate, type Span } from '@hds/core';
import { ANY_LABEL, LABEL_RE, NOT_VALIDITY } from './certificate.cues.ts';
import { testFolded } from './cue-matcher.ts';
import type { DocumentText, Line } from './document-text.ts';
import { createSpan } from './evidence.ts';
import { findLabelValues, type LabelHit } from './label-values.ts';
import { fixOcrDigits, fold } from './text-normalizer.ts';

/**
 * Issue and expiry dates. Only labelled dates are read: "date de
 * certification", "délivré le", "valable jusqu'au", "valable du … au …"…
 * Audit dates, first-certification dates and the cover letter's "Paris, le …"
 * carry no such label, or a label that NOT_VALIDITY rejects.
 */

export interface DateReading {
  iso: IsoDate;
  span: Span;
}

interface Dated {
  iso: IsoDate;
  start: number;
  end: number;
}

function datesIn(text: string, base: number): Dated[] {
  return findDates(fixOcrDigits(text)).map((d) => ({ iso: d.iso, start: base + d.start, end: base + d.end }));
}

/** The label's own words (and what sits between label and date) must not speak of an audit. */
function isAuditContext(hit: LabelHit, dateStart: number): boolean {
  const text = hit.line.page.text;
  const cell = hit.line.cells.find((c) => hit.start >= c.start && hit.start < c.end);
  const from = cell ? cell.start : hit.line.start;
  const between = hit.value && hit.value.line === hit.line ? text.slice(from, Math.max(hit.end, Math.min(dateStart, hit.line.end))) : text.slice(from, hit.end);
  return testFolded(fold(between), NOT_VALIDITY);
}

function firstDate(hit: LabelHit): Dated | null {
  const v = hit.value;
  if (!v) return null;
  let dates = datesIn(v.text, v.start);
  // "Valable jusqu'au 1er novembre\n2029": a date may wrap to the next line.
  if (dates.length === 0 && v.end === v.line.end) {
    const text = v.line.page.text;
    let next = text.indexOf('\n', v.end + 1);
    if (next < 0) next = text.length;
    dates = datesIn(text.slice(v.start, next), v.start).filter((d) => d.start < v.end);
  }
  const d = dates[0];
  if (!d || isAuditContext(hit, d.start)) return null;
  // A value must start with its date (give or take a word), not hold it in a far-away sentence.
  return d.start - v.start <= 40 ? d : null;
}

/** "du 20/12/2024 au 19/12/2027", "20/12/2024 - 19/12/2027", "from … to …" in a validity context. */
function rangeIn(line: Line, next: Line | undefined): [Dated, Dated] | null {
  if (!testFolded(line.folded.text, LABEL_RE.validity)) return null;
  if (testFolded(line.folded.text, NOT_VALIDITY)) return null;
  const text = line.page.text;
  const end = next && next.page === line.page ? next.end : line.end;
  const dates = datesIn(text.slice(line.start, end), line.start);
  for (let i = 0; i + 1 < dates.length; i++) {
    const between = fold(text.slice(dates[i]!.end, dates[i + 1]!.start));
    if (/^\s*(au|a|to|until|jusqu'au|-|et le)\s*$/.test(between) && dates[i]!.iso < dates[i + 1]!.iso) return [dates[i]!, dates[i + 1]!];
  }
  return null;
}

function reading(line: Line, d: Dated): DateReading {
  return { iso: d.iso, span: createSpan(line.page, d.start, d.end) };
}

export function readValidity(doc: DocumentText): { issuedOn: DateReading | null; expiresOn: DateReading | null } {
  let issuedOn: DateReading | null = null;
  let expiresOn: DateReading | null = null;
  for (const hit of findLabelValues(doc, LABEL_RE.issued, ANY_LABEL)) {
    const d = firstDate(hit);
    if (d) {
      issuedOn = reading(hit.value!.line, d);
      break;
    }
  }
  for (const hit of findLabelValues(doc, LABEL_RE.expires, ANY_LABEL)) {
    // "valable du … au …": the expiry label "jusqu'au" may not be there, but a range is; handled below.
    const d = firstDate(hit);
    if (d) {
      expiresOn = reading(hit.value!.line, d);
      break;
    }
  }
  if (!issuedOn || !expiresOn) {
    const lines = doc.lines.filter((l) => l.text.trim());
    for (let i = 0; i < lines.length; i++) {
      const range = rangeIn(lines[i]!, lines[i + 1]);
      if (!range) continue;
      const line = lines[i + 1] && range[1].start >= lines[i + 1]!.start ? lines[i + 1]! : lines[i]!;
      issuedOn ??= reading(lines[i]!, range[0]);
      expiresOn ??= reading(line, range[1]);
      break;
    }
  }
  // A dated "valable du X au Y" label may have been read as an expiry of X: a range is more precise.
  if (issuedOn && expiresOn && issuedOn.iso === expiresOn.iso) expiresOn = null;
  return { issuedOn, expiresOn };
}
