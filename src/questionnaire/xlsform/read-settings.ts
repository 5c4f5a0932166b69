/** The `settings` sheet: the form's title, its default language and whether groups are pages. */
import { phrase } from "../../../i18n/phrase.js";
import type { JsonObject } from "../json.js";
import type { Book, SheetProblem } from "./book.js";
import { cell, localised, readColumns } from "./columns.js";
import { localeKey, splitHeader } from "./languages.js";

export interface Settings {
  /** The locale key texts without a language are in (`default`, i.e. Simplified Chinese, unless said). */
  defaultLocale: string;
  /** `style: pages`: each top-level group is a page. */
  pages: boolean;
  title?: string | JsonObject;
}

/**
 * Reads the first row under the settings header. Settings other than these (form_id, version,
 * instance_name, submission_url, ...) describe ODK servers and devices and have no meaning here.
 */
export function readSettings(book: Book, problems: SheetProblem[]): Settings {
  const sheet = book.get("settings");
  const settings: Settings = { defaultLocale: "default", pages: false };
  if (!sheet || sheet.rows.length === 0) return settings;
  const first = sheet.rows[0]!;
  const languageColumn = sheet.headers.findIndex((h) => splitHeader(h).column === "default_language");
  const language = languageColumn < 0 ? "" : (first.cells[languageColumn] ?? "").trim();
  if (language !== "") {
    const key = localeKey(language);
    if (key === undefined)
      problems.push({
        sheet: sheet.name,
        row: first.row,
        column: "default_language",
        value: language,
        code: "unknown_language",
        wording: phrase("xlsform.unknownLanguage", { language }),
      });
    else settings.defaultLocale = key;
  }
  const columns = readColumns(sheet, new Set(["style"]), new Set(["form_title"]), settings.defaultLocale, problems, () => true);
  const style = cell(first.cells, columns.plain.get("style"));
  if (style === "pages") settings.pages = true;
  else if (style !== "")
    problems.push({ sheet: sheet.name, row: first.row, column: "style", value: style, code: "bad_style", wording: phrase("xlsform.badStyle", { value: style }) });
  const title = localised(first.cells, columns, "form_title");
  if (title !== undefined) settings.title = title;
  return settings;
}
