import type { ChartLang } from "../../analysis/charts/index.js";

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

const zhHans: TableWords = {
  category: "选项",
  count: "频数",
  weightedCount: "加权频数",
  percent: "百分比",
  percentOfResponses: "响应百分比",
  lower: (l) => `${pct(l)} 置信区间下限`,
  upper: (l) => `${pct(l)} 置信区间上限`,
  total: "合计",
  missing: "缺失",
  columnPercent: "列百分比",
  group: "组别",
  n: "样本量",
  numerator: "分子合计",
  denominator: "分母合计",
  ratio: "比率",
  se: "标准误",
  mean: "均值",
  sd: "标准差",
  min: "最小值",
  q1: "下四分位数",
  median: "中位数",
  q3: "上四分位数",
  max: "最大值",
  residual: "调整残差",
  note: "注",
  neutralised: "以 = + - @ 或制表符、回车开头的文本单元格已在前面加单引号（'），以防电子表格将其当作公式执行",
};

const zhHant: TableWords = {
  ...zhHans,
  category: "選項",
  count: "頻數",
  weightedCount: "加權頻數",
  percentOfResponses: "回應百分比",
  lower: (l) => `${pct(l)} 信賴區間下限`,
  upper: (l) => `${pct(l)} 信賴區間上限`,
  total: "合計",
  columnPercent: "欄百分比",
  group: "組別",
  n: "樣本數",
  numerator: "分子合計",
  denominator: "分母合計",
  se: "標準誤",
  mean: "平均數",
  sd: "標準差",
  min: "最小值",
  q1: "下四分位數",
  q3: "上四分位數",
  max: "最大值",
  residual: "調整殘差",
  note: "註",
  neutralised: "以 = + - @ 或定位字元、換行開頭的文字儲存格已在前面加單引號（'），以防試算表將其當作公式執行",
};

const en: TableWords = {
  category: "Category",
  count: "Count",
  weightedCount: "Weighted count",
  percent: "Percent",
  percentOfResponses: "Percent of responses",
  lower: (l) => `${pct(l)} CI lower`,
  upper: (l) => `${pct(l)} CI upper`,
  total: "Total",
  missing: "Missing",
  columnPercent: "Column %",
  group: "Group",
  n: "n",
  numerator: "Numerator total",
  denominator: "Denominator total",
  ratio: "Ratio",
  se: "Standard error",
  mean: "Mean",
  sd: "SD",
  min: "Minimum",
  q1: "Lower quartile",
  median: "Median",
  q3: "Upper quartile",
  max: "Maximum",
  residual: "Adjusted residual",
  note: "Note",
  neutralised: "Text cells starting with = + - @, a tab or a carriage return are prefixed with a single quote (') so that spreadsheets do not run them as formulas",
};

/**
 * The header words of result tables in one language.
 *
 * @param lang "zh-Hans", "zh-Hant" or "en"
 * @returns the words
 */
export function tableWords(lang: ChartLang): TableWords {
  return { "zh-Hans": zhHans, "zh-Hant": zhHant, en }[lang];
}

function pct(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}
