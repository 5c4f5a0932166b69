/**
 * What the compiled checker implements, as an allow-list over the questionnaire JSON. Anything
 * outside it (a property, a question type, a validator, an expression reaching beyond plain
 * answers) is named in the result, and the version is then checked by the model checker: the
 * compiled checker never guesses at a feature it was not built and tested for.
 */
import { ConditionRunner } from "survey-core";
import { CONTAINERS, containerScope } from "./scope-containers.js";

/** Properties that only change how a form looks, never what an answer set may hold. */
const LOOKS = [
  "title",
  "description",
  "width",
  "minWidth",
  "maxWidth",
  "startWithNewLine",
  "titleLocation",
  "descriptionLocation",
  "hideNumber",
  "showNumber",
  "indent",
  "placeholder",
  "navigationTitle",
  "navigationDescription",
  "state",
  "showQuestionNumbers",
  "questionTitleLocation",
  "innerIndent",
  "colCount",
  "choicesOrder",
  "separateSpecialChoices",
];

const SURVEY = new Set([
  "title",
  "description",
  "pages",
  "showQuestionNumbers",
  "showProgressBar",
  "progressBarType",
  "completedHtml",
  "completedBeforeHtml",
  "loadingHtml",
  "logo",
  "logoPosition",
  "showTitle",
  "widthMode",
  "width",
  "questionTitleLocation",
  "clearInvisibleValues",
  "calculatedValues",
]);
const CALCULATED = new Set(["name", "expression", "includeIntoResult"]);
const PAGE = new Set(["name", "elements", "visibleIf", ...LOOKS]);
const PANEL = new Set(["type", "name", "elements", "visibleIf", ...LOOKS]);
const COMMON = ["type", "name", "visibleIf", "isRequired", "requiredIf", "validators", "requiredErrorText", ...LOOKS];
const CHOICES = ["choices", "showOtherItem", "otherText", "otherPlaceholder", "otherErrorText", "showNoneItem", "noneText", "showCommentArea", "commentText", "commentPlaceholder"];

/** The properties each compiled question type may carry. */
const QUESTION: Record<string, ReadonlySet<string>> = {
  text: new Set([...COMMON, "inputType", "min", "max", "maxLength", "size", "autocomplete", "minErrorText", "maxErrorText"]),
  comment: new Set([...COMMON, "maxLength", "rows", "autoGrow", "allowResize"]),
  radiogroup: new Set([...COMMON, ...CHOICES, "choicesFromQuestion", "choicesFromQuestionMode"]),
  dropdown: new Set([...COMMON, ...CHOICES, "choicesFromQuestion", "choicesFromQuestionMode"]),
  checkbox: new Set([...COMMON, ...CHOICES, "maxSelectedChoices", "minSelectedChoices"]),
  tagbox: new Set([...COMMON, ...CHOICES, "maxSelectedChoices", "minSelectedChoices"]),
  rating: new Set([
    ...COMMON,
    "rateMin",
    "rateMax",
    "rateStep",
    "rateCount",
    "minRateDescription",
    "maxRateDescription",
    "rateType",
    "displayMode",
    "showCommentArea",
    "commentText",
    "commentPlaceholder",
  ]),
  boolean: new Set([...COMMON, "labelTrue", "labelFalse", "swapOrder", "renderAs"]),
  html: new Set(["type", "name", "html", "visibleIf", ...LOOKS]),
  expression: new Set(["type", "name", "expression", "visibleIf", "precision", "displayStyle", "format", "currency", ...LOOKS]),
  ranking: new Set([...COMMON, "choices"]),
  imagepicker: new Set([...COMMON, "choices", "imageHeight", "imageWidth", "imageFit", "showLabel", "contentMode", "multiSelect"]),
  matrix: new Set([...COMMON, "columns", "rows", "eachRowRequired", "isAllRowRequired"]),
  // Validators of the whole question are not compiled here: only its items' (itemError in run.ts).
  multipletext: new Set([...COMMON.filter((p) => p !== "validators"), "items", "itemSize", "inputSize", "itemErrorLocation"]),
  image: new Set(["type", "name", "imageLink", "imageWidth", "imageHeight", "imageFit", "contentMode", "altText", "visibleIf", ...LOOKS]),
};

