/**
 * SurveyJS JSON → the sheets of a spreadsheet questionnaire, the reader's mapping backwards.
 * Every property is either written in a column or listed on the `notes` sheet with its question
 * and value: nothing is dropped silently.
 */
import { isJsonObject, type JsonObject } from "../json.js";
import type { Sheet } from "./book.js";
import { BOOLEAN_VALUES, booleanComparisons, booleanList } from "./boolean-list.js";
import { Unsupported } from "./expression.js";
import { SINGLE_PAGE } from "./from-xlsform.js";
import { INTEGER_RULE } from "./question-types.js";
import { printRange } from "./range.js";
import { readSurveyJs } from "./surveyjs-syntax.js";
import { propertyLimits, validatorLimits } from "./write-limits.js";
import { localesOf, textHeader, textsOf } from "./write-texts.js";
import { printXlsForm } from "./xlsform-syntax.js";

/** Something the sheet cannot say: the question (or `(survey)`, a page's name), the property, its JSON. */
export interface Note {
  question: string;
  property: string;
  value: string;
}

const SURVEY_TEXTS = ["label", "hint", "required_message", "constraint_message"] as const;
type Row = { plain: Record<string, string>; texts: Partial<Record<(typeof SURVEY_TEXTS)[number], Record<string, string>>> };
const SELECTS: Record<string, [string, string?]> = {
  radiogroup: ["select_one"],
  dropdown: ["select_one", "minimal"],
  checkbox: ["select_multiple"],
  tagbox: ["select_multiple", "minimal"],
};
const MULTIPLE = new Set(["checkbox", "tagbox"]);

class Writer {
  readonly notes: Note[] = [];
  readonly rows: Row[] = [];
  readonly choiceRows: { list: string; name: string; label?: Record<string, string> }[] = [];
  readonly locales = new Set<string>();
  private readonly multiple = new Set<string>();
  private readonly booleans = new Set<string>();
  private readonly names = new Set<string>();
  /** Inside a dynamic panel's template, written as a repeat (no repeat in a repeat: the reader takes none). */
  private inRepeat = false;

