/**
 * The `survey` sheet, row by row, into SurveyJS elements: questions, and groups as panels. Every
 * problem of every row is collected; the elements are only used when there is none.
 */
import { phrase } from "../../../i18n/phrase.js";
import type { JsonObject } from "../json.js";
import type { Sheet, SheetProblem } from "./book.js";
import { booleanComparisons, booleanList, booleanOf } from "./boolean-list.js";
import { cell, type Columns, localised, readColumns } from "./columns.js";
import { type Expr, type ExpressionContext, renamed, Unsupported } from "./expression.js";
import { APPEARANCES, INTEGER_RULE, METADATA_TYPES, PLAIN_TYPES, parseType, SELECT_TYPES } from "./question-types.js";
import { readRange } from "./range.js";
import { readLimits } from "./read-limits.js";
import type { ChoiceList } from "./read-choices.js";
import { printSurveyJs } from "./surveyjs-syntax.js";
import { readXlsForm } from "./xlsform-syntax.js";

const PLAIN = new Set(["type", "name", "required", "relevant", "constraint", "appearance", "parameters"]);
const TEXTS = new Set(["label", "hint", "required_message", "constraint_message"]);
/** XML names, as XLSForm requires them (letters of any script). */
const NAME = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;
const YES = new Set(["yes", "true", "true()", "1"]);
const NO = new Set(["no", "false", "false()", "0"]);

/**
 * Columns of other tools' bookkeeping (Kobo's `$kuid`, `$autoname`), written by them, read by none;
 * and Kobo's library locks, which say who may edit the form in Kobo's builder, not what respondents see.
 */
const bookkeeping = (header: string) => header.startsWith("$") || header.startsWith("_") || header === "kobo--locking-profile";

interface Group {
  element: JsonObject;
  elements: JsonObject[];
  row: number;
  /** `group` (a panel) or `repeat` (a dynamic panel: its questions asked once per entry). */
  kind: "group" | "repeat";
}

const END: Record<string, Group["kind"]> = { end_group: "group", end_repeat: "repeat" };

export interface SurveyRows {
  elements: JsonObject[];
  /** The row each name was defined in, to place the questionnaire check's problems. */
  rows: Map<string, number>;
}

class SurveyReader {
  private readonly root: Group = { element: {}, elements: [], row: 0, kind: "group" };
  private readonly stack: Group[] = [this.root];
  private readonly rows = new Map<string, number>();
  private readonly multiple = new Set<string>();
  private readonly booleans = new Set<string>();
  /** The repeat each question is asked in, by name (questions outside repeats are not here). */
  private readonly repeatOf = new Map<string, string>();
  private readonly columns: Columns;

  constructor(
    private readonly sheet: Sheet,
    private readonly lists: Map<string, ChoiceList>,
    defaultLocale: string,
    private readonly problems: SheetProblem[],
  ) {
    this.columns = readColumns(sheet, PLAIN, TEXTS, defaultLocale, problems, bookkeeping);
    for (const column of ["type", "name"]) {
      if (!this.columns.plain.has(column)) this.problem(1, column, undefined, "missing_column", phrase("xlsform.noColumn", { sheet: sheet.name, column }));
    }
    // Which questions hold several choices, are booleans or are in a repeat, for expressions before the question's row.
    const repeats: string[] = [];
    for (const { cells } of sheet.rows) {
      const type = parseType(this.cell(cells, "type") || "x");
      const name = this.cell(cells, "name");
      if (type.base === "end_repeat") repeats.pop();
      else if (repeats.length > 0 && name !== "") this.repeatOf.set(name, repeats.at(-1)!);
      if (type.base === "begin_repeat") repeats.push(name);
      if (type.base === "select_multiple") this.multiple.add(name);
      if (this.isBoolean(type, name, this.cell(cells, "appearance"))) this.booleans.add(name);
    }
  }

  read(): SurveyRows {
    if (!this.columns.plain.has("type") || !this.columns.plain.has("name")) return { elements: [], rows: this.rows };
    for (const { row, cells } of this.sheet.rows) this.readRow(row, cells);
    for (const open of this.stack.slice(1)) {
      const name = String(open.element.name);
      this.problem(open.row, "type", `begin_${open.kind}`, `unclosed_${open.kind}`, phrase("xlsform.unclosedGroup", { name, end: `end_${open.kind}` }));
    }
    return { elements: this.root.elements, rows: this.rows };
  }

