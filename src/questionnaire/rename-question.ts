/**
 * Renaming a question without breaking what names it: every condition and expression
 * (visibleIf, enableIf, requiredIf, choicesVisibleIf, calculated values, expression questions,
 * validators, triggers, completedHtmlOnCondition…), every piped text (`{old}` in a title, a
 * description, a choice, completedHtml), and the properties that hold a question's name
 * (choicesFromQuestion, a trigger's setToName / fromName / gotoName / questions). Which properties
 * are which comes from survey-core's metadata (walk-properties.ts); the names inside expressions
 * are found by its parser (expression-names.ts).
 */
import { settings } from "survey-core";
import { type Renamer, renameInExpression, renameInText } from "./expression-names.js";
import { isJsonObject, type JsonObject } from "./json.js";
import { listQuestionElements } from "./list-questions.js";
import { walkProperties } from "./walk-properties.js";

/** survey-core's property types whose value is an expression. */
const EXPRESSION_TYPES = new Set(["condition", "expression"]);
/** Property types whose value is one question's name, and the one whose value is a list of names. */
const NAME_TYPES = new Set(["question_carryforward", "questionvalue", "question"]);
const NAMES_TYPE = "questions";

/** What may follow a question's name in a variable and still mean that question: `.row`, `[0]`, `-Comment`, `-unwrapped`. */
function followsName(rest: string): boolean {
  if (rest === "") return true;
  if (rest.startsWith(".") || rest.startsWith("[")) return true;
  const suffix = rest.toLowerCase();
  return suffix === settings.commentSuffix.toLowerCase() || suffix === settings.expressionVariables.unwrapPostfix.toLowerCase();
}

/**
 * The renamer of variables naming question `from` (after `prefix`, e.g. `panel.`): `{from}`,
 * `{from.row}`, `{from[0]}`, `{from-Comment}`; survey-core reads names case-insensitively.
 */
export function questionRenamer(from: string, to: string, prefix = ""): Renamer {
  const head = `${prefix}${from}`.toLowerCase();
  return (variable) => {
    if (!variable.toLowerCase().startsWith(head)) return undefined;
    const rest = variable.slice(head.length);
    return followsName(rest) ? `${variable.slice(0, prefix.length)}${to}${rest}` : undefined;
  };
}

/** A dynamic panel's members from outside: `{panel[0].q}` names member `q` of the panel's first entry. */
function memberRenamer(panel: string, from: string, to: string): Renamer {
  const head = `${panel}[`.toLowerCase();
  return (variable) => {
    if (!variable.toLowerCase().startsWith(head)) return undefined;
    const close = variable.indexOf("].", head.length);
    if (close < 0) return undefined;
    return questionRenamer(from, to, variable.slice(0, close + 2))(variable);
  };
}

/** Rewrites every reference the renamer renames in `root` and below. */
function renameBelow(root: JsonObject, className: string, rename: Renamer, from: string, to: string, names: boolean): void {
  const sameName = (value: unknown) => typeof value === "string" && value.trim().toLowerCase() === from.toLowerCase();
  walkProperties(
    root,
    {
      property({ object, className: cls, property }) {
        const key = property.name;
        if (!Object.hasOwn(object, key)) return;
        const value = object[key];
        if (EXPRESSION_TYPES.has(property.type)) {
          if (typeof value === "string") object[key] = renameInExpression(value, rename);
        } else if (property.isLocalizable) {
          if (typeof value === "string") object[key] = renameInText(value, rename);
          else if (isJsonObject(value)) for (const locale of Object.keys(value)) if (typeof value[locale] === "string") value[locale] = renameInText(value[locale], rename);
        } else if (!names) {
          // A dynamic panel's member is named from outside only through expressions.
        } else if (NAME_TYPES.has(property.type) || (key === "name" && cls.endsWith("trigger"))) {
          // A trigger's own `name` is the question an older trigger reads.
          if (sameName(value)) object[key] = to;
        } else if (property.type === NAMES_TYPE && Array.isArray(value)) {
          object[key] = value.map((v) => (sameName(v) ? to : v));
        }
      },
    },
    className,
    className === "survey" ? "survey" : "element",
  );
}

/**
 * A copy of the questionnaire in which every reference to question `from` names `to` instead;
 * the question's own `name` is the caller's to change. A question in the template of dynamic
 * panel `within` is named `{panel.from}` by its siblings and `{within[n].from}` from outside:
 * those follow, and nothing else. A question with a `valueName` is referred to by that, not by
 * its name: leave it to the caller not to rename references then. `from` or `to` empty changes nothing.
 * @example renameQuestion({ elements: [{ type: "text", name: "age" }, { type: "text", name: "n", visibleIf: "{age} > 18" }] }, "age", "years")
 *   // the second question's visibleIf is now "{years} > 18"
 */
export function renameQuestion(json: JsonObject, from: string, to: string, within?: string): JsonObject {
  const copy = structuredClone(json);
  if (from.trim() === "" || to.trim() === "" || from === to) return copy;
  if (within === undefined) {
    renameBelow(copy, "survey", questionRenamer(from, to), from, to, true);
    return copy;
  }
  const panel = listQuestionElements(copy).find(({ element }) => element.type === "paneldynamic" && element.name === within)?.element;
  if (!panel) return copy;
  renameBelow(panel, "paneldynamic", questionRenamer(from, to, `${settings.expressionVariables.panel}.`), from, to, false);
  renameBelow(copy, "survey", memberRenamer(within, from, to), from, to, false);
  return copy;
}