  constructor(json: JsonObject) {
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (isJsonObject(value)) {
        if (typeof value.name === "string" && MULTIPLE.has(String(value.type))) this.multiple.add(value.name);
        if (typeof value.name === "string" && value.type === "boolean") this.booleans.add(value.name);
        if (typeof value.name === "string") this.names.add(value.name);
        Object.values(value).forEach(visit);
      }
    };
    visit(json);
  }

  note(question: string, property: string, value: unknown): void {
    this.notes.push({ question, property, value: JSON.stringify(value) });
  }

  /** A text for the row, or a note when it is not one the sheet can hold. */
  text(row: Row, column: (typeof SURVEY_TEXTS)[number], value: unknown, question: string, property: string): void {
    const texts = textsOf(value);
    if (!texts) return this.note(question, property, value);
    for (const key of Object.keys(texts)) this.locales.add(key);
    row.texts[column] = texts;
  }

  expression(value: unknown, self?: string): string | undefined {
    if (typeof value !== "string") return undefined;
    try {
      const isMultiple = (n: string) => this.multiple.has(n);
      // In a repeat XLSForm's `${q}` is the sibling of the same entry: SurveyJS's `{panel.q}`.
      const text = this.inRepeat ? value.replace(/\{panel\.([^}]+)\}/g, "{$1}") : value;
      const expr = booleanComparisons(readSurveyJs(text, { self, isMultiple }), (n) => this.booleans.has(n), true);
      return printXlsForm(expr, { self, isMultiple });
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
  }

  /** Writes the properties every element shares, taking them out of `rest`. */
  common(row: Row, rest: JsonObject, name: string, titleKey = "title"): void {
    if (rest[titleKey] !== undefined) this.text(row, "label", rest[titleKey], name, titleKey);
    if (rest.description !== undefined) this.text(row, "hint", rest.description, name, "description");
    if (rest.requiredErrorText !== undefined) this.text(row, "required_message", rest.requiredErrorText, name, "requiredErrorText");
    if (rest.isRequired === true) row.plain.required = "yes";
    else if (rest.isRequired !== undefined && rest.isRequired !== false) this.note(name, "isRequired", rest.isRequired);
    if (rest.visibleIf !== undefined) {
      const relevant = this.expression(rest.visibleIf);
      if (relevant === undefined) this.note(name, "visibleIf", rest.visibleIf);
      else row.plain.relevant = relevant;
    }
    for (const key of [titleKey, "description", "requiredErrorText", "isRequired", "visibleIf", "name", "type"]) delete rest[key];
  }

  element(element: unknown, where: string): void {
    if (!isJsonObject(element) || typeof element.name !== "string" || typeof element.type !== "string") return this.note(where, "(element)", element);
    const { name, type } = element;
    const rest: JsonObject = { ...element };
    const row: Row = { plain: { name }, texts: {} };
    if (type === "panel") {
      row.plain.type = "begin_group";
      const elements = rest.elements;
      delete rest.elements;
      this.common(row, rest, name);
      this.rows.push(row);
      this.leftovers(name, rest);
      if (Array.isArray(elements)) elements.forEach((e, i) => this.element(e, `${name}.elements[${i}]`));
      this.rows.push({ plain: { type: "end_group" }, texts: {} });
      return;
    }
    if (type === "paneldynamic" && Array.isArray(rest.templateElements) && !this.inRepeat) {
      row.plain.type = "begin_repeat";
      const template = rest.templateElements;
      delete rest.templateElements;
      this.common(row, rest, name);
      this.rows.push(row);
      this.leftovers(name, rest);
      this.inRepeat = true;
      template.forEach((e, i) => this.element(e, `${name}.templateElements[${i}]`));
      this.inRepeat = false;
      this.rows.push({ plain: { type: "end_repeat" }, texts: {} });
      return;
    }
    const written = this.question(row, rest, name, type);
    if (!written) return this.note(name, "(question)", element);
    this.common(row, rest, name, type === "html" ? "html" : "title");
    this.rows.push(row);
    this.leftovers(name, rest);
  }

  /** Type, choices and constraint of a question; false when the sheet has no type for it. */
  private question(row: Row, rest: JsonObject, name: string, type: string): boolean {
    const select = SELECTS[type];
    if (select) {
      if (!Array.isArray(rest.choices)) return false;
      row.plain.type = `${select[0]} ${name}${rest.showOtherItem === true ? " or_other" : ""}`;
      if (select[1]) row.plain.appearance = select[1];
      this.choices(name, rest.choices);
      delete rest.choices;
      if (rest.showOtherItem === true) delete rest.showOtherItem;
    } else if (type === "comment") {
      row.plain.type = "text";
      row.plain.appearance = "multiline";
    } else if (type === "html") {
      row.plain.type = "note";
    } else if (type === "text") {
      row.plain.type = this.textType(rest);
    } else if (type === "boolean") {
      // valueTrue/valueFalse change the answers stored, which the list's true/false would not keep.
      // A question named like its list would have its choices in the same list.
      if (rest.valueTrue !== undefined || rest.valueFalse !== undefined || this.names.has(booleanList(name))) return false;
      this.booleanChoices(row, rest, name);
    } else if (type === "rating") {
      // A scale of its own values or by count is not start, end and step.
      const parameters = rest.rateValues === undefined && rest.rateCount === undefined ? printRange(rest) : undefined;
      if (parameters === undefined) return false;
      row.plain.type = "range";
      row.plain.parameters = parameters;
      for (const key of ["rateMin", "rateMax", "rateStep"]) delete rest[key];
    } else {
      return false;
    }
    this.constraint(row, rest, name);
    this.limits(row, rest, name);
    return true;
  }

  /** A boolean as a select_one of its own true/false list (boolean-list.ts tells why). */
  private booleanChoices(row: Row, rest: JsonObject, name: string): void {
    const list = booleanList(name);
    row.plain.type = `select_one ${list}`;
    const labels = { true: rest.labelTrue, false: rest.labelFalse };
    for (const value of BOOLEAN_VALUES) {
      const label = labels[value] === undefined ? undefined : textsOf(labels[value]);
      if (labels[value] !== undefined && !label) this.note(name, value === "true" ? "labelTrue" : "labelFalse", labels[value]);
      for (const key of Object.keys(label ?? {})) this.locales.add(key);
      this.choiceRows.push({ list, name: value, ...(label ? { label } : {}) });
    }
    delete rest.labelTrue;
    delete rest.labelFalse;
  }

  /** A question's own limits, when no validator took the constraint column (write-limits.ts). */
  private limits(row: Row, rest: JsonObject, name: string): void {
    if (row.plain.constraint !== undefined) return;
    const limits = propertyLimits(row.plain.type ?? "", rest, name);
    if (!limits) return;
    row.plain.constraint = limits.constraint;
    for (const key of limits.said) delete rest[key];
  }

  private textType(rest: JsonObject): string {
    const inputType = rest.inputType ?? "text";
    if (inputType === "date") return (delete rest.inputType, "date");
    if (inputType !== "number") return inputType === "text" ? (delete rest.inputType, "text") : "text";
    delete rest.inputType;
    const validators = Array.isArray(rest.validators) ? rest.validators : [];
    const rule = validators.findIndex((v) => isJsonObject(v) && Object.keys(v).length === 2 && v.type === INTEGER_RULE.type && v.regex === INTEGER_RULE.regex);
    if (rule < 0) return "decimal";
    rest.validators = validators.filter((_, i) => i !== rule);
    return "integer";
  }

  /** The first validator the constraint column can say goes there; the others are notes. */
  private constraint(row: Row, rest: JsonObject, name: string): void {
    if (!Array.isArray(rest.validators)) return;
    const type = row.plain.type ?? "";
    rest.validators.forEach((validator: unknown, i: number) => {
      const constraint = row.plain.constraint === undefined && isJsonObject(validator) ? this.validatorText(validator, name, type) : undefined;
      if (constraint === undefined) return this.note(name, `validators[${i}]`, validator);
      row.plain.constraint = constraint;
      if (isJsonObject(validator) && validator.text !== undefined) this.text(row, "constraint_message", validator.text, name, `validators[${i}].text`);
    });
    delete rest.validators;
  }

  /** The constraint of a validator, or undefined when the column cannot say it. */
  private validatorText(validator: JsonObject, name: string, type: string): string | undefined {
    const { type: kind, text, ...more } = validator;
    if (text !== undefined && !textsOf(text)) return undefined;
    if (kind === "expression") return Object.keys(more).every((k) => k === "expression") ? this.expression(more.expression, name) : undefined;
    return validatorLimits(kind, more, text !== undefined, name, type);
  }

  private choices(list: string, choices: unknown[]): void {
    choices.forEach((choice, i) => {
      if (typeof choice === "string") return this.choiceRows.push({ list, name: choice });
      if (!isJsonObject(choice) || choice.value === undefined || choice.value === null) return this.note(list, `choices[${i}]`, choice);
      const { value, text, ...more } = choice;
      if (typeof value !== "string") this.note(list, `choices[${i}].value`, value);
      const label = text === undefined ? undefined : textsOf(text);
      if (text !== undefined && !label) this.note(list, `choices[${i}].text`, text);
      for (const key of Object.keys(label ?? {})) this.locales.add(key);
      this.choiceRows.push({ list, name: String(value), ...(label ? { label } : {}) });
      for (const [key, v] of Object.entries(more)) this.note(list, `choices[${i}].${key}`, v);
    });
  }

  leftovers(question: string, rest: JsonObject): void {
    for (const [key, value] of Object.entries(rest)) this.note(question, key, value);
  }
}

