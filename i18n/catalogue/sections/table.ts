/** Header words of the result tables. */
export interface TableWords {
  category: string;
  count: string;
  weightedCount: string;
  percent: string;
  percentOfResponses: string;
  lower: (level: number) => string;
  upper: (level: number) => string;
  total: string;
  missing: string;
  columnPercent: string;
  group: string;
  n: string;
  numerator: string;
  denominator: string;
  ratio: string;
  se: string;
  mean: string;
  sd: string;
  min: string;
  q1: string;
  median: string;
  q3: string;
  max: string;
  residual: string;
  note: string;
  neutralised: string;
}