  /** A `select_one` the writer made of a boolean (boolean-list.ts tells the marks). */
  private isBoolean(type: ReturnType<typeof parseType>, name: string, appearance: string): boolean {
    if (type.base !== "select_one" || type.other || type.list !== booleanList(name) || appearance !== "") return false;
    const list = this.lists.get(type.list);
    return list !== undefined && booleanOf(list.choices) !== undefined;
  }

  private get context(): ExpressionContext {
    return { isMultiple: (n) => this.multiple.has(n) };
  }

  /**
   * An XLSForm expression read, its comparisons of booleans with 'true'/'false' made boolean again,
   * and a question of the same repeat named as SurveyJS names it there (`{panel.q}`). A question of
   * a repeat named from outside it means no one answer, so it is refused by name.
   */
  private readExpr(text: string, self?: string): Expr {
    const expr = booleanComparisons(readXlsForm(text, { ...this.context, self }), (n) => this.booleans.has(n), false);
    const here = [...this.stack].reverse().find((g) => g.kind === "repeat")?.element.name;
    return renamed(expr, (name) => {
      const repeat = this.repeatOf.get(name);
      if (repeat === undefined) return name;
      if (repeat !== here) throw new Unsupported(`\${${name}}`);
      return `panel.${name}`;
    });
  }

  private cell(cells: readonly string[], column: string): string {
    return cell(cells, this.columns.plain.get(column));
  }

  private problem(row: number, column: string, value: string | undefined, code: string, wording: SheetProblem["wording"]): void {
    this.problems.push({ sheet: this.sheet.name, row, column, ...(value === undefined ? {} : { value }), code, wording });
  }

  private readRow(row: number, cells: string[]): void {
    const typeText = this.cell(cells, "type");
    for (const column of this.columns.unknown) {
      const value = (cells[column.index] ?? "").trim();
      if (value !== "" && typeText !== "") this.problem(row, column.header, value, "unsupported_column", phrase("xlsform.unsupportedColumn", { column: column.header }));
    }
    if (typeText === "") return;
    const type = parseType(typeText);
    if (METADATA_TYPES.has(type.base)) return;
    const ending = END[type.base];
    if (ending) {
      const open = this.stack.at(-1)!;
      if (this.stack.length === 1 || open.kind !== ending) {
        return this.problem(row, "type", typeText, `stray_${type.base}`, phrase("xlsform.strayEnd", { end: type.base, begin: `begin_${ending}` }));
      }
      this.stack.pop();
      return;
    }
    const element = this.element(row, cells, typeText, type);
    // A row of a type not read here keeps its name taken, but is not also faulted for having none
    // (`end loop`); an end row repeats the name of its beginning (`end_repeat observation`), it takes none.
    if (!element) {
      if (this.cell(cells, "name") !== "" && !type.base.startsWith("end_")) this.name(row, cells);
      return;
    }
    const name = this.name(row, cells);
    if (name === undefined) return;
    element.name = name;
    this.common(row, cells, element, type.base);
    this.stack.at(-1)!.elements.push(element);
    if (type.base === "begin_group" || type.base === "begin_repeat") {
      const elements: JsonObject[] = [];
      element[type.base === "begin_group" ? "elements" : "templateElements"] = elements;
      this.stack.push({ element, elements, row, kind: type.base === "begin_group" ? "group" : "repeat" });
    }
  }

  /** The element a type makes, or undefined (with a problem) for a type not read here. */
  private element(row: number, cells: string[], typeText: string, type: ReturnType<typeof parseType>): JsonObject | undefined {
    const unknown = () => this.problem(row, "type", typeText, "unknown_type", phrase("xlsform.unknownType", { type: typeText }));
    const appearance = this.cell(cells, "appearance");
    const parameters = this.cell(cells, "parameters");
    if (parameters !== "" && type.base !== "range")
      this.problem(row, "parameters", parameters, "unsupported_column", phrase("xlsform.unsupportedColumn", { column: "parameters" }));
    const variant = appearance === "" ? undefined : APPEARANCES[type.base]?.[appearance];
    if (appearance !== "" && variant === undefined && !(type.base === "begin_group" && appearance === "field-list")) {
      this.problem(row, "appearance", appearance, "unsupported_appearance", phrase("xlsform.unsupportedAppearance", { appearance, type: type.base }));
    }
    if (type.rest.length > 0) return void unknown();
    if (type.base === "begin_group") return type.list === undefined ? { type: "panel" } : void unknown();
    // A repeat in a repeat would need SurveyJS's parentpanel in its expressions: not read.
    if (type.base === "begin_repeat") return type.list === undefined && !this.stack.some((g) => g.kind === "repeat") ? { type: "paneldynamic" } : void unknown();
    const select = SELECT_TYPES[type.base];
    if (select) {
      if (type.list === undefined) return void this.problem(row, "type", typeText, "missing_list", phrase("xlsform.missingList", { type: type.base }));
      const list = this.lists.get(type.list);
      if (!list) return void this.problem(row, "type", typeText, "unknown_list", phrase("xlsform.unknownList", { list: type.list }));
      if (this.booleans.has(this.cell(cells, "name"))) return booleanOf(list.choices);
      return { type: variant ?? select, choices: list.choices, ...(type.other ? { showOtherItem: true } : {}) };
    }
    if (type.base === "range" && type.list === undefined) {
      const scale = readRange(parameters);
      if (!scale) return void this.problem(row, "parameters", parameters, "bad_range", phrase("xlsform.badRange", { value: parameters }));
      return { type: "rating", ...scale };
    }
    const plain = PLAIN_TYPES[type.base];
    if (!plain || type.list !== undefined || type.other) return void unknown();
    return { ...plain, ...(variant ? { type: variant } : {}), ...(type.base === "integer" ? { validators: [{ ...INTEGER_RULE }] } : {}) };
  }

