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
 * Builds a survey-core model for a questionnaire JSON, as the respondent's browser would.
 * @example const model = createSurveyModel({ elements: [{ type: "text", name: "q1" }] });
 */
export function createSurveyModel(json: object): Model {
  return new Model(json);
}
