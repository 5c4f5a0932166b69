/**
 * Texts of SurveyJS's special items when the questionnaire does not word them, keyed by the
 * value SurveyJS stores ("none", "refused", "dontknow", "other") and of boolean answers.
 */
export interface ChoiceWords {
  none: string;
  refused: string;
  dontknow: string;
  other: string;
  true: string;
  false: string;
}