  private name(row: number, cells: string[]): string | undefined {
    const name = this.cell(cells, "name");
    if (name === "") return void this.problem(row, "name", undefined, "missing_name", phrase("xlsform.missingName"));
    if (!NAME.test(name)) return void this.problem(row, "name", name, "bad_name", phrase("xlsform.badName", { name }));
    const earlier = this.rows.get(name);
    if (earlier !== undefined) return void this.problem(row, "name", name, "duplicate_name", phrase("xlsform.duplicateName", { name, row: earlier }));
    this.rows.set(name, row);
    return name;
  }

  /** Label, hint, required, relevance and constraint: the same columns for every type. */
  private common(row: number, cells: string[], element: JsonObject, base: string): void {
    const name = element.name as string;
    const label = localised(cells, this.columns, "label");
    if (label !== undefined) element[base === "note" ? "html" : "title"] = label;
    const hint = localised(cells, this.columns, "hint");
    if (hint !== undefined) element.description = hint;
    const required = this.cell(cells, "required");
    if (YES.has(required.toLowerCase())) element.isRequired = true;
    else if (required !== "" && !NO.has(required.toLowerCase())) this.problem(row, "required", required, "bad_yes_no", phrase("xlsform.badYesNo", { value: required }));
    const requiredMessage = localised(cells, this.columns, "required_message");
    if (requiredMessage !== undefined) element.requiredErrorText = requiredMessage;
    const relevant = this.cell(cells, "relevant");
    if (relevant !== "") {
      const text = this.translate(row, "relevant", relevant);
      if (text !== undefined) element.visibleIf = text;
    }
    const constraint = this.cell(cells, "constraint");
    if (constraint !== "") this.constraint(row, cells, element, name, base, constraint);
  }

  private constraint(row: number, cells: string[], element: JsonObject, name: string, base: string, constraint: string): void {
    const message = localised(cells, this.columns, "constraint_message");
    try {
      const expr = this.readExpr(constraint, name);
      // In a repeat the expression names the question itself as `{panel.q}` too.
      const limits = readLimits(expr, this.repeatOf.has(name) ? `panel.${name}` : name, base, message);
      if (limits && !("type" in limits)) return void Object.assign(element, limits);
      const validator: JsonObject = limits ?? { type: "expression", expression: printSurveyJs(expr, { ...this.context, self: name }) };
      if (message !== undefined) validator.text = message;
      element.validators = [...((element.validators as JsonObject[] | undefined) ?? []), validator];
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      this.unsupported(row, "constraint", constraint, error.construct);
    }
  }

  private translate(row: number, column: string, text: string): string | undefined {
    try {
      return printSurveyJs(this.readExpr(text), this.context);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      this.unsupported(row, column, text, error.construct);
      return undefined;
    }
  }

  private unsupported(row: number, column: string, value: string, construct: string): void {
    this.problem(row, column, value, "unsupported_expression", phrase("xlsform.unsupportedExpression", { construct, value }));
  }
}

/** Reads the survey sheet into elements, adding every problem found to `problems`. */
export function readSurvey(sheet: Sheet, lists: Map<string, ChoiceList>, defaultLocale: string, problems: SheetProblem[]): SurveyRows {
  return new SurveyReader(sheet, lists, defaultLocale, problems).read();
}
