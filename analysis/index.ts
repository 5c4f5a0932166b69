export { logGamma } from "./log-gamma.js";
export { regularizedGamma } from "./regularized-gamma.js";
export { regularizedBeta } from "./regularized-beta.js";
export { chiSquaredUpperTail } from "./chi-squared-upper-tail.js";
export { fUpperTail } from "./f-upper-tail.js";
export { normalCdf } from "./normal-cdf.js";
export { normalQuantile } from "./normal-quantile.js";
export { betaQuantile } from "./beta-quantile.js";
export {
  proportionInterval,
  type ConfidenceInterval,
  type ProportionIntervalMethod,
  type ProportionIntervalOptions,
} from "./proportion-interval.js";
export { frequencies, type FrequenciesInput, type FrequenciesResult } from "./frequencies.js";
export { fisherExact, type FisherExactResult } from "./fisher-exact.js";
export { adjustPValues, type PAdjustMethod } from "./adjust-p-values.js";
export { compactLetterDisplay } from "./compact-letter-display.js";
export {
  columnProportions,
  type ColumnProportionsOptions,
  type ColumnProportionsResult,
  type ColumnProportionsRow,
  type ColumnProportionComparison,
} from "./column-proportions.js";
export { independenceTests, type ChiSquaredTest, type IndependenceTests } from "./independence-tests.js";
export { crosstab, type CrosstabInput, type CrosstabResult } from "./crosstab.js";
export {
  multipleResponseCrosstab,
  type MultipleResponseCrosstabInput,
  type MultipleResponseCrosstabResult,
  type OptionTest,
} from "./multiple-response-crosstab.js";
export { quantileSorted } from "./quantile-sorted.js";
export { numericSummary, type NumericAggregates, type NumericSummary } from "./numeric-summary.js";
export { meanInterval, type MeanInterval } from "./mean-interval.js";
export { ratioOfTotals, type RatioAggregates, type RatioEstimate, type RatioInput } from "./ratio-of-totals.js";
export { uncalibrated, type Calibration, type CalibratedCell, type WeightingCellCount } from "./calibration.js";
export { postStratify } from "./post-stratify.js";
export { rake, type RakeOptions } from "./rake.js";
export { designCovariance, type DesignCovariance, type DesignRowGroup } from "./design-covariance.js";
export { weightedFrequencies, type WeightedFrequenciesInput, type WeightedFrequenciesResult } from "./weighted-frequencies.js";
export { raoScott, type RaoScottResult } from "./rao-scott.js";
export { weightedCrosstab, type WeightedCrosstabInput, type WeightedCrosstabResult } from "./weighted-crosstab.js";
export { calibrationShifts } from "./calibration-shifts.js";
export { calibratedRatioOfTotals, type CalibratedRatioInput, type CellRatioAggregates } from "./calibrated-ratio-of-totals.js";
export { numericSummaryByGroup, type NumericGroupInput } from "./numeric-summary-by-group.js";
export {
  weightedMultipleResponseCrosstab,
  type WeightedMultipleResponseCrosstabInput,
  type WeightedMultipleResponseCrosstabResult,
  type WeightedOptionTest,
} from "./weighted-multiple-response-crosstab.js";
export { logLikelihoodKeyness, type Keyness } from "./log-likelihood-keyness.js";
export { groupKeyness, type GroupKeynessInput, type KeynessTest } from "./group-keyness.js";
export { termRespondents, type TermAnswers, type TermCount } from "./term-respondents.js";
export * from "./charts/index.js";
