/** Checking a questionnaire JSON when it is published, before any respondent sees it. */
import { phrase, type Wording } from "../../i18n/phrase.js";
import { worded, type Problem } from "./problem.js";
import { describeElement, elementListOf, isJsonObject, rootElementLists, type JsonObject } from "./json.js";
import { checkItemList } from "./check-lists.js";
import { checkExpressions, checkValidators } from "./check-expressions.js";
import { SUPPORTED_CELL_TYPES, SUPPORTED_TYPES, isKnownElementType } from "./element-types.js";
import { collidesWithObject, keptName } from "./check-names.js";

export { listQuestions, type ListedQuestion } from "./list-questions.js";

const CLEAR_INVISIBLE_VALUES = new Set(["none", "onComplete", "onHidden", "onHiddenContainer"]);
const SELECT_TYPES = new Set(["radiogroup", "checkbox", "dropdown", "tagbox", "ranking", "imagepicker"]);

/** Names already used in one data scope (the survey, a dynamic panel's template, a matrix row), with where. */
type Scope = Map<string, string>;

interface Context {
  problems: Problem[];
  /** Every question name anywhere, for `choicesFromQuestion`. */
  names: Set<string>;
  carryForward: { source: string; where: string }[];
  elementCount: number;
}

/**
 * Checks a questionnaire JSON when it is published. Empty array = fine. `question` names the
 * place, e.g. `pages[1].elements[3] (q_name)`, and `message` says why: not an object, no
 * pages/elements, unknown or unsupported type, missing or duplicate name, choice without value,
 * duplicate choice, bad validator, expression that does not parse, ...
 * @example checkQuestionnaire({ elements: [{ type: "foo", name: "q1" }] })
 *   // [{ question: "elements[0] (q1)", code: "unknown_type", message: "Unknown question type \"foo\"." }]
 */
export function checkQuestionnaire(json: unknown): Problem[] {
  if (!isJsonObject(json)) {
    return [worded("(questionnaire)", "not_an_object", phrase("questionnaire.notAnObject"))];
  }
  const ctx: Context = { problems: [], names: new Set(), carryForward: [], elementCount: 0 };
  checkRoot(json, ctx);
  const scope: Scope = new Map();
  for (const list of rootElementLists(json)) checkElementList(list.items, list.location, scope, ctx);
  if (ctx.elementCount === 0 && !ctx.problems.some((p) => p.code === "not_an_object" || p.code === "bad_property")) {
    ctx.problems.push(worded("(questionnaire)", "no_elements", phrase("questionnaire.noElements")));
  }
  for (const { source, where } of ctx.carryForward) {
    if (!ctx.names.has(source)) {
      ctx.problems.push(worded(where, "unknown_source_question", phrase("questionnaire.unknownSource", { source: String(source) })));
    }
  }
  return ctx.problems;
}

function checkRoot(json: JsonObject, ctx: Context): void {
  if (json.pages !== undefined) {
    if (!Array.isArray(json.pages)) {
      ctx.problems.push(worded("pages", "bad_property", phrase("questionnaire.pagesNotArray")));
    } else {
      json.pages.forEach((page, i) => {
        if (!isJsonObject(page)) {
          ctx.problems.push(worded(`pages[${i}]`, "not_an_object", phrase("questionnaire.pageNotObject")));
        } else {
          checkExpressions(page, `pages[${i}]`, ctx.problems);
        }
      });
    }
  }
  const civ = json.clearInvisibleValues;
  if (civ !== undefined && (typeof civ !== "string" || !CLEAR_INVISIBLE_VALUES.has(civ))) {
    ctx.problems.push(worded("clearInvisibleValues", "bad_property", phrase("questionnaire.badClearInvisible", { allowed: [...CLEAR_INVISIBLE_VALUES] })));
  }
  checkNamedList(json.calculatedValues, "calculatedValues", ctx, (item, where) => checkExpressions(item, where, ctx.problems));
  if (Array.isArray(json.triggers)) {
    json.triggers.forEach((t, i) => {
      if (isJsonObject(t)) checkExpressions(t, `triggers[${i}]`, ctx.problems);
    });
  }
}

function checkElementList(items: unknown, location: string, scope: Scope, ctx: Context): void {
  if (items === undefined) return;
  if (!Array.isArray(items)) {
    ctx.problems.push(worded(location, "bad_property", phrase("questionnaire.elementsNotArray")));
    return;
  }
  items.forEach((element, i) => checkElement(element, `${location}[${i}]`, scope, ctx));
}

function checkElement(element: unknown, location: string, scope: Scope, ctx: Context): void {
  const problem = (code: string, wording: Wording, where = location): void => {
    ctx.problems.push(worded(where, code, wording));
  };
  if (!isJsonObject(element)) return problem("not_an_object", phrase("questionnaire.elementNotObject"));
  ctx.elementCount++;
  const where = describeElement(location, element);
  const type = element.type;
  if (typeof type !== "string" || type === "") return problem("missing_type", phrase("questionnaire.missingType"), where);
  if (!isKnownElementType(type)) return problem("unknown_type", phrase("questionnaire.unknownType", { type: JSON.stringify(type) }), where);
  if (!SUPPORTED_TYPES.has(type)) return problem("unsupported_type", phrase("questionnaire.unsupportedType", { type }), where);
  checkExpressions(element, where, ctx.problems);
  if (type === "panel") {
    const list = elementListOf(element, location);
    if (list) checkElementList(list.items, list.location, scope, ctx);
    return;
  }
  if (!checkName(element.name, where, scope, ctx, "question")) return;
  if (element.valueName !== undefined && (typeof element.valueName !== "string" || element.valueName === "")) {
    problem("bad_name", phrase("questionnaire.badValueName"), where);
  } else if (typeof element.valueName === "string" && collidesWithObject(element.valueName, "question")) {
    problem("bad_name", phrase("questionnaire.objectName", { name: element.valueName }), where);
  }
  checkValidators(element.validators, where, ctx.problems);
  checkByType(type, element, location, where, ctx);
}

