/**
 * survey-core's own verdict on an answer set, used as the reference in agreement tests: a fresh
 * model loaded with the data, as a respondent's browser would restore a saved response.
 */
import { Model, type Question, type SurveyModel } from "survey-core";
import { settleDynamicContainers } from "../../src/validation/dynamic-containers.js";
import type { CheckResult } from "../../src/validation/answers.js";

/** Codes whose errors come from survey-core's validation; every other code is one of the checker's own shape rules. */
export const MODEL_CODES: ReadonlySet<string> = new Set(["required", "other_text_required", "too_few_rows", "duplicate_rows", "duplicate_key", "not_a_number", "invalid"]);

/**
 * A fresh model holding `data`. Empty dynamic panels and matrices get their minimum count, the
 * one documented difference from `new Model(json); model.data = data` (see dynamic-containers.ts):
 * without it a bare model shows `rowCount` default rows that a respondent may have deleted.
 */
export function loadedModel(json: object, data: unknown): SurveyModel {
  const model = new Model(json);
  model.data = structuredClone(data);
  settleDynamicContainers(model.getAllQuestions(false, false, false) as Question[]);
  return model;
}

/** True when survey-core rejects the data (or cannot even load it). */
export function modelRejects(json: object, data: unknown): boolean {
  try {
    return !loadedModel(json, data).validate(true, false);
  } catch {
    return true;
  }
}

/** Errors the checker raised by its own shape rules (not passed on from survey-core). */
export function shapeErrors(result: CheckResult): string[] {
  return result.ok ? [] : result.errors.filter((e) => !MODEL_CODES.has(e.code)).map((e) => `${e.question}: ${e.message}`);
}

/** What survey-core's model holds, as plain JSON. */
export function storedForm(model: SurveyModel): Record<string, unknown> {
  return structuredClone(model.data) as Record<string, unknown>;
}
