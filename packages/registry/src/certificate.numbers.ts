/**
 * The comparable form of a certificate number: upper case, whitespace and dots
 * removed ("lne 38436-2" = "LNE38436-2", "2024.123" = "2024123").
 *
 * Hook for OCR tolerance (later issue): certificates read by OCR confuse O/0
 * and l/I/1. Fold those here (e.g. map O→0, I and L→1) and nowhere else: the
 * registry index keys its number map with this function and
 * `sameCertificateNumber` compares with it, so both stay consistent.
 */
export function certificateNumberKey(raw: string | null | undefined): string {
  if (!raw) return '';
  return raw.normalize('NFKC').toUpperCase().replace(/[\s.]+/g, '');
}

/** Whether two printed certificate numbers are the same certificate; false when either is missing. */
export function sameCertificateNumber(a: string | null, b: string | null): boolean {
  const ka = certificateNumberKey(a);
  return ka.length > 0 && ka === certificateNumberKey(b);
}