/** Input types whose answers the compiled checker judges exactly as the form does. */
const INPUT_TYPES = new Set(["text", "number", "email", "tel", "url", "date"]);
const CHOICE_ITEM = new Set(["value", "text", "isExclusive"]);
/** An image picker's choices also carry their picture. */
const IMAGE_ITEM = new Set(["value", "text", "imageLink"]);
/** A single-choice matrix's rows and columns: values and texts only (no visibleIf, no exclusive column). */
const MATRIX_ITEM = new Set(["value", "text"]);
/** What a multiple-text item may carry: a text input without conditions of its own. */
const MULTIPLE_TEXT_ITEM = new Set(["name", "title", "isRequired", "inputType", "validators", "placeholder", "maxLength", "size", "requiredErrorText"]);
const VALIDATOR: Record<string, ReadonlySet<string>> = {
  numeric: new Set(["type", "text", "minValue", "maxValue"]),
  text: new Set(["type", "text", "minLength", "maxLength", "allowDigits"]),
  regex: new Set(["type", "text", "regex", "caseInsensitive"]),
  email: new Set(["type", "text"]),
  expression: new Set(["type", "text", "expression"]),
  answercount: new Set(["type", "text", "minCount", "maxCount"]),
};
/** Settings of the survey that the compiled checker implements (the rest change when values are cleared). */
const CLEAR_POLICIES = new Set(["onComplete", "none"]);

type Json = Record<string, unknown>;
interface Reader {
  where: string;
  variables: string[];
}

/**
 * Everything in the questionnaire the compiled checker does not implement, as readable reasons
 * (`pages[0].elements[3] (q5): property "enableIf"`). Empty when it implements all of it.
 */
export function outOfScope(json: object): string[] {
  const because: string[] = [];
  const survey = json as Json;
  extraKeys(survey, SURVEY, "questionnaire", because);
  if (survey.clearInvisibleValues !== undefined && !CLEAR_POLICIES.has(String(survey.clearInvisibleValues))) {
    because.push(`questionnaire: clearInvisibleValues "${String(survey.clearInvisibleValues)}"`);
  }
  const names = new Set<string>();
  // Expression questions and what they read, checked once all names are known.
  const readers: Reader[] = [];
  const pages = Array.isArray(survey.pages) ? (survey.pages as Json[]) : [];
  const seen: Seen = { names, readers, types: new Map(), carried: [] };
  pages.forEach((page, i) => {
    const at = `pages[${i}]`;
    extraKeys(page, PAGE, at, because);
    condition(page.visibleIf, `${at}.visibleIf`, because);
    elements(page.elements, at, seen, page.visibleIf !== undefined, because);
  });
  for (const { where, source } of seen.carried) {
    const type = seen.types.get(source.toLowerCase());
    if (type !== "checkbox" && type !== "tagbox") because.push(`${where}: choicesFromQuestion "${source}" is not a checkbox or tag box`);
  }
  calculatedScope(survey.calculatedValues, names, json, because);
  const computed = new Set(expressionNames(pages));
  for (const reader of readers) {
    if (reader.variables.some((v) => computed.has(v))) because.push(`${reader.where}.expression: reads another expression question`);
  }
  return because;
}

/**
 * A calculated value is compiled when its expression reads plain answers through pure functions
 * (as an expression question's), its name is no question's, and nothing in the questionnaire
 * reads it: then it only adds a key to the result (calculated.ts).
 */
function calculatedScope(list: unknown, names: ReadonlySet<string>, json: object, because: string[]): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    because.push("questionnaire.calculatedValues: not a list");
    return;
  }
  const text = JSON.stringify(json);
  (list as Json[]).forEach((calculated, i) => {
    const where = `calculatedValues[${i}] (${String(calculated?.name)})`;
    extraKeys(calculated, CALCULATED, where, because);
    const name = String(calculated.name ?? "");
    if (name === "") because.push(`${where}: no name`);
    if (names.has(name.toLowerCase())) because.push(`${where}: named like a question`);
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (new RegExp(`\\{\\s*${escaped}\\s*[}.[]`, "i").test(text)) because.push(`${where}: read by an expression`);
    expressionScope(calculated.expression, where, [], because);
  });
}

function expressionNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return (list as Json[]).flatMap((element) => (element.type === "expression" ? [String(element.name).toLowerCase()] : expressionNames(element.elements)));
}

interface Seen {
  names: Set<string>;
  readers: Reader[];
  /** Each top-level question's type by its lower-case name. */
  types: Map<string, string>;
  /** Questions carrying choices forward, checked once every question is known. */
  carried: { where: string; source: string }[];
}

