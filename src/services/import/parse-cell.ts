/**
 * Reading one imported cell as the answer the web form would have stored: choices by value or by
 * their text in any language, numbers, dates, yes/no, lists of choices.
 */
import { findJsonTextProblem } from "../../lib/strict-json.js";
import { phrase, say, type Wording } from "../../../i18n/phrase.js";
import { unneutralise } from "../../lib/formula-injection.js";
import { LANGUAGES } from "../../../i18n/language.js";
import type { Item, Scalar } from "../../questionnaire/question.js";
import { normalise } from "./columns.js";
import type { RawCell } from "./read-table.js";

/** A parsed cell, or why it cannot be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string; wording: Wording };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (code: string, wording: Wording): Parsed<never> => ({ ok: false, code, message: say("en", wording), wording });

/** A cell as trimmed text (apostrophes added against formula injection removed), or null when empty. */
export function cellText(cell: RawCell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === "string") {
    const text = unneutralise(cell.trim());
    return text === "" ? null : text;
  }
  return String(cell);
}

/** Looks up choices by stored value or by text in any language, loosely (NFKC, case, spaces). */
export class ItemLookup {
  private readonly byKey = new Map<string, Scalar>();
  readonly other?: Item;

  constructor(readonly items: readonly Item[]) {
    // Values first: a text never shadows a value.
    for (const item of items) this.set(String(item.value), item.value);
    for (const item of items) for (const language of LANGUAGES) this.set(item.texts[language], item.value);
    this.other = items.find((i) => i.special === "other");
  }

  private set(text: string, value: Scalar): void {
    const key = normalise(text);
    if (key && !this.byKey.has(key)) this.byKey.set(key, value);
  }

  find(text: string): Scalar | undefined {
    return this.byKey.get(normalise(text));
  }

  /** A few choices to quote in an error message. */
  describe(): string {
    const shown = this.items.slice(0, 8).map((i) => `'${i.texts["zh-Hans"]}'${String(i.value) !== i.texts["zh-Hans"] ? ` (${String(i.value)})` : ""}`);
    return shown.join(", ") + (this.items.length > 8 ? ", …" : "");
  }
}

/** "其他：…" / "other: …" typed into a choice cell: the other item with its text. */
const OTHER_WITH_TEXT = /^(其他|其它|other)\s*[:：]\s*(.+)$/is;

/** One choice: its value, and the "other" text when typed as "其他：…". */
export function parseChoice(cell: RawCell, lookup: ItemLookup): Parsed<{ value: Scalar; otherText?: string }> {
  const text = cellText(cell);
  if (text === null) return bad("empty", phrase("imports.emptyCell"));
  const found = typeof cell === "number" ? (lookup.items.find((i) => i.value === cell)?.value ?? lookup.find(text)) : lookup.find(text);
  if (found !== undefined) return ok({ value: found });
  const other = OTHER_WITH_TEXT.exec(text);
  if (other && lookup.other) return ok({ value: lookup.other.value, otherText: other[2].trim() });
  return bad("not_a_choice", phrase("imports.notAChoice", { text, choices: lookup.describe() }));
}

const LIST_DELIMITER = /[,;、|\n]/g;

/**
 * Several choices in one cell, separated by , ; 、 | or line breaks. Choice texts may contain
 * those characters themselves ("单一管理部门，职责明确"), so neighbouring pieces are joined back
 * when together they make a choice.
 */
export function parseChoiceList(cell: RawCell, lookup: ItemLookup): Parsed<{ values: Scalar[]; otherText?: string }> {
  const text = cellText(cell);
  if (text === null) return ok({ values: [] });
  const folded = text.normalize("NFKC");
  const pieces: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of folded.matchAll(LIST_DELIMITER)) {
    pieces.push({ start, end: match.index! });
    start = match.index! + match[0].length;
  }
  pieces.push({ start, end: folded.length });
  // best[j]: a reading of pieces[0..j) as choices, fewest pieces left unread.
  const best: ({ values: Scalar[]; other?: string; unread: string[] } | undefined)[] = [{ values: [], unread: [] }];
  for (let j = 1; j <= pieces.length; j++) {
    for (let i = 0; i < j; i++) {
      const before = best[i];
      if (!before) continue;
      const segment = folded.slice(pieces[i].start, pieces[j - 1].end).trim();
      let next: { values: Scalar[]; other?: string; unread: string[] };
      const found = segment === "" ? null : parseChoice(segment, lookup);
      if (!found) next = before;
      else if (found.ok) next = { values: [...before.values, found.value.value], other: found.value.otherText ?? before.other, unread: before.unread };
      // Only a single piece may stay unread: it is what the error message quotes.
      else if (j - i === 1) next = { ...before, unread: [...before.unread, segment] };
      else continue;
      const current = best[j];
      if (!current || next.unread.length < current.unread.length) best[j] = next;
    }
  }
  const result = best[pieces.length]!;
  if (result.unread.length > 0) {
    const unread = result.unread;
    return bad("not_a_choice", phrase("imports.notChoices", { unread, choices: lookup.describe() }));
  }
  const values = [...new Set(result.values)];
  return ok(result.other ? { values, otherText: result.other } : { values });
}

