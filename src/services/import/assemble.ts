/** Turning the cells of one imported row into the answers a web submission would carry. */
import { own } from "../../lib/own.js";
import { hasForbiddenCharacters } from "../../lib/user-text.js";
import { phrase, say, withWording, type Wording } from "../../../i18n/phrase.js";
import type { Item, QuestionSpec, Scalar } from "../../questionnaire/question.js";
import type { Target } from "./columns.js";
import { cellText, ItemLookup, parseBoolean, parseChoice, parseChoiceList, parseDate, parseJson, parseNumber, parseTick, type Parsed } from "./parse-cell.js";
import type { RawCell } from "./read-table.js";

/** One column of the sheet with what it answers. */
export interface PlannedColumn {
  index: number;
  header: string;
  letter: string;
  target: Target;
}

/** One bad cell (or bad row, or bad header): where, what, why. */
export interface CellError {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  /** The column's header as written in the file, or null for the whole row. */
  column: string | null;
  /** A1-style cell reference, or null. */
  cell: string | null;
  value: string | number | boolean | null;
  /** The question's data key, or "(id)", "(version)", "(complete)", "(header)", "(row)". */
  question: string;
  code: string;
  /** English; `wording` (attached, not enumerable) says it in the reader's language. */
  message: string;
  readonly wording?: Wording;
}

export interface AssembledRow {
  row: number;
  data: Record<string, unknown>;
  complete: boolean;
  version?: number;
  explicitId?: string;
  /** Columns that gave each question's answer, for placing the checker's errors. */
  columnsByKey: Map<string, PlannedColumn[]>;
  cells: RawCell[];
}

interface Answer {
  spec: QuestionSpec;
  value?: unknown;
  ticks?: Map<Scalar, boolean>;
  ranks?: { value: Scalar; rank: number }[];
  otherText?: string;
  comment?: string;
  rows?: Record<string, unknown>;
  cells?: Record<string, Record<string, unknown>>;
  items?: Record<string, unknown>;
}

const lookups = new WeakMap<object, ItemLookup>();
/** One lookup per list of choices, built once per import. */
function lookupOf(items: Item[]): ItemLookup {
  let lookup = lookups.get(items);
  if (!lookup) lookups.set(items, (lookup = new ItemLookup(items)));
  return lookup;
}

/** A cell as an error report shows it. */
export function displayValue(cell: RawCell): string | number | boolean | null {
  return cell instanceof Date ? cell.toISOString() : cell;
}

/**
 * Matrix rows, cells and multiple-text items are keyed by the questionnaire's names (`toString`,
 * `__proto__`, ...): null-prototype objects store and find each as an own key.
 */
function keyedByText<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

const COMPLETE_WORDS: Record<string, boolean> = {
  "1": true,
  true: true,
  yes: true,
  是: true,
  已完成: true,
  complete: true,
  完成: true,
  "0": false,
  false: false,
  no: false,
  否: false,
  未完成: false,
  partial: false,
};

/**
 * Reads a row's cells by their columns' targets. Cells that cannot be read become errors and
 * their questions stay out of the answers, so the answer checks only report what is left.
 */