/** Records a name in its scope; false when it is unusable (so type-specific checks are skipped). */
function checkName(name: unknown, where: string, scope: Scope, ctx: Context, what: "question" | "item" | "column"): boolean {
  if (typeof name !== "string" || name.trim() === "") {
    ctx.problems.push(worded(where, "missing_name", phrase("questionnaire.missingName", { what: phrase(`keyKinds.${what}`) })));
    return false;
  }
  if (collidesWithObject(name, what)) {
    ctx.problems.push(worded(where, "bad_name", phrase("questionnaire.objectName", { name })));
    return false;
  }
  const kept = what === "item" ? name : keptName(name, what);
  if (kept !== name) {
    ctx.problems.push(worded(where, "bad_name", phrase("questionnaire.renamedName", { name, kept })));
    return false;
  }
  const earlier = scope.get(name);
  if (earlier !== undefined) {
    ctx.problems.push(worded(where, "duplicate_name", phrase("questionnaire.duplicateName", { name, earlier })));
  } else {
    scope.set(name, where);
  }
  ctx.names.add(name);
  return true;
}

function checkByType(type: string, element: JsonObject, location: string, where: string, ctx: Context): void {
  const { problems } = ctx;
  if (SELECT_TYPES.has(type)) {
    checkItemList(element.choices, where, "choices", problems);
    refuseChoicesByUrl(element, where, problems);
    if (typeof element.choicesFromQuestion === "string" && element.choicesFromQuestion !== "") {
      ctx.carryForward.push({ source: element.choicesFromQuestion, where: `${where}.choicesFromQuestion` });
    }
  }
  if (type === "rating") checkItemList(element.rateValues, where, "rateValues", problems);
  if (type === "matrix") {
    checkItemList(element.rows, where, "rows", problems, { keys: true });
    checkItemList(element.columns, where, "columns", problems);
  }
  if (type === "matrixdropdown" || type === "matrixdynamic") checkMatrix(element, location, where, ctx);
  if (type === "multipletext") {
    const items: Scope = new Map();
    checkNamedList(element.items, `${where}.items`, ctx, (item, place) => {
      if (checkName(item.name, place, items, ctx, "item")) checkValidators(item.validators, place, problems);
      checkExpressions(item, place, problems);
    });
  }
  if (type === "paneldynamic") {
    const list = elementListOf(element, location, "templateElements");
    checkElementList(list?.items, list?.location ?? `${location}.templateElements`, new Map(), ctx);
  }
}

function checkMatrix(element: JsonObject, location: string, where: string, ctx: Context): void {
  const { problems } = ctx;
  if (element.transposeData === true) {
    problems.push(worded(where, "unsupported_feature", phrase("questionnaire.transposeData")));
  }
  if (element.type === "matrixdropdown") checkItemList(element.rows, where, "rows", problems, { keys: true });
  checkItemList(element.choices, where, "choices", problems);
  const matrixCellType = element.cellType;
  if (matrixCellType !== undefined && (typeof matrixCellType !== "string" || !SUPPORTED_CELL_TYPES.has(matrixCellType))) {
    problems.push(worded(`${where}.cellType`, "unsupported_type", phrase("questionnaire.unsupportedCellType", { type: JSON.stringify(matrixCellType) })));
  }
  // Column names and detail-panel question names share one row object in the data.
  const row: Scope = new Map();
  checkNamedList(element.columns, `${where}.columns`, ctx, (column, place) => {
    if (!checkName(column.name, place, row, ctx, "column")) return;
    const cellType = column.cellType;
    if (cellType !== undefined && (typeof cellType !== "string" || !SUPPORTED_CELL_TYPES.has(cellType))) {
      problems.push(worded(place, "unsupported_type", phrase("questionnaire.unsupportedCellType", { type: JSON.stringify(cellType) })));
    }
    checkItemList(column.choices, place, "choices", problems);
    refuseChoicesByUrl(column, place, problems);
    checkItemList(column.rateValues, place, "rateValues", problems);
    checkValidators(column.validators, place, problems);
    checkExpressions(column, place, problems);
  });
  const detail = elementListOf(element, location, "detailElements");
  if (detail) checkElementList(detail.items, detail.location, row, ctx);
}

/**
 * Choices loaded from a web service are refused: respondents in the field are often offline or
 * cannot reach it, and answers whose choices nobody can list cannot be coded, exported or analysed.
 */
function refuseChoicesByUrl(element: JsonObject, where: string, problems: Problem[]): void {
  if (element.choicesByUrl === undefined) return;
  problems.push(worded(`${where}.choicesByUrl`, "choices_by_url", phrase("questionnaire.choicesByUrl")));
}

/** Walks an optional array of objects (columns, items, calculated values), reporting non-objects. */
function checkNamedList(list: unknown, location: string, ctx: Context, visit: (item: JsonObject, where: string) => void): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    ctx.problems.push(worded(location, "bad_property", phrase("questionnaire.notArray")));
    return;
  }
  list.forEach((item, i) => {
    const place = `${location}[${i}]`;
    if (!isJsonObject(item)) {
      ctx.problems.push(worded(place, "not_an_object", phrase("questionnaire.itemNotObject")));
      return;
    }
    visit(item, describeElement(place, item));
  });
}
