import type { Model } from "survey-core";

/**
 * Keeps "第 1 页，共 3 页" current. SurveyJS caches the page count twice (the progress text and
 * the progress buttons' copy of it) and, for a page-count progress bar, clears neither when an
 * answer changes, nor the buttons' copy when the language changes: the count stayed in the old
 * language, and one step behind when skip logic showed or hid a page. Clearing both caches when
 * a page's visibility or the language changes makes the next render count again.
 */
export function keepPageCountCurrent(survey: Model): void {
  const recount = () => survey.updateProgressText();
  survey.onPageVisibleChanged.add(recount);
  survey.onLocaleChangedEvent.add(recount);
}
