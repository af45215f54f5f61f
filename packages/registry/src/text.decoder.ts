/**
 * Bytes of a text registry file to a string. UTF-8 with or without BOM is
 * the norm; Excel's "CSV" on Windows writes Windows-1252, and its "Unicode
 * text" writes UTF-16LE with a BOM. Invalid UTF-8 is the tell for a legacy
 * 8-bit file: Windows-1252 (a superset of Latin-1 for printable characters)
 * decodes both.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
