/** The workspace's page for a new survey (src/workspace/pages/new-survey.tsx). `{name}` marks a value the page fills in. */
export interface NewSurveyWords {
  /** The survey list's button to the page, and the page's heading. */
  heading: string;
  intro: string;
  name: string;
  /** Under the name field: the rule a name keeps. */
  nameHint: string;
  title: string;
  titleHint: string;
  /** The legend of the three starts. */
  start: string;
  empty: string;
  shipped: string;
  copy: string;
  shippedLabel: string;
  copyLabel: string;
  copyHint: string;
  /** When the caller can read no survey to copy. */
  nothingToCopy: string;
  create: string;
}
