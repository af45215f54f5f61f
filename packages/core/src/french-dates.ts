import { isoDate, type IsoDate } from './dates.ts';

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, jan: 1, january: 1,
  fevrier: 2, fevr: 2, fev: 2, feb: 2, february: 2,
  mars: 3, mar: 3, march: 3,
  avril: 4, avr: 4, apr: 4, april: 4,
  mai: 5, may: 5,
  juin: 6, jun: 6, june: 6,
  juillet: 7, juil: 7, jul: 7, july: 7,
  aout: 8, aou: 8, aug: 8, august: 8,
  septembre: 9, sept: 9, sep: 9, september: 9,
  octobre: 10, oct: 10, october: 10,
  novembre: 11, nov: 11, november: 11,
  decembre: 12, dec: 12, december: 12,
};

const MONTH_NAME = '(janvier|janv\\.?|f[ée]vrier|f[ée]vr?\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|ao[uû]t|septembre|sept?\\.?|octobre|oct\\.?|novembre|nov\\.?|d[ée]cembre|d[ée]c\\.?|january|february|march|april|may|june|july|august|september|october|november|december)';

function monthNumber(name: string): number | undefined {
  const key = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\.$/, '');
  return MONTHS[key];
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

export interface FoundDate {
  iso: IsoDate;
  /** Character offsets of the date text in the searched string. */
  start: number;
  end: number;
}

/**
 * Every date written in a usual French (or English) form in `text`:
 * 19/12/2027, 19.12.2027, 19-12-2027, 2027-12-19, 19 décembre 2027,
 * 1er janvier 2025, 19 déc. 2027, décembre 19, 2027 is not French and is
 * not read. Returns them in text order; impossible dates are skipped.
 */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const patterns: Array<[RegExp, (m: RegExpExecArray) => IsoDate | null]> = [
    [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, (m) => isoDate(Number(m[1]), Number(m[2]), Number(m[3]))],
    [/\b(\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?(\d{4}|\d{2})\b/g, (m) => isoDate(fullYear(m[3]!), Number(m[2]), Number(m[1]))],
    [
      new RegExp(`\\b(\\d{1,2})\\s*(?:er|e|ER)?\\s+${MONTH_NAME}\\s+(\\d{4})\\b`, 'gi'),
      (m) => {
        const month = monthNumber(m[2]!);
        return month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
      },
    ],
    [
      new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'gi'),
      (m) => {
        const month = monthNumber(m[1]!);
        return month ? isoDate(Number(m[3]), month, Number(m[2])) : null;
      },
    ],
  ];
  for (const [re, toIso] of patterns) {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const iso = toIso(m);
      if (!iso) continue;
      const start = m.index;
      const end = m.index + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ iso, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A whole cell or field holding one date (registry cells, form fields); null when it holds none or several. */
export function parseDate(text: string): IsoDate | null {
  const dates = findDates(text.trim());
  return dates.length === 1 ? dates[0]!.iso : null;
}
