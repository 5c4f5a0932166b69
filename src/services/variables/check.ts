/**
 * What a derived variable's rule says about the questionnaire, checked against the survey's
 * merged questionnaire: the source question exists and is of a kind the rule takes, every
 * choice named is one the question offers, no choice sits in two groups, bins are neither
 * empty nor overlapping, and the name is free. All problems at once, each naming its field.
 */
import { phrase, say, withWording } from "../../../i18n/phrase.js";
import { AppError, fieldError, type FieldError } from "../../errors.js";
import { collidesWithObject } from "../../questionnaire/check-names.js";
import { findMerged } from "../../questionnaire/merge.js";
import { analysisQuestionOf, categoryId, type AnalysisQuestion, type SurveyCatalog } from "../analysis/analysis-question.js";
import { matchCategory } from "../analysis/design.js";
import type { Language } from "../analysis/requests.js";
import { ruleOf, VARIABLE_NAME, type VariableBody } from "./definition.js";

/**
 * Throws a 422 listing every problem of `body` (a definition already shaped by `variableBody`)
 * on this survey; `replacing` is the name of the variable a PUT changes, which may keep its name.
 * Returns the source question.
 */
export function checkVariable(catalog: SurveyCatalog, body: VariableBody, lang: Language, replacing?: string): AnalysisQuestion | null {
  const errors: FieldError[] = [...checkName(catalog, body.name, replacing)];
  const source = sourceOf(catalog, body.from, lang, errors);
  if (source) errors.push(...checkRule(source, body));
  if (errors.length > 0) throw new AppError("unprocessable", phrase("variables.invalid", { name: body.name }), errors);
  return source;
}

function checkName(catalog: SurveyCatalog, name: string, replacing?: string): FieldError[] {
  if (!VARIABLE_NAME.test(name)) return [fieldError("name", "bad_name", phrase("variables.nameForm"))];
  if (collidesWithObject(name, "question")) return [fieldError("name", "bad_name", phrase("variables.nameReserved", { name }))];
  if (findMerged(catalog.questionnaire, name)) return [fieldError("name", "name_taken", phrase("variables.nameIsQuestion", { name }))];
  if (name !== replacing && catalog.variables.some((v) => v.name === name)) return [fieldError("name", "name_taken", phrase("variables.nameTaken", { name }))];
  return [];
}

function sourceOf(catalog: SurveyCatalog, from: string, lang: Language, errors: FieldError[]): AnalysisQuestion | null {
  const merged = findMerged(catalog.questionnaire, from);
  if (merged) return analysisQuestionOf(catalog, merged, lang);
  if (catalog.variables.some((v) => v.name === from)) errors.push(fieldError("from", "derived_source", phrase("variables.fromVariable", { name: from })));
  else errors.push(fieldError("from", "unknown_question", phrase("analysis.notAQuestionOf", { survey: catalog.name, name: from })));
  return null;
}

function checkRule(source: AnalysisQuestion, body: VariableBody): FieldError[] {
  const named = { name: source.name, type: source.type };
  switch (ruleOf(body)) {
    case "groups": {
      if (source.kind !== "single") return [fieldError("from", "wrong_kind", phrase("variables.groupsNeedChoice", named))];
      return checkGroups(source, body.groups!);
    }
    case "bins":
      if (!source.numeric) return [fieldError("from", "wrong_kind", phrase("variables.binsNeedNumber", named))];
      return checkBins(body.bins!);
    case "option": {
      if (source.kind !== "multiple") return [fieldError("from", "wrong_kind", phrase("variables.optionNeedsMultiple", named))];
      return matchCategory(source, body.option) ? [] : [notAChoice(source, body.option!, "option")];
    }
    case "equals": {
      if (source.numeric) return typeof body.equals === "number" ? [] : [fieldError("equals", "not_a_number", phrase("variables.equalsNumber", { name: source.name }))];
      if (source.kind !== "single") return [fieldError("from", "wrong_kind", phrase("variables.equalsNeedsNumberOrChoice", named))];
      return matchCategory(source, body.equals) ? [] : [notAChoice(source, body.equals!, "equals")];
    }
  }
}

function checkGroups(source: AnalysisQuestion, groups: Record<string, (string | number | boolean)[]>): FieldError[] {
  const errors: FieldError[] = [];
  const entries = Object.entries(groups);
  if (entries.length === 0) errors.push(fieldError("groups", "no_group", phrase("variables.groupsNone")));
  const groupOf = new Map<string, string>();
  for (const [group, values] of entries) {
    if (group.trim() === "" || group.length > 100) errors.push(fieldError(`groups.${group}`, "bad_label", phrase("variables.textForm", { max: 100 })));
    if (values.length === 0) errors.push(fieldError(`groups.${group}`, "empty_group", phrase("variables.groupEmpty", { group })));
    values.forEach((value, j) => {
      const category = matchCategory(source, value);
      if (!category) return errors.push(notAChoice(source, value, `groups.${group}.${j}`));
      const id = categoryId(category.value);
      const first = groupOf.get(id);
      if (first !== undefined)
        errors.push(fieldError(`groups.${group}.${j}`, "choice_in_two_groups", phrase("variables.inTwoGroups", { value: String(value), first, second: group })));
      else groupOf.set(id, group);
    });
  }
  return errors;
}

function checkBins(bins: { label: string; min?: number; max?: number }[]): FieldError[] {
  if (bins.length === 0) return [fieldError("bins", "no_bin", phrase("variables.binsNone"))];
  const errors: FieldError[] = [];
  const labels = new Set<string>();
  bins.forEach((bin, i) => {
    if (bin.min !== undefined && bin.max !== undefined && !(bin.min < bin.max))
      errors.push(fieldError(`bins.${i}`, "empty_bin", phrase("variables.binEmpty", { label: bin.label })));
    if (labels.has(bin.label)) errors.push(fieldError(`bins.${i}.label`, "duplicate_label", phrase("variables.binLabelTwice", { label: bin.label })));
    labels.add(bin.label);
  });
  // [min, max) intervals overlap when each starts before the other ends.
  for (let i = 0; i < bins.length; i++) {
    for (let j = 0; j < i; j++) {
      const [a, b] = [bins[i], bins[j]];
      if ((a.min ?? -Infinity) < (b.max ?? Infinity) && (b.min ?? -Infinity) < (a.max ?? Infinity)) {
        errors.push(fieldError(`bins.${i}`, "overlapping_bins", phrase("variables.binsOverlap", { first: b.label, second: a.label })));
      }
    }
  }
  return errors;
}

function notAChoice(source: AnalysisQuestion, value: string | number | boolean, field: string): FieldError {
  const why = phrase("analysis.notAChoiceOf", { value: String(value), name: source.name, offered: source.categories.map((c) => String(c.value)) });
  return withWording({ question: field, code: "not_a_choice", message: say("en", why) }, why);
}
