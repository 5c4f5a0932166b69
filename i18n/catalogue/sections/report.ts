/** Every word the presentation layer and the report print around the charts, per language. */
export interface ReportWords {
  /** One filter: the question's text and the kept answers. */
  filterItem: (question: string, answers: string[]) => string;
  /** Between filters (all must hold). */
  filterJoin: string;
  partialIncluded: string;
  poststratified: (question: string, population: string) => string;
  raked: (questions: string[]) => string;
  populationItem: (label: string, count: number) => string;
  listJoin: string;
  /** A label and what follows ("：" or ": "), the end of a sentence, the gap after a figure number. */
  colon: string;
  stop: string;
  gap: string;
  source: (survey: string, versions: number[]) => string;
  /** The question's wording, when the chart has a title of its own. */
  wording: (question: string) => string;
  overall: string;
  figure: (n: number) => string;
  table: (n: number) => string;
  contents: string;
  methods: string;
  /** The moment it was made: wall-clock time with its offset, and the name of the survey's time zone. */
  generated: (time: string, zone: string) => string;
  files: string;
  note: string;
  sampleHeading: string;
  sample: (survey: string, name: string, versions: number[], complete: number) => string;
  partialLeftOut: (partial: number) => string;
  partialUsed: (partial: number) => string;
  basesHeading: string;
  basesIntro: string;
  weightsHeading: string;
  poststratifyMethod: string;
  rakeMethod: string;
  weightCells: { cell: string; sample: string; population: string; weight: string };
  excludedFromWeighting: (rows: number) => string;
  testsHeading: string;
  tests: Record<TestName, string>;
  software: string;
  subscriptNote: string;
  summary: (complete: number, figures: number) => string;
  /** The {responses} placeholder of a report's texts: the number of questionnaires in its base, with its unit. */
  responsesCount: (count: string) => string;
  /** The questionnaire's title as a book title: 《…》 in Chinese, “…” in English. */
  surveyTitle: (title: string) => string;
}

/** Statistical methods a report can have used; the methods section names those that were. */
export type TestName =
  | "wilson"
  | "clopperPearson"
  | "agrestiCoull"
  | "designWald"
  | "multipleBase"
  | "pearson"
  | "fisher"
  | "smallExpected"
  | "columnProportions"
  | "residuals"
  | "perOption"
  | "perOptionWeighted"
  | "raoScott"
  | "ratio"
  | "quartiles"
  | "histogram"
  | "apa";
