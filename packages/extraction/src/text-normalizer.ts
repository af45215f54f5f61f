/**
 * Page text normalisation applied once, before the text is stored, so that
 * every span offset the readers produce refers to the stored text:
 * NFKC (ligatures split, no-break and narrow no-break spaces become plain
 * spaces), typographic apostrophes made straight, control characters and
 * soft hyphens removed, trailing spaces trimmed per line.
 */
export function normalizePageText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201B\u02BC\u2032]/g, "'")
    .replace(/[\u00AD\u200B\u200C\u200D\uFEFF]/g, '')
    .replace(/[\u2000-\u200A\u202F\u205F\u3000\u00A0]/g, ' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[ \t]+$/gm, '');
}
