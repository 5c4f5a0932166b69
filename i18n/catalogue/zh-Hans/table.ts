/** Header words of the result tables. */
import type { TableWords } from "../sections/table.js";

export const table: TableWords = {
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

function pct(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}
