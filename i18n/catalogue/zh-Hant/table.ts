/** Header words of the result tables. */
import type { TableWords } from "../sections/table.js";
import { table as zhHans } from "../zh-Hans/table.js";

export const table: TableWords = {
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

function pct(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}