/** `underCondition`: a page or panel around the list has a visibleIf. */
function elements(list: unknown, at: string, seen: Seen, underCondition: boolean, because: string[]): void {
  const { names } = seen;
  if (!Array.isArray(list)) return;
  (list as Json[]).forEach((element, i) => {
    const where = `${at}.elements[${i}] (${String(element.name)})`;
    const type = String(element.type);
    if (type === "panel") {
      extraKeys(element, PANEL, where, because);
      condition(element.visibleIf, `${where}.visibleIf`, because);
      elements(element.elements, where, seen, underCondition || element.visibleIf !== undefined, because);
      return;
    }
    const allowed = QUESTION[type] ?? CONTAINERS[type];
    seen.types.set(String(element.name).toLowerCase(), type);
    if (element.choicesFromQuestion !== undefined || element.choicesFromQuestionMode !== undefined) {
      carriedScope(element, where, because);
      seen.carried.push({ where, source: String(element.choicesFromQuestion) });
    }
    if (!allowed) {
      because.push(`${where}: question type "${type}"`);
      return;
    }
    extraKeys(element, allowed, where, because);
    // Two questions sharing a data key would share one value; only distinct names are compiled.
    const key = String(element.name).toLowerCase();
    if (names.has(key)) because.push(`${where}: a second question named "${String(element.name)}"`);
    names.add(key);
    condition(element.visibleIf, `${where}.visibleIf`, because);
    condition(element.requiredIf, `${where}.requiredIf`, because);
    if (type === "expression") expressionScope(element.expression, where, seen.readers, because);
    if (CONTAINERS[type]) containerScope(element, where, underCondition, innerScope, because);
    if (type === "text") textScope(element, where, because);
    if (Array.isArray(element.choices)) itemScope(element.choices, type === "imagepicker" ? IMAGE_ITEM : CHOICE_ITEM, `${where}.choices`, because);
    if (type === "matrix") {
      itemScope(element.columns, MATRIX_ITEM, `${where}.columns`, because);
      itemScope(element.rows, MATRIX_ITEM, `${where}.rows`, because);
    }
    if (type === "multipletext") multipleTextScope(element.items, where, because);
    if (element.validators !== undefined) validatorScope(element.validators, where, because);
    texts(element, ["requiredErrorText", "otherErrorText", "minErrorText", "maxErrorText"], where, because);
  });
}

/**
 * A question inside a dynamic panel or a matrix row, checked as a top-level question of its type
 * without a requiredIf or an expression validator (both would read the entry's context), its
 * visibleIf reading only its own panel (`{panel.x}`).
 */
function innerScope(element: Json, type: string, extra: ReadonlySet<string>, where: string, because: string[]): void {
  const allowed = new Set([...(QUESTION[type] ?? []), ...extra]);
  allowed.delete("requiredIf");
  extraKeys(element, allowed, where, because);
  if (element.visibleIf !== undefined) {
    condition(element.visibleIf, `${where}.visibleIf`, because, /^panel\./i);
  }
  if (type === "text") textScope(element, where, because);
  if (Array.isArray(element.choices)) itemScope(element.choices, CHOICE_ITEM, `${where}.choices`, because);
  validatorScope(element.validators, where, because);
  if (Array.isArray(element.validators) && element.validators.some((v: Json) => v?.type === "expression")) because.push(`${where}: an expression validator`);
  texts(element, ["requiredErrorText", "otherErrorText", "minErrorText", "maxErrorText"], where, because);
}

/** Choices carried forward: a single choice among another question's selected ones, and nothing of its own (carry-forward.ts). */
const CARRIED = new Set(["dropdown", "radiogroup"]);

function carriedScope(element: Json, where: string, because: string[]): void {
  if (!CARRIED.has(String(element.type)) || element.choicesFromQuestionMode !== "selected" || typeof element.choicesFromQuestion !== "string") {
    because.push(`${where}: property "choicesFromQuestion" / "choicesFromQuestionMode"`);
    return;
  }
  for (const own of ["choices", "showOtherItem", "showNoneItem", "choicesVisibleIf"]) {
    if (element[own] !== undefined) because.push(`${where}: "${own}" beside choicesFromQuestion`);
  }
}

/** Functions that only compute from their arguments (survey-core's built-ins of those names). */
const PURE_FUNCTIONS = new Set(["iif", "sum", "min", "max", "avg", "round", "trunc"]);

/**
 * An expression question is compiled when it calls pure functions only and reads no other
 * expression question: the model then settles on one run, in any order.
 */
