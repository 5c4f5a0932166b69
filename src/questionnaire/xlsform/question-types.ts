/**
 * The XLSForm question types read here and the SurveyJS questions they are: one table, read by
 * the reader forwards and by the writer backwards.
 */
import type { JsonObject } from "../json.js";

/** The integer rule of an `integer` question: what makes a number question whole. */
export const INTEGER_RULE = { type: "regex", regex: "^-?\\d+$" } as const;

/** SurveyJS question of each plain XLSForm type (select types are handled with their list). */
export const PLAIN_TYPES: Record<string, JsonObject> = {
  text: { type: "text" },
  integer: { type: "text", inputType: "number" },
  decimal: { type: "text", inputType: "number" },
  date: { type: "text", inputType: "date" },
  note: { type: "html" },
};

/** Types that record facts of the device or the session, not answers: pyxform adds them as metadata. */
export const METADATA_TYPES = new Set(["start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "email", "audit", "start-geopoint"]);

/** Appearances read, per XLSForm type: `multiline` text is a comment box, a `minimal` select a dropdown or tag box. */
export const APPEARANCES: Record<string, Record<string, string>> = {
  text: { multiline: "comment" },
  select_one: { minimal: "dropdown" },
  select_multiple: { minimal: "tagbox" },
};

/** The SurveyJS type of a select question: radio buttons and check boxes unless `minimal`. */
export const SELECT_TYPES: Record<string, string> = { select_one: "radiogroup", select_multiple: "checkbox" };

/** Other spellings pyxform reads as the same type (its question_type_dictionary and aliases.py), as outside forms use them. */
const TYPE_ALIASES: Record<string, string> = { string: "text", imei: "deviceid" };

/** A type cell read: `select_one yes_no or_other` → { base: "select_one", list: "yes_no", other: true }; `begin group` is `begin_group`. */
export function parseType(text: string): { base: string; list?: string; other: boolean; rest: string[] } {
  // The long spellings of older forms, as pyxform still reads them.
  const long = text
    .trim()
    .replace(/^select one from\s+/i, "select_one ")
    .replace(/^select all that apply from\s+/i, "select_multiple ")
    .replace(/\s+or specify other$/i, " or_other");
  const words = long.split(/\s+/);
  const word = words[0]!.toLowerCase();
  const first = TYPE_ALIASES[word] ?? word;
  if ((first === "begin" || first === "end") && words[1] !== undefined) {
    return { base: `${first}_${words[1].toLowerCase()}`, other: false, rest: words.slice(2) };
  }
  const other = words[2]?.toLowerCase() === "or_other";
  return { base: first, list: words[1], other, rest: words.slice(other ? 3 : 2) };
}