export function assembleRow(row: number, cells: RawCell[], columns: PlannedColumn[]): { assembled: AssembledRow; errors: CellError[] } {
  const errors: CellError[] = [];
  const answers = new Map<string, Answer>();
  const columnsByKey = new Map<string, PlannedColumn[]>();
  const failed = new Set<string>();
  const assembled: AssembledRow = { row, data: {}, complete: true, columnsByKey, cells };
  const answerOf = (spec: QuestionSpec): Answer => {
    let answer = answers.get(spec.key);
    if (!answer) answers.set(spec.key, (answer = { spec }));
    return answer;
  };

  // The column being read: `fail` and `take` are made once a row, not once a cell (under tsx,
  // which keeps function names, every named closure costs a property definition).
  let column: PlannedColumn = columns[0];
  let raw: RawCell = null;
  const fail = (question: string, wording: Wording, code = "bad_cell") => {
    errors.push(withWording({ row, column: column.header, cell: `${column.letter}${row}`, value: displayValue(raw), question, code, message: say("en", wording) }, wording));
    failed.add(question);
  };
  const take = <T>(parsed: Parsed<T>, question: string, use: (value: T) => void) => {
    if (parsed.ok) use(parsed.value);
    else fail(question, parsed.wording, parsed.code);
  };

  for (column of columns) {
    raw = cells[column.index] ?? null;
    const target = column.target;
    if ("spec" in target) {
      const list = columnsByKey.get(target.spec.key) ?? [];
      list.push(column);
      columnsByKey.set(target.spec.key, list);
    }
    // PostgreSQL's jsonb refuses U+0000 and a lone surrogate is not text: such a cell is the
    // file's fault, found here for CSV and XLSX alike, before any answer or id is built from it.
    if (target.kind !== "ignored" && typeof raw === "string" && hasForbiddenCharacters(raw)) {
      fail(questionOf(target), phrase("imports.unstorableText"), "unstorable_text");
      continue;
    }
    const empty = cellText(raw) === null;
    switch (target.kind) {
      case "ignored":
        break;
      case "id":
        if (!empty) assembled.explicitId = cellText(raw)!;
        break;
      case "version":
        if (!empty) {
          take(parseNumber(raw), "(version)", (n) => {
            if (Number.isInteger(n) && n >= 1) assembled.version = n;
            else fail("(version)", phrase("imports.notAVersion", { text: cellText(raw) ?? "" }), "not_a_version");
          });
        }
        break;
      case "complete":
        if (!empty) {
          const word = own<boolean>(COMPLETE_WORDS, cellText(raw)!.normalize("NFKC").toLowerCase());
          if (word === undefined) fail("(complete)", phrase("imports.notComplete", { text: cellText(raw) ?? "" }), "not_yes_or_no");
          else assembled.complete = word;
        }
        break;
      case "option": {
        const tick = parseTick(raw, target.item);
        // "其他（请注明）" columns hold the text written on the line: ticked, with that text.
        if (!tick.ok && target.item.special === "other") {
          const answer = answerOf(target.spec);
          (answer.ticks ??= new Map()).set(target.item.value, true);
          answer.otherText = cellText(raw)!;
          break;
        }
        take(tick, target.spec.key, (ticked) => {
          const answer = answerOf(target.spec);
          (answer.ticks ??= new Map()).set(target.item.value, ticked);
        });
        break;
      }
      case "other":
        if (!empty) answerOf(target.spec).otherText = cellText(raw)!;
        break;
      case "comment":
        if (!empty) answerOf(target.spec).comment = cellText(raw)!;
        break;
      case "rank":
        if (!empty) {
          take(parseNumber(raw), target.spec.key, (rank) => {
            if (!Number.isInteger(rank) || rank < 1) return fail(target.spec.key, phrase("imports.notARank", { text: cellText(raw) ?? "" }), "not_a_rank");
            (answerOf(target.spec).ranks ??= []).push({ value: target.item.value, rank });
          });
        }
        break;
      case "row":
        if (!empty && target.spec.kind === "matrix") {
          const lookup = lookupOf(target.spec.columns);
          const rows = (answerOf(target.spec).rows ??= keyedByText());
          if (target.spec.multiple) take(parseChoiceList(raw, lookup), target.spec.key, (v) => (rows[String(target.row.value)] = v.values));
          else take(parseChoice(raw, lookup), target.spec.key, (v) => (rows[String(target.row.value)] = v.value));
        }
        break;
      case "cell":
      case "cell_other":
        if (!empty) {
          const cellsOf = (answerOf(target.spec).cells ??= keyedByText());
          const rowObject = (cellsOf[String(target.row.value)] ??= keyedByText());
          const name = target.column.name;
          const cell = target.column.cell;
          if (target.kind === "cell_other") rowObject[`${name}-Comment`] = cellText(raw);
          else if (cell.kind === "single")
            take(parseChoice(raw, lookupOf(cell.items)), target.spec.key, (v) => {
              rowObject[name] = v.value;
              if (v.otherText) rowObject[`${name}-Comment`] = v.otherText;
            });
          else if (cell.kind === "multi") take(parseChoiceList(raw, lookupOf(cell.items)), target.spec.key, (v) => (rowObject[name] = v.values));
          else if (cell.kind === "boolean") {
            take(
              parseBoolean(raw, { value: cell.valueTrue, texts: cell.labelTrue }, { value: cell.valueFalse, texts: cell.labelFalse }),
              target.spec.key,
              (v) => (rowObject[name] = v),
            );
          } else if (cell.kind === "number") take(parseNumber(raw), target.spec.key, (v) => (rowObject[name] = v));
          else rowObject[name] = cellText(raw);
        }
        break;
      case "item":
        if (!empty) {
          const items = (answerOf(target.spec).items ??= keyedByText());
          if (target.item.numeric) take(parseNumber(raw), target.spec.key, (v) => (items[target.item.name] = v));
          else items[target.item.name] = cellText(raw);
        }
        break;
      case "value":
        if (!empty) readValue(target.spec, raw, answerOf(target.spec), (wording, code) => fail(target.spec.key, wording, code));
        break;
    }
  }

  for (const answer of answers.values()) {
    if (failed.has(answer.spec.key)) continue;
    const problem = finish(answer, assembled.data);
    if (problem) {
      const column = columnsByKey.get(answer.spec.key)?.[0];
      errors.push(
        withWording(
          {
            row,
            column: column?.header ?? null,
            cell: column ? `${column.letter}${row}` : null,
            value: column ? displayValue(cells[column.index] ?? null) : null,
            question: answer.spec.key,
            code: "inconsistent",
            message: say("en", problem),
          },
          problem,
        ),
      );
    }
  }
  return { assembled, errors };
}

