/** What a file is, from its first bytes (never trust the extension alone). */
export type FileType = 'pdf' | 'png' | 'jpeg' | 'tiff' | 'empty' | 'unknown';

export function sniffFileType(bytes: Uint8Array): FileType {
  if (bytes.length === 0) return 'empty';
  const head = Buffer.from(bytes.subarray(0, 1024));
  // Some producers put junk before the header; PDF readers accept it within the first 1 KiB.
  if (head.includes('%PDF-')) return 'pdf';
  if (head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG') return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  const magic = head.subarray(0, 4).toString('latin1');
  if (magic === 'II*\0' || magic === 'MM\0*') return 'tiff';
  return 'unknown';
}

/** Extensions that claim to be a document we read; anything else is refused at intake. */
export const SUPPORTED_EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff'] as const;

export function isImageType(t: FileType): t is 'png' | 'jpeg' | 'tiff' {
  return t === 'png' || t === 'jpeg' || t === 'tiff';
}
