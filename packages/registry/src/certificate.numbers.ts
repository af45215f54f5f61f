/**
 * The comparable form of a certificate number: upper case, whitespace and dots
 * removed ("lne 38436-2" = "LNE38436-2", "2024.123" = "2024123"), and the
 * glyphs OCR confuses folded together — O and 0, I, L and 1 — so "FRO77922"
 * read off a scan is "FR077922" in the registry. Both sides are folded the
 * same way, so a number that really contains an O still matches itself; the
 * price is that "AO1" and "A01" become one key, which no real numbering
 * scheme tells apart. Hyphens stay significant: "38436-2" is not "384362".
 *
 * The registry index keys its number map with this function and
 * `sameCertificateNumber` compares with it, so both stay consistent.
 */
export function certificateNumberKey(raw: string | null | undefined): string {
  if (!raw) return '';
  return raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s.]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL|]/g, '1');
}

/** Whether two printed certificate numbers are the same certificate; false when either is missing. */
export function sameCertificateNumber(a: string | null, b: string | null): boolean {
  const ka = certificateNumberKey(a);
  return ka.length > 0 && ka === certificateNumberKey(b);
}
