/**
 * The header row of a sheet read once: which column holds what, in which language. A text column
 * without a language (`label`) is in the form's default language; a language SurveyJS cannot show
 * is one problem for its header, not one per row.
 */
import { phrase } from "../../../i18n/phrase.js";
import type { JsonObject } from "../json.js";
import type { Sheet, SheetProblem } from "./book.js";
import { localeKey, splitHeader } from "./languages.js";

/** Where a column is, and for text columns the locale key its texts go under. */
export interface Column {
  index: number;
  header: string;
  column: string;
  locale?: string;
}

export interface Columns {
  /** The first column of each plain name (`type`, `name`, `relevant`, ...). */
  plain: Map<string, Column>;
  /** Every text column of each name (`label`, `hint`, ...), one per language. */
  texts: Map<string, Column[]>;
  /** Columns this reader does not know: any value in them is a problem. */
  unknown: Column[];
}

/**
 * Reads a header row. `textColumns` are those that carry a language; `ignored` tells columns
 * that are bookkeeping of other tools (Kobo's `$kuid`, ...) and say nothing to respondents.
 */
export function readColumns(
  sheet: Sheet,
  known: ReadonlySet<string>,
  textColumns: ReadonlySet<string>,
  defaultLocale: string,
  problems: SheetProblem[],
  ignored: (column: string) => boolean = () => false,
): Columns {
  const out: Columns = { plain: new Map(), texts: new Map(), unknown: [] };
  sheet.headers.forEach((header, index) => {
    if (header.trim() === "") return;
    const { column, language } = splitHeader(header);
    const name = column.replace(/\s+/g, "_");
    if (textColumns.has(name)) {
      const locale = language === undefined ? defaultLocale : localeKey(language);
      if (locale === undefined) {
        problems.push({
          sheet: sheet.name,
          row: 1,
          column: header,
          value: language,
          code: "unknown_language",
          wording: phrase("xlsform.unknownLanguage", { language: language ?? "" }),
        });
        return;
      }
      const list = out.texts.get(name) ?? [];
      if (!list.some((c) => c.locale === locale)) list.push({ index, header, column: name, locale });
      out.texts.set(name, list);
    } else if (known.has(name) && language === undefined) {
      if (!out.plain.has(name)) out.plain.set(name, { index, header, column: name });
    } else if (!ignored(header)) {
      out.unknown.push({ index, header, column: name });
    }
  });
  return out;
}

/** A cell's text, trimmed ("" when empty). */
export function cell(cells: readonly string[], column: Column | undefined): string {
  return column === undefined ? "" : (cells[column.index] ?? "").trim();
}

/**
 * A localisable SurveyJS text from the columns of one name: a plain string when only the default
 * language has it, otherwise `{ default, zh-tw, en, ... }`; undefined when every cell is empty.
 */
export function localised(cells: readonly string[], columns: Columns, name: string): string | JsonObject | undefined {
  const text: Record<string, string> = {};
  for (const column of columns.texts.get(name) ?? []) {
    const value = cell(cells, column);
    if (value !== "") text[column.locale!] = value;
  }
  const keys = Object.keys(text);
  if (keys.length === 0) return undefined;
  if (keys.length === 1 && keys[0] === "default") return text.default;
  return text;
}
