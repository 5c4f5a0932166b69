/** What every CSV the platform writes shares: the byte order mark and the quoting rule. */

/** The byte order mark that tells Excel the file is UTF-8 (without it, Chinese turns to mojibake). */
export const UTF8_BOM = "\uFEFF";

/**
 * One CSV field (RFC 4180): quoted, inner quotes doubled, when it holds a comma, a quote or a
 * line break, and also when it starts or ends with white space, which some readers trim from
 * bare fields.
 *
 * @example quoteCsv('say "hi", then go') // '"say ""hi"", then go"'
 */
export function quoteCsv(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
