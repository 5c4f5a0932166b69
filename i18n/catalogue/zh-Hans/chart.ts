/** Words of charts and their captions. */
import type { ChartWords } from "../sections/chart.js";

export const chart: ChartWords = {
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

function pct(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}
