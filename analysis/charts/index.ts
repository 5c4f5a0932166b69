export { chartWords, type ChartLang, type ChartWords } from "./locale.js";
export type { Language } from "../../i18n/language.js";
export { formatP, formatStatistic, formatPercent, formatNumber, formatChiSquaredTest, formatRaoScottTest } from "./format.js";
export { textWidthEm, charWidthEm, wrapText, truncateText } from "./wrap-text.js";
export {
  BUNDLED_FONT_FAMILY,
  chartFontFamily,
  chartConfig,
  DEFAULT_CHART_WIDTH,
  CATEGORY_COLORS,
  BAR_COLOR,
  orderedColors,
  textColorOn,
} from "./theme.js";
export { chartCaption, weightingText, type CaptionInput, type ChartCaption } from "./caption.js";
export { type ChartMeta, displayText, percentTicks } from "./frame.js";
export {
  frequencyChart,
  sortCategories,
  DEFAULT_KEEP_LAST,
  type FrequencyChartOptions,
  type FrequencyDatum,
} from "./frequency-chart.js";
export { frequencyCaption } from "./frequency-caption.js";
export { crosstabCaption, crosstabView, type AnyCrosstabResult, type CrosstabView } from "./crosstab-view.js";
export { crosstabBars, type CrosstabBarsOptions, type CrosstabBarDatum } from "./crosstab-bars.js";
export { crosstabStackedBars, type CrosstabStackedOptions, type StackedSegmentDatum } from "./crosstab-stacked.js";
export { residualHeatmap, type ResidualHeatmapOptions, type ResidualCellDatum } from "./residual-heatmap.js";
export { ratioChart, type RatioChartOptions, type RatioDatum } from "./ratio-chart.js";
export {
  histogramChart,
  histogramEdges,
  binCounts,
  type HistogramBin,
  type HistogramEdges,
  type HistogramEdgesOptions,
  type HistogramChartOptions,
} from "./histogram.js";
export { boxPlotChart, type BoxPlotOptions, type BoxDatum } from "./box-plot.js";
export { keywordBars, type KeywordChartText, type KeywordDatum } from "./keyword-bars.js";
export { layoutWordCloud, wordCloud, type CloudWord } from "./word-cloud.js";