const TRUE_WORDS = new Set(["1", "true", "yes", "y", "是", "√", "✓", "✔", "☑", "selected", "选中", "選中", "已选", "已選"]);
const FALSE_WORDS = new Set(["0", "false", "no", "n", "否", "×", "✗", "☐", "not selected", "未选", "未選"]);

/** A 0/1 option column: 1 / 是 / √ / the option's own text mean ticked; 0, 否 or empty mean not. */
export function parseTick(cell: RawCell, item: Item): Parsed<boolean> {
  const text = cellText(cell);
  if (text === null) return ok(false);
  const key = normalise(text);
  if (TRUE_WORDS.has(key)) return ok(true);
  if (FALSE_WORDS.has(key)) return ok(false);
  if (key === normalise(String(item.value)) || LANGUAGES.some((l) => normalise(item.texts[l]) === key)) return ok(true);
  return bad("not_a_tick", phrase("imports.notATick", { text }));
}

/** A number: plain digits, optional sign, decimals, thousands separators, full-width digits. */
export function parseNumber(cell: RawCell): Parsed<number> {
  if (typeof cell === "number") return Number.isFinite(cell) ? ok(cell) : bad("not_a_number", phrase("imports.notFinite"));
  const text = cellText(cell);
  if (text === null) return bad("empty", phrase("imports.emptyCell"));
  const compact = text
    .normalize("NFKC")
    .replace(/(?<=\d)[,\s](?=\d{3}\b)/g, "")
    .trim();
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(compact)) return ok(Number(compact));
  return bad("not_a_number", phrase("imports.notANumber", { text }));
}

/** A yes/no answer: its stored values, its labels in any language, 1/0, true/false, 是/否. */
export function parseBoolean(cell: RawCell, yes: Item, no: Item): Parsed<Scalar> {
  if (cell === yes.value || cell === true) return ok(yes.value);
  if (cell === no.value || cell === false) return ok(no.value);
  const text = cellText(cell);
  if (text === null) return bad("empty", phrase("imports.emptyCell"));
  const lookup = new ItemLookup([yes, no]);
  const found = lookup.find(text);
  if (found !== undefined) return ok(found);
  const key = normalise(text);
  if (TRUE_WORDS.has(key)) return ok(yes.value);
  if (FALSE_WORDS.has(key)) return ok(no.value);
  return bad("not_yes_or_no", phrase("imports.notYesOrNo", { text, yes: yes.texts["zh-Hans"], no: no.texts["zh-Hans"] }));
}

/** A date as YYYY-MM-DD: Excel dates and serial numbers, 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日. */
export function parseDate(cell: RawCell): Parsed<string> {
  if (cell instanceof Date) return ok(cell.toISOString().slice(0, 10));
  if (typeof cell === "number" && cell > 0 && cell < 2_958_466) {
    // Excel's day count starts at 1899-12-30 (its 1900 leap-year bug included).
    return ok(new Date(Date.UTC(1899, 11, 30) + Math.round(cell) * 86_400_000).toISOString().slice(0, 10));
  }
  const text = cellText(cell);
  if (text === null) return bad("empty", phrase("imports.emptyCell"));
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.normalize("NFKC"));
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) {
      return ok(`${match[1]}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    }
  }
  return bad("not_a_date", phrase("imports.notADate", { text }));
}

/** JSON text (dynamic panels and matrices are exported whole as JSON). */
export function parseJson(cell: RawCell): Parsed<unknown> {
  const text = cellText(cell);
  if (text === null) return bad("empty", phrase("imports.emptyCell"));
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return bad("not_json", phrase("imports.notJson", { text: shown }));
  }
  // As for request bodies: the answer is hashed and checked by recursion and stored as jsonb.
  if (findJsonTextProblem(text)) return bad("unstorable_json", phrase("imports.unstorableJson", { text: shown }));
  return ok(value);
}
