/**
 * Choices, rows, columns and items as lines of text: `value=text` or `value<TAB>text`, a line
 * without either being both. Parsing keeps every other property of an item whose value is
 * already there (its translations, visibleIf…), so pasting a list never loses them.
 */
import type { Language } from "../../../i18n/language.js";
import { isObject } from "./element-path.js";
import { textIn, withText } from "./localized.js";

/** The property names of one kind of item: choices use value/text, multipletext items and matrixdropdown columns name/title. */
export interface ItemKeys {
  value: "value" | "name";
  text: "text" | "title";
}

export const CHOICE_KEYS: ItemKeys = { value: "value", text: "text" };
export const NAMED_KEYS: ItemKeys = { value: "name", text: "title" };

function itemValue(item: unknown, keys: ItemKeys): string {
  if (isObject(item)) return String(item[keys.value] ?? "");
  return String(item ?? "");
}

/** The lines of an item list, with the texts of one language. */
export function formatLines(items: unknown, lang: Language, keys: ItemKeys): string {
  if (!Array.isArray(items)) return "";
  return items
    .map((item) => {
      const value = itemValue(item, keys);
      const text = isObject(item) ? textIn(item[keys.text], lang) : "";
      return text === "" || (text === value && lang === "zh-Hans") ? value : `${value}=${text}`;
    })
    .join("\n");
}

/** Splits a line at its first tab, else its first `=`. */
function split(line: string): [string, string | undefined] {
  const at = line.includes("\t") ? line.indexOf("\t") : line.indexOf("=");
  if (at < 0) return [line.trim(), undefined];
  return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
}

/**
 * The item list the lines say, built on the `old` list. In the default language the lines are
 * the list (order, values, texts); in another they only set that language's texts of the
 * values already there.
 */
export function parseLines(text: string, old: unknown, lang: Language, keys: ItemKeys): unknown[] {
  const before = Array.isArray(old) ? old : [];
  const byValue = new Map(before.map((item) => [itemValue(item, keys), item]));
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+$/, ""))
    .filter((line) => line.trim() !== "");
  if (lang !== "zh-Hans") {
    const texts = new Map(lines.map((line) => split(line)).filter(([, t]) => t !== undefined) as [string, string][]);
    return before.map((item) => {
      const value = itemValue(item, keys);
      if (!texts.has(value) && !isObject(item)) return item;
      const object = isObject(item) ? { ...item } : { [keys.value]: item };
      const next = withText(object[keys.text], lang, texts.get(value) ?? "");
      if (next === undefined) delete object[keys.text];
      else object[keys.text] = next;
      return object;
    });
  }
  return lines.map((line) => {
    const [value, typed] = split(line);
    const old = byValue.get(value);
    // A number stays a number when the line still spells it.
    const kept: unknown = old !== undefined && !isObject(old) ? old : isObject(old) ? old[keys.value] : value;
    const sameValue = String(kept) === value ? kept : value;
    const text = typed ?? "";
    if (!isObject(old) && (text === "" || text === value)) return keys.value === "value" ? sameValue : { name: value };
    const object: Record<string, unknown> = isObject(old) ? { ...old } : { [keys.value]: sameValue };
    object[keys.value] = sameValue;
    const next = withText(object[keys.text], "zh-Hans", text === value && !isObject(object[keys.text]) ? "" : text);
    if (next === undefined) delete object[keys.text];
    else object[keys.text] = next;
    return object;
  });
}
