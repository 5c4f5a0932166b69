/** Checks of the logic written into a questionnaire: conditions, expressions and validators. */
import { phrase, type Wording } from "../../i18n/phrase.js";
import { ConditionsParser } from "survey-core";
import { worded, type Problem } from "./problem.js";
import { isJsonObject, type JsonObject } from "./json.js";
import { VALIDATOR_TYPES } from "./element-types.js";

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
      problems.push(worded(`${where}.${name}`, "bad_expression", phrase("questionnaire.badExpression", { name, value: JSON.stringify(value) })));
    }
  }
}

/** Checks a `validators` array: known types, and the parameters each type needs. */
export function checkValidators(list: unknown, where: string, problems: Problem[]): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    problems.push(worded(`${where}.validators`, "bad_validator", phrase("questionnaire.validatorsNotArray")));
    return;
  }
  list.forEach((validator, i) => {
    const place = `${where}.validators[${i}]`;
    const bad = (wording: Wording): void => {
      problems.push(worded(place, "bad_validator", wording));
    };
    if (!isJsonObject(validator)) return bad(phrase("questionnaire.validatorNotObject"));
    const type = typeof validator.type === "string" ? validator.type.replace(/validator$/, "") : undefined;
    if (type === undefined || !VALIDATOR_TYPES.has(type)) {
      return bad(phrase("questionnaire.unknownValidator", { type: JSON.stringify(validator.type), allowed: [...VALIDATOR_TYPES] }));
    }
    for (const bound of ["minValue", "maxValue", "minLength", "maxLength", "minCount", "maxCount"]) {
      const value = validator[bound];
      if (value !== undefined && value !== null && (typeof value !== "number" || !Number.isFinite(value))) {
        return bad(phrase("questionnaire.boundNotNumber", { bound }));
      }
    }
    if (type === "regex") {
      if (typeof validator.regex !== "string" || validator.regex === "") return bad(phrase("questionnaire.regexMissing"));
      try {
        new RegExp(validator.regex);
      } catch {
        return bad(phrase("questionnaire.regexInvalid", { regex: validator.regex }));
      }
    }
    if (type === "expression" && (typeof validator.expression !== "string" || validator.expression.trim() === "")) {
      return bad(phrase("questionnaire.expressionMissing"));
    }
    checkExpressions(validator, place, problems);
  });
}
