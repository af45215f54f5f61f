/** One CSV record with the physical line it starts on (header = line 1). */
export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

/**
 * RFC 4180 records, with the leniency operator files need: `\r\n`, `\n` and
 * `\r` line ends (mixed in one file), quoted fields spanning lines, doubled
 * quotes, text after a closing quote kept, quotes inside an unquoted field
 * kept literally. Written here rather than with csv-parse because the
 * operator needs the physical line where a record starts, and csv-parse
 * miscounts lines for CRLF inside quoted fields and gives up on the whole
 * file at an unterminated quote.
 *
 * An unterminated quote is reported on the record's first line, and reading
 * resumes on the next physical line, so one stray quote costs one row, not
 * the rest of the file.
 */
export function* tokenizeCsv(text: string, delimiter: string): Generator<CsvRecord> {
  const n = text.length;
  let pos = 0;
  let line = 1;
  while (pos < n) {
    const start = { pos, line };
    const fields: string[] = [];
    let field = '';
    let unterminated = false;
    let endOfRecord = false;
    while (!endOfRecord) {
      // `a; "b;c"`: some tools pad before the opening quote; the field is still quoted.
      let q = pos;
      while (text[q] === ' ' && delimiter !== ' ') q++;
      if (text[q] === '"') pos = q;
      if (text[pos] === '"') {
        // Quoted field: runs to a quote not followed by another quote.
        pos++;
        for (;;) {
          if (pos >= n) {
            unterminated = true;
            break;
          }
          const c = text[pos]!;
          if (c === '"') {
            if (text[pos + 1] === '"') {
              field += '"';
              pos += 2;
              continue;
            }
            pos++;
            break;
          }
          if (c === '\r' || c === '\n') {
            if (c === '\r' && text[pos + 1] === '\n') {
              field += '\r';
              pos++;
            }
            line++;
          }
          field += text[pos]!;
          pos++;
        }
        if (unterminated) break;
      }
      // Unquoted field, or what follows a closing quote: up to the delimiter or line end.
      while (pos < n) {
        const c = text[pos]!;
        if (c === delimiter || c === '\r' || c === '\n') break;
        field += c;
        pos++;
      }
      fields.push(field);
      field = '';
      if (pos >= n) {
        endOfRecord = true;
      } else if (text[pos] === delimiter) {
        pos++;
        if (pos >= n) fields.push('');
        endOfRecord = pos >= n;
      } else {
        pos += text[pos] === '\r' && text[pos + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
      }
    }
    if (unterminated) {
      yield { line: start.line, error: 'quoted field never closed (unbalanced ")' };
      pos = nextLineStart(text, start.pos);
      line = start.line + 1;
      continue;
    }
    yield { line: start.line, fields };
  }
}

function nextLineStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\n') return i + 1;
    if (text[i] === '\r') return text[i + 1] === '\n' ? i + 2 : i + 1;
  }
  return text.length;
}
