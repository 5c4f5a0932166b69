/** Checks of the logic written into a questionnaire: conditions, expressions and validators. */
import { ConditionsParser } from "survey-core";
import type { Problem } from "./problem.js";
import { isJsonObject, type JsonObject } from "../questionnaire/json.js";
import { VALIDATOR_TYPES } from "../questionnaire/element-types.js";

/** Properties holding survey-core expressions: `visibleIf`, `minValueExpression`, `expression`, ... */
function isExpressionProperty(name: string): boolean {
  return name.endsWith("If") || name.endsWith("Expression") || name === "expression";
}

function parses(text: string): boolean {
  // A fresh parser each time: survey-core keeps the last error on the instance.
  return text.trim() === "" || new ConditionsParser().parseExpression(text) != null;
}

/**
 * Reports every expression-valued property of `owner` that is not a string survey-core can parse.
 * A condition that does not parse would silently never fire in the respondent's browser.
 */
export function checkExpressions(owner: JsonObject, where: string, problems: Problem[]): void {
  for (const [name, value] of Object.entries(owner)) {
    if (!isExpressionProperty(name) || value === undefined) continue;
    if (typeof value !== "string" || !parses(value)) {
      problems.push({ question: `${where}.${name}`, code: "bad_expression", message: `"${name}" is not an expression survey-core can parse: ${JSON.stringify(value)}.` });
    }
  }
}

/** Checks a `validators` array: known types, and the parameters each type needs. */
export function checkValidators(list: unknown, where: string, problems: Problem[]): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    problems.push({ question: `${where}.validators`, code: "bad_validator", message: "\"validators\" must be an array." });
    return;
  }
  list.forEach((validator, i) => {
    const place = `${where}.validators[${i}]`;
    const bad = (message: string): void => { problems.push({ question: place, code: "bad_validator", message }); };
    if (!isJsonObject(validator)) return bad("A validator must be an object.");
    const type = typeof validator.type === "string" ? validator.type.replace(/validator$/, "") : undefined;
    if (type === undefined || !VALIDATOR_TYPES.has(type)) {
      return bad(`Unknown validator type ${JSON.stringify(validator.type)}; use one of ${[...VALIDATOR_TYPES].join(", ")}.`);
    }
    for (const bound of ["minValue", "maxValue", "minLength", "maxLength", "minCount", "maxCount"]) {
      const value = validator[bound];
      if (value !== undefined && value !== null && (typeof value !== "number" || !Number.isFinite(value))) {
        return bad(`"${bound}" must be a number.`);
      }
    }
    if (type === "regex") {
      if (typeof validator.regex !== "string" || validator.regex === "") return bad("A regex validator needs a \"regex\" string.");
      try {
        new RegExp(validator.regex);
      } catch {
        return bad(`"regex" is not a valid regular expression: ${validator.regex}.`);
      }
    }
    if (type === "expression" && (typeof validator.expression !== "string" || validator.expression.trim() === "")) {
      return bad("An expression validator needs an \"expression\".");
    }
    checkExpressions(validator, place, problems);
  });
}