/** The question a column's findings are reported under. */
function questionOf(target: Target): string {
  if ("spec" in target) return target.spec.key;
  return `(${target.kind})`;
}

/** A whole answer in one cell, read by the question's kind. */
function readValue(spec: QuestionSpec, raw: RawCell, answer: Answer, fail: (wording: Wording, code: string) => void): void {
  const set = <T>(parsed: Parsed<T>, use: (value: T) => void = (v) => (answer.value = v)) => (parsed.ok ? use(parsed.value) : fail(parsed.wording, parsed.code));
  switch (spec.kind) {
    case "single":
      return set(parseChoice(raw, lookupOf(spec.items)), (v) => {
        answer.value = v.value;
        if (v.otherText) answer.otherText = v.otherText;
      });
    case "multi":
    case "ranking":
      return set(parseChoiceList(raw, lookupOf(spec.items)), (v) => {
        answer.value = v.values;
        if (v.otherText) answer.otherText = v.otherText;
      });
    case "list": {
      const text = cellText(raw)!;
      answer.value = spec.multiple ? text.split(/\s*[;；\n]\s*/).filter((t) => t !== "") : text;
      return;
    }
    case "boolean":
      return set(parseBoolean(raw, { value: spec.valueTrue, texts: spec.labelTrue }, { value: spec.valueFalse, texts: spec.labelFalse }));
    case "number":
      return set(parseNumber(raw));
    case "date":
      return set(parseDate(raw));
    case "text":
      answer.value = cellText(raw);
      return;
    case "computed":
      return;
    default:
      return set(parseJson(raw));
  }
}

/** Writes an answer into the data as the form stores it; returns a problem when its parts disagree. */
function finish(answer: Answer, data: Record<string, unknown>): Wording | null {
  const spec = answer.spec;
  const key = spec.key;
  const otherKey = `${key}-Comment`;
  if (answer.comment !== undefined && spec.commentKey) data[spec.commentKey] = answer.comment;
  switch (spec.kind) {
    case "single": {
      const other = spec.items.find((i) => i.special === "other");
      let value = answer.value as Scalar | undefined;
      if (answer.otherText !== undefined && other) {
        if (value === undefined) value = other.value;
        if (spec.otherText === "value" && value === other.value) value = answer.otherText;
        else data[otherKey] = answer.otherText;
      }
      if (value !== undefined) data[key] = value;
      return null;
    }
    case "multi": {
      if (answer.value !== undefined && answer.ticks) return phrase("imports.listAndTicks");
      let values: Scalar[] = (answer.value as Scalar[] | undefined) ?? spec.items.filter((i) => answer.ticks?.get(i.value)).map((i) => i.value);
      const other = spec.items.find((i) => i.special === "other");
      if (answer.otherText !== undefined && other) {
        if (!values.includes(other.value)) values = [...values, other.value];
        if (spec.otherText === "value") values = values.map((v) => (v === other.value ? answer.otherText! : v));
        else data[otherKey] = answer.otherText;
      }
      if (values.length > 0) data[key] = spec.valuePropertyName ? values.map((v) => ({ [spec.valuePropertyName!]: v })) : values;
      return null;
    }
    case "ranking": {
      if (answer.ranks) {
        const sorted = [...answer.ranks].sort((a, b) => a.rank - b.rank);
        if (new Set(sorted.map((r) => r.rank)).size !== sorted.length) return phrase("imports.sameRank");
        data[key] = sorted.map((r) => r.value);
      } else if (answer.value !== undefined) data[key] = answer.value;
      return null;
    }
    case "matrix":
      if (answer.rows && Object.keys(answer.rows).length > 0) data[key] = answer.rows;
      else if (answer.value !== undefined) data[key] = answer.value;
      return null;
    case "matrixdropdown":
      if (answer.cells && Object.keys(answer.cells).length > 0) data[key] = answer.cells;
      else if (answer.value !== undefined) data[key] = answer.value;
      return null;
    case "multipletext":
      if (answer.items && Object.keys(answer.items).length > 0) data[key] = answer.items;
      else if (answer.value !== undefined) data[key] = answer.value;
      return null;
    default:
      if (answer.value !== undefined && answer.value !== null) data[key] = answer.value;
      return null;
  }
}
