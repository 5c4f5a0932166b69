/**
 * Stable names for the localisable texts of a questionnaire, so that a list of them (texts made
 * by machine conversion, say) survives edits, reordering and moving a question to another page.
 * Pure string work: the browser editor imports this without survey-core or OpenCC.
 *
 * The scheme, one segment after another, separated by `/`:
 * - the owner: `survey`, `page:<name>`, `panel:<name>` or `question:<name>` (names are unique in
 *   a questionnaire, so a question's path does not say which page or panel holds it);
 *   `page#<n>` / `element#<n>` for one without a name (n: its place in the walk, from 0);
 * - then, for an item of a list property, `<property>:<key>`, the key being the item's `value`,
 *   else its `name`, else its index: `choices:<value>`, `rows:<value>`, `columns:<name>`,
 *   `items:<name>` (multiple text), `rateValues:<value>`, `validators:<index>`,
 *   `completedHtmlOnCondition:<index>`;
 * - last, the property holding the text: `title`, `description`, `text`, `html`, ...
 *
 * e.g. `question:level/title`, `question:level/choices:市/text`, `question:grid/columns:c1/choices:a/text`,
 * `page:respondent/title`, `survey/completedHtml`.
 * Keys are written as typed, except `%`, `/`, `:`, `#` and `@`, percent-encoded (`a/b` → `a%2Fb`).
 * An entry of a conversion list adds the language the text was made in: `question:level/title@zh-Hant`.
 */
import type { Language } from "../../i18n/language.js";

/** Escapes a name or value for one path segment. */
export function pathKey(key: string | number | boolean): string {
  return String(key).replace(/[%/:#@]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** The path of a text and the language written into it: the entry of a conversion list. */
export function convertedEntry(path: string, language: Language): string {
  return `${path}@${language}`;
}

/** The path and language of a conversion-list entry, or undefined for a string of another shape. */
export function readConvertedEntry(entry: string): { path: string; language: string } | undefined {
  const at = entry.lastIndexOf("@");
  if (at <= 0) return undefined;
  return { path: entry.slice(0, at), language: entry.slice(at + 1) };
}

/**
 * The list without the texts a person has confirmed or edited: `path` is one entry
 * (`question:q/title@zh-Hant`), or a text's bare path for every language it was converted into.
 * @example confirmConverted(["question:q/title@zh-Hant", "page:p/title@zh-Hant"], "question:q/title") // ["page:p/title@zh-Hant"]
 */
export function confirmConverted(converted: readonly string[], path: string): string[] {
  return converted.filter((entry) => entry !== path && readConvertedEntry(entry)?.path !== path);
}
