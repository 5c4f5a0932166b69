/** Spreadsheet formula injection ("CSV injection"), for every CSV and XLSX the platform writes or reads. */
const TRIGGER = /^'*[=+\-@\t\r]/;

/**
 * Neutralises a text cell a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return; OWASP "CSV injection") by prefixing an apostrophe. Texts that already start
 * with apostrophes before such a character get one more, so the import can undo it exactly.
 * @example neutralise('=HYPERLINK("http://x","y")') // `'=HYPERLINK("http://x","y")`
 */
export function neutralise(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

/** Undoes {@link neutralise} on an imported text cell. */
export function unneutralise(text: string): string {
  return text.startsWith("'") && TRIGGER.test(text) ? text.slice(1) : text;
}
