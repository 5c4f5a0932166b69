/**
 * The one place that configures survey-core for the server: the default locale and the Chinese
 * string tables. Every model built here behaves like the respondent's browser.
 */
import { Model, surveyLocalization } from "survey-core";
// Registers the zh-cn / zh-tw tables of built-in texts ("其他", "请填写此问题", ...).
import "survey-core/i18n/simplified-chinese";
import "survey-core/i18n/traditional-chinese";

// Plain-string titles in questionnaires are Simplified Chinese (the platform's convention).
surveyLocalization.defaultLocale = "zh-cn";

/** Locale of the messages this library returns: API consumers read English. */
export const MESSAGE_LOCALE = "en";

/**
 * survey-core could not build a model of the questionnaire. Publication refuses what it cannot
 * read (see check-names.ts), but a version stored before a check existed stays in the database.
 */
export class UnreadableQuestionnaire extends Error {
  constructor(readonly reason: unknown) {
    super(`survey-core cannot read the questionnaire: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = "UnreadableQuestionnaire";
  }
}

/**
 * Builds a survey-core model for a questionnaire JSON, as the respondent's browser would.
 * @throws UnreadableQuestionnaire when survey-core itself fails on the JSON.
 * @example const model = createSurveyModel({ elements: [{ type: "text", name: "q1" }] });
 */
export function createSurveyModel(json: object): Model {
  try {
    return new Model(json);
  } catch (err) {
    throw new UnreadableQuestionnaire(err);
  }
}
