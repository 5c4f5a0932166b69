/** Words of charts and their captions. */
import type { ChartWords } from "../sections/chart.js";
import { chart as zhHans } from "../zh-Hans/chart.js";

export const chart: ChartWords = {
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

function pct(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}
