/** Languages a chart can be written in: Simplified and Traditional Chinese, English. */
export type ChartLang = "zh-Hans" | "zh-Hant" | "en";

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

const zhHans: ChartWords = {
  comma: "，",
  semicolon: "；",
  colon: "：",
  open: "（",
  close: "）",
  base: "有效样本",
  missing: "缺失",
  weightedBase: "加权后",
  filter: "筛选",
  noFilter: "无（全部受访者）",
  weighting: "加权",
  unweighted: "未加权",
  poststratified: "事后分层加权",
  raked: "多变量迭代加权（raking）",
  test: "检验",
  noTest: "无法检验（有效类别不足两个）",
  errorBars: (level, method) => `误差线为 ${pct(level)} 置信区间（${method}）`,
  designBased: "基于抽样设计的 Wald 区间",
  multipleBase: "多选题：百分比以作答人数为基数，合计可超过 100%",
  percentOfRespondents: "占受访者百分比",
  percentOfGroup: "占本组受访者百分比",
  count: "频数",
  mean: "均值",
  median: "中位数",
  sd: "标准差",
  overall: "总体",
  residual: "调整残差",
  residualNote: (critical, alpha) => `* 表示 |调整残差| > ${critical}（p < ${alpha}），红色为多于期望、蓝色为少于期望`,
  perOptionTests: (k, total, test, method) => `逐项 ${test} 检验（${method} 校正）：${total} 项中 ${k} 项 p < .05（标 *）`,
  ratio: "比率",
  symlog: "横轴为对数刻度（含 0）",
  openBinNote: (from) => `最后一组为 ${from} 及以上`,
  summary: (mean, median, sd) => `均值 ${mean}，中位数 ${median}，标准差 ${sd}`,
  smallExpected: (cells, share) => `期望频数小于 5 的单元格 ${cells} 个（${share}）`,
  boxNote: "箱体为四分位距，竖线为中位数，橙色 ◆ 为均值，须线为最小值至最大值",
  openBin: "及以上",
  intervalNote: (level) => `横线为 ${pct(level)} 置信区间`,
  noData: "无数据",
  other: "其他",
};

const zhHant: ChartWords = {
  ...zhHans,
  base: "有效樣本",
  weightedBase: "加權後",
  filter: "篩選",
  noFilter: "無（全部受訪者）",
  weighting: "加權",
  unweighted: "未加權",
  poststratified: "事後分層加權",
  raked: "多變量迭代加權（raking）",
  test: "檢驗",
  noTest: "無法檢驗（有效類別不足兩個）",
  errorBars: (level, method) => `誤差線為 ${pct(level)} 信賴區間（${method}）`,
  designBased: "基於抽樣設計的 Wald 區間",
  multipleBase: "複選題：百分比以作答人數為基數，合計可超過 100%",
  percentOfRespondents: "佔受訪者百分比",
  percentOfGroup: "佔本組受訪者百分比",
  count: "頻數",
  mean: "平均數",
  median: "中位數",
  sd: "標準差",
  overall: "總體",
  residual: "調整殘差",
  residualNote: (critical, alpha) => `* 表示 |調整殘差| > ${critical}（p < ${alpha}），紅色為多於期望、藍色為少於期望`,
  perOptionTests: (k, total, test, method) => `逐項 ${test} 檢驗（${method} 校正）：${total} 項中 ${k} 項 p < .05（標 *）`,
  ratio: "比率",
  symlog: "橫軸為對數刻度（含 0）",
  openBinNote: (from) => `最後一組為 ${from} 及以上`,
  summary: (mean, median, sd) => `平均數 ${mean}，中位數 ${median}，標準差 ${sd}`,
  smallExpected: (cells, share) => `期望頻數小於 5 的儲存格 ${cells} 個（${share}）`,
  boxNote: "箱體為四分位距，豎線為中位數，橙色 ◆ 為平均數，鬚線為最小值至最大值",
  openBin: "及以上",
  intervalNote: (level) => `橫線為 ${pct(level)} 信賴區間`,
  noData: "無資料",
  other: "其他",
};

const en: ChartWords = {
  comma: ", ",
  semicolon: "; ",
  colon: ": ",
  open: " (",
  close: ")",
  base: "Base",
  missing: "missing",
  weightedBase: "weighted",
  filter: "Filter",
  noFilter: "none (all respondents)",
  weighting: "Weighting",
  unweighted: "unweighted",
  poststratified: "post-stratified",
  raked: "raked",
  test: "Test",
  noTest: "not testable (fewer than two categories with answers)",
  errorBars: (level, method) => `Error bars: ${pct(level)} confidence interval (${method})`,
  designBased: "design-based Wald",
  multipleBase: "Multi-select: percentages of respondents who answered; they can add up to more than 100%",
  percentOfRespondents: "Percent of respondents",
  percentOfGroup: "Percent of the group's respondents",
  count: "Count",
  mean: "mean",
  median: "median",
  sd: "SD",
  overall: "Overall",
  residual: "Adjusted residual",
  residualNote: (critical, alpha) =>
    `* |adjusted residual| > ${critical} (p < ${alpha}); red: more than expected, blue: fewer than expected`,
  perOptionTests: (k, total, test, method) => `${test} test per option (${method}-adjusted): ${k} of ${total} with p < .05 (marked *)`,
  ratio: "Ratio",
  symlog: "Horizontal axis: log scale (0 included)",
  openBinNote: (from) => `Last bin: ${from} or more`,
  summary: (mean, median, sd) => `mean ${mean}, median ${median}, SD ${sd}`,
  smallExpected: (cells, share) => `${cells} cells (${share}) with expected count below 5`,
  boxNote: "Box: interquartile range; line: median; orange ◆: mean; whiskers: minimum to maximum",
  openBin: " or more",
  intervalNote: (level) => `Lines: ${pct(level)} confidence interval`,
  noData: "No data",
  other: "Other",
};

const WORDS: Record<ChartLang, ChartWords> = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };

/**
 * The words of a chart in one language.
 *
 * @param lang "zh-Hans", "zh-Hant" or "en"
 * @returns the word table
 * @throws {Error} on an unknown language
 * @example
 * chartWords("zh-Hant").weighting; // => "加權"
 */
export function chartWords(lang: ChartLang): ChartWords {
  const words = WORDS[lang];
  if (!words) throw new Error(`chartWords: unknown language ${String(lang)}`);
  return words;
}

function pct(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}