function expressionScope(expression: unknown, where: string, readers: Reader[], because: string[]): void {
  if (typeof expression !== "string" || expression === "") {
    because.push(`${where}: expression missing`);
    return;
  }
  const runner = new ConditionRunner(expression) as unknown as { canRun(): boolean; getVariables(): string[] };
  if (!runner.canRun()) because.push(`${where}.expression: cannot be parsed`);
  // sumInArray over a column or panel question without a filter reads only its array (survey-core's calcInArray).
  const plain = expression.replace(/sumInArray\s*\(\s*\{[^{}]+\}\s*,\s*'[^']*'\s*\)/g, "0");
  for (const [, name] of plain.matchAll(/([A-Za-z_][\w]*)\s*\(/g)) {
    if (!PURE_FUNCTIONS.has(name)) because.push(`${where}.expression: calls ${name}()`);
  }
  if (runner.getVariables().some((name) => /^(panel|row|item|choice|parentpanel|rowvalue|composite)\b/i.test(name)))
    because.push(`${where}.expression: reads a panel, row or item context`);
  readers.push({ where, variables: runner.getVariables().map((v) => v.split(/[.[]/)[0].toLowerCase()) });
}

function textScope(element: Json, where: string, because: string[]): void {
  const inputType = element.inputType === undefined ? "text" : String(element.inputType);
  if (!INPUT_TYPES.has(inputType)) because.push(`${where}: inputType "${inputType}"`);
  for (const bound of ["min", "max"]) {
    const value = element[bound];
    if (value === undefined) continue;
    // Numeric bounds on number inputs, YYYY-MM-DD on date inputs (min-max.ts); expressions ("=...") are run by the model.
    const numeric = typeof value === "number" || (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)));
    const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(new Date(value).getTime());
    if (!(inputType === "number" && numeric) && !(inputType === "date" && date)) because.push(`${where}: ${bound} ${JSON.stringify(value)} on inputType "${inputType}"`);
  }
}

function itemScope(items: unknown, allowed: ReadonlySet<string>, where: string, because: string[]): void {
  if (!Array.isArray(items)) return;
  items.forEach((item, i) => {
    if (typeof item === "object" && item !== null) extraKeys(item as Json, allowed, `${where}[${i}]`, because);
  });
}

/** Items are text inputs checked against the question's value object: an expression validator would read the survey instead. */
function multipleTextScope(items: unknown, where: string, because: string[]): void {
  if (!Array.isArray(items)) return;
  (items as Json[]).forEach((item, i) => {
    if (typeof item !== "object" || item === null) return;
    const at = `${where}.items[${i}] (${String(item.name)})`;
    extraKeys(item, MULTIPLE_TEXT_ITEM, at, because);
    textScope(item, at, because);
    validatorScope(item.validators, at, because);
    if (Array.isArray(item.validators) && item.validators.some((v: Json) => v?.type === "expression")) because.push(`${at}: an expression validator`);
    texts(item, ["requiredErrorText"], at, because);
  });
}

function validatorScope(validators: unknown, where: string, because: string[]): void {
  if (!Array.isArray(validators)) return;
  (validators as Json[]).forEach((validator, i) => {
    const at = `${where}.validators[${i}]`;
    const allowed = VALIDATOR[String(validator?.type)];
    if (!allowed) {
      because.push(`${at}: validator "${String(validator?.type)}"`);
      return;
    }
    extraKeys(validator, allowed, at, because);
    if (validator.type === "expression") condition(validator.expression, `${at}.expression`, because);
    texts(validator, ["text"], at, because);
  });
}

/** Texts with `{...}` are processed by the model (placeholders, variables): not compiled. */
function texts(owner: Json, properties: readonly string[], where: string, because: string[]): void {
  for (const property of properties) {
    const value = owner[property];
    if (value === undefined) continue;
    const all = typeof value === "object" && value !== null ? Object.values(value) : [value];
    if (all.some((text) => typeof text !== "string" || text.includes("{"))) because.push(`${where}: ${property} with a placeholder`);
  }
}

/**
 * A condition is compiled when it reads plain answers only: no functions (some read the
 * model: panels, rows, the survey), no `{panel.}`/`{row.}`/`{item}` contexts, no async.
 */
function condition(expression: unknown, where: string, because: string[], context?: RegExp): void {
  if (expression === undefined || expression === "") return;
  if (typeof expression !== "string") {
    because.push(`${where}: not a string`);
    return;
  }
  const runner = new ConditionRunner(expression) as unknown as { canRun(): boolean; hasFunction(): boolean; getVariables(): string[] };
  if (!runner.canRun()) because.push(`${where}: cannot be parsed`);
  else if (runner.hasFunction()) because.push(`${where}: calls a function`);
  else if (context) {
    if (runner.getVariables().some((name) => !context.test(name))) because.push(`${where}: reads more than its own panel`);
  } else if (runner.getVariables().some((name) => /^(panel|row|item|choice|parentpanel|rowvalue|composite)\b/i.test(name))) {
    because.push(`${where}: reads a panel, row or item context`);
  }
}

function extraKeys(owner: Json, allowed: ReadonlySet<string>, where: string, because: string[]): void {
  for (const key of Object.keys(owner)) if (!allowed.has(key)) because.push(`${where}: property "${key}"`);
}
