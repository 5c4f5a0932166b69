/** Every word a chart or its caption prints, per language. */
export interface ChartWords {
  /** Separator between the parts of one statement ("，" or ", "). */
  comma: string;
  /** Separator between statements of one caption line ("；" or "; "). */
  semicolon: string;
  /** A label and its value ("：" or ": "). */
  colon: string;
  /** Parentheses around an aside. */
  open: string;
  close: string;
  base: string;
  missing: string;
  weightedBase: string;
  filter: string;
  noFilter: string;
  weighting: string;
  unweighted: string;
  poststratified: string;
  raked: string;
  test: string;
  noTest: string;
  errorBars: (level: number, method: string) => string;
  designBased: string;
  multipleBase: string;
  percentOfRespondents: string;
  percentOfGroup: string;
  count: string;
  mean: string;
  median: string;
  sd: string;
  overall: string;
  residual: string;
  residualNote: (critical: string, alpha: string) => string;
  perOptionTests: (significant: number, total: number, test: string, method: string) => string;
  ratio: string;
  symlog: string;
  openBinNote: (from: string) => string;
  summary: (mean: string, median: string, sd: string) => string;
  smallExpected: (cells: number, share: string) => string;
  boxNote: string;
  openBin: string;
  intervalNote: (level: number) => string;
  noData: string;
  /** Display text of SurveyJS's "other" item when no label is given. */
  other: string;
}