/**
 * The sheets of a questionnaire, and the notes of what they cannot say (also on the `notes` sheet).
 * With more than one page, or a page that is more than its elements, `style` is `pages` and each
 * page a top-level group.
 */
export function toXlsForm(json: JsonObject): { sheets: Sheet[]; notes: Note[] } {
  const writer = new Writer(json);
  const { pages, title, ...survey } = json;
  const pageList = Array.isArray(pages) ? pages : [];
  const single = pageList.length === 1 && isJsonObject(pageList[0]) && pageList[0].name === SINGLE_PAGE && Object.keys(pageList[0]).every((k) => k === "name" || k === "elements");
  pageList.forEach((page, i) => {
    if (!isJsonObject(page)) return writer.note("(survey)", `pages[${i}]`, page);
    const elements = Array.isArray(page.elements) ? page.elements : [];
    if (single) return elements.forEach((e, j) => writer.element(e, `pages[${i}].elements[${j}]`));
    writer.element({ ...page, type: "panel", name: typeof page.name === "string" ? page.name : `page${i + 1}` }, `pages[${i}]`);
  });
  if (json.elements !== undefined) writer.note("(survey)", "elements", json.elements);
  delete survey.elements;
  for (const [key, value] of Object.entries(survey)) writer.note("(survey)", key, value);
  const titleTexts = title === undefined ? undefined : textsOf(title);
  if (title !== undefined && !titleTexts) writer.note("(survey)", "title", title);
  for (const key of Object.keys(titleTexts ?? {})) writer.locales.add(key);

  const locales = localesOf(writer.locales);
  const header = (column: string) => locales.map((l) => textHeader(column, l));
  const surveyHeaders = [
    "type",
    "name",
    ...header("label"),
    ...header("hint"),
    "required",
    ...header("required_message"),
    "relevant",
    "constraint",
    ...header("constraint_message"),
    "appearance",
    "parameters",
  ];
  const surveyRows = writer.rows.map((row, i) => {
    const cells = surveyHeaders.map((h) => {
      const [column, language] = h.split("::") as [string, string?];
      if (language === undefined) return row.plain[column] ?? "";
      const locale = locales[header(column).indexOf(h)]!;
      return row.texts[column as (typeof SURVEY_TEXTS)[number]]?.[locale] ?? "";
    });
    return { row: i + 2, cells };
  });
  const choiceHeaders = ["list_name", "name", ...header("label")];
  const choiceRows = writer.choiceRows.map((c, i) => ({ row: i + 2, cells: [c.list, c.name, ...locales.map((l) => c.label?.[l] ?? "")] }));
  const settingsHeaders = [...header("form_title"), "default_language", "style"];
  const settings = [...locales.map((l) => titleTexts?.[l] ?? ""), "zh-Hans", single || pageList.length === 0 ? "" : "pages"];
  const sheets: Sheet[] = [
    { name: "survey", headers: surveyHeaders, rows: surveyRows },
    { name: "choices", headers: choiceHeaders, rows: choiceRows },
    { name: "settings", headers: settingsHeaders, rows: [{ row: 2, cells: settings }] },
  ];
  if (writer.notes.length > 0) {
    sheets.push({ name: "notes", headers: ["question", "property", "value"], rows: writer.notes.map((n, i) => ({ row: i + 2, cells: [n.question, n.property, n.value] })) });
  }
  return { sheets, notes: writer.notes };
}
