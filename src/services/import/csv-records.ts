/**
 * RFC 4180 records read piece by piece, so that a large CSV file never exists as one array of
 * rows: text goes in as it is decoded, whole records come out.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** The delimiter (comma, tab or semicolon) the header line uses most. */
function delimiterOf(firstLine: string): string {
  const counts = [",", "\t", ";"].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * An incremental CSV reader. A record cut off at the end of a piece is read again, whole, when
 * the next piece arrives; fields are sliced from the text, never built a character at a time.
 */
export class CsvParser {
  private delimiter: number | null = null;
  private pending = "";

  /** The records completed by this piece of text. */
  push(text: string): string[][] {
    this.pending += text;
    return this.read(false);
  }

  /** The last record, when the text does not end with a line break. */
  end(): string[][] {
    return this.read(true);
  }

  private read(final: boolean): string[][] {
    const text = this.pending;
    if (this.delimiter === null) {
      const lineEnd = text.search(/\r?\n/);
      if (lineEnd < 0 && !final) return [];
      this.delimiter = delimiterOf(text.slice(0, lineEnd < 0 ? text.length : lineEnd)).charCodeAt(0);
    }
    const records: string[][] = [];
    let start = 0;
    while (start < text.length) {
      const next = this.record(text, start, final);
      if (!next) break;
      records.push(next.fields);
      start = next.end;
    }
    this.pending = text.slice(start);
    return records;
  }

  /** One record from `start`: its fields and where the next begins, or null when the text stops first. */
  private record(text: string, start: number, final: boolean): { fields: string[]; end: number } | null {
    const delimiter = this.delimiter!;
    const fields: string[] = [];
    let i = start;
    for (;;) {
      let field = "";
      if (text.charCodeAt(i) === QUOTE) {
        let close = text.indexOf('"', i + 1);
        while (close >= 0 && text.charCodeAt(close + 1) === QUOTE) close = text.indexOf('"', close + 2);
        // The closing quote may be the first of a doubled one in the next piece.
        if (close < 0 || (close === text.length - 1 && !final)) {
          if (!final) return null;
          close = text.length;
        }
        field = text.slice(i + 1, close).replaceAll('""', '"');
        i = close + 1;
      }
      // Unquoted text, or what follows a closing quote (kept, as spreadsheets do).
      let j = i;
      while (j < text.length) {
        const c = text.charCodeAt(j);
        if (c === delimiter || c === LF || c === CR) break;
        j++;
      }
      field += text.slice(i, j);
      fields.push(field);
      if (j >= text.length) return final ? { fields, end: j } : null;
      const c = text.charCodeAt(j);
      if (c === delimiter) {
        i = j + 1;
        continue;
      }
      if (c === CR) {
        if (j + 1 >= text.length && !final) return null;
        return { fields, end: text.charCodeAt(j + 1) === LF ? j + 2 : j + 1 };
      }
      return { fields, end: j + 1 };
    }
  }
}

/** Every record of a whole text (small files and tests). */
export function parseCsv(text: string): string[][] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}

/**
 * About how many records the bytes hold (line breaks outside quotes), for a progress bar's total.
 * Counting bytes is safe in GB18030 as in UTF-8: neither uses `"` or a line feed inside a character.
 */
export function countRecords(bytes: Uint8Array): number {
  let count = 0;
  let quoted = false;
  let last = LF;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) quoted = !quoted;
    else if (b === LF && !quoted) count++;
    last = b;
  }
  return last === LF ? count : count + 1;
}
