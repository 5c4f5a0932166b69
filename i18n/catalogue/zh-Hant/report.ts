/** Words of reports: captions around the charts and the methods section. */
import type { ReportWords } from "../sections/report.js";
import { report as zhHans } from "../zh-Hans/report.js";

export const report: ReportWords = {
  ...zhHans,
  filterItem: (q, answers) => `${q}：${answers.join("、")}`,
  partialIncluded: "含未完成問卷",
  poststratified: (q, population) => `按「${q}」事後分層（母體：${population}）`,
  raked: (qs) => `按${qs.map((q) => `「${q}」`).join("、")}多變量迭代（raking）`,
  source: (survey, versions) => `資料來源：《${survey}》問卷第 ${versions.join("、")} 版`,
  wording: (q) => `題目：${q}`,
  overall: "總體",
  figure: (n) => `圖 ${n}`,
  contents: "目錄",
  methods: "研究方法與資料說明",
  generated: (date) => `本報告由黨建調研平台根據問卷資料自動產生（${date}）。`,
  files: "圖表檔案",
  note: "說明",
  sampleHeading: "樣本",
  sample: (survey, name, versions, complete) =>
    `本報告分析問卷《${survey}》（${name}，第 ${versions.join("、")} 版）已完成的 ${complete} 份問卷。`,
  partialLeftOut: (partial) => `另有 ${partial} 份未完成的問卷未納入分析。`,
  partialUsed: (partial) => `部分分析按要求納入了 ${partial} 份未完成的問卷。`,
  basesHeading: "各圖表的分析基數",
  basesIntro: "百分比的基數為回答了該題的受訪者；未作答者計為缺失，因跳題邏輯未被問到的受訪者不計入基數。",
  weightsHeading: "加權",
  poststratifyMethod:
    "事後分層（post-stratification）：每個分層單元的權重 = 母體數 ÷ 樣本數，使加權後樣本的構成與已知母體一致；加權估計的標準誤按抽樣設計（考慮事後分層）計算。",
  rakeMethod: "多變量迭代加權（raking）：反覆按各變量的母體邊際調整權重直至收斂；標準誤按抽樣設計計算。",
  weightCells: { cell: "分層單元", sample: "樣本數", population: "母體數", weight: "權重" },
  excludedFromWeighting: (rows) => `${rows} 名受訪者未回答加權變量，未納入加權分析。`,
  testsHeading: "統計檢定與區間估計",
  tests: {
    wilson: "次數表中百分比的 95% 信賴區間採用 Wilson 分數區間。",
    clopperPearson: "部分百分比的信賴區間採用 Clopper–Pearson 精確區間。",
    agrestiCoull: "部分百分比的信賴區間採用 Agresti–Coull 區間。",
    designWald: "加權百分比的信賴區間為基於抽樣設計的 Wald 區間（估計值 ± z × 標準誤）。",
    multipleBase: "複選題的百分比以作答人數為基數（個案百分比），各選項合計可超過 100%。",
    pearson: "兩個單選題的交叉表採用 Pearson χ² 獨立性檢定，同時給出概似比（G²）檢定和效果量 Cramér's V。",
    fisher: "2×2 交叉表另報告 Fisher 精確檢定。",
    smallExpected: "期望次數小於 5 的儲存格較多時，χ² 檢定的近似可能不夠準確，圖註中會註明其數量。",
    columnProportions:
      "交叉表中欄百分比後的下標字母來自欄比例兩兩 z 檢定（Bonferroni 校正，α = .05）：同一列中沒有共同字母的兩欄差異顯著。",
    residuals: "熱圖中的調整殘差（Haberman）絕對值大於 1.96 表示該儲存格的次數顯著偏離獨立假設下的期望值（p < .05）。",
    perOption:
      "複選題與分組變量的交叉表不做整體 χ² 檢定（同一受訪者可出現在多列），而是對每個選項做「選中 / 未選中 × 分組」的 Pearson χ² 檢定，並用 Holm 方法校正多重比較；差異顯著的選項在圖中標 *。",
    perOptionWeighted: "加權的複選題交叉表對每個選項做 Rao–Scott 校正檢定，並用 Holm 方法校正多重比較。",
    raoScott: "加權交叉表不對加權次數直接做 χ² 檢定，而採用 Rao–Scott 二階校正的 F 檢定（與 R survey 套件的 svychisq 一致）。",
    ratio:
      "比率（如黨員數 ÷ 從業人員數）為總量之比 Σy ÷ Σx，而不是各組織比例的平均數；標準誤用線性化（泰勒展開）方法計算，信賴區間為常態近似區間。",
    quartiles: "四分位數採用第 7 類定義（與 R 的預設定義及 PostgreSQL 的 percentile_cont 一致）。",
    histogram: "直方圖的組距按 Freedman–Diaconis 規則選取，遠離主體的極端值歸入最後一個開口組。",
    apa: "p 值按 APA 格式報告（p < .001 表示小於千分之一）。",
  },
  software: "全部統計量在資料庫中彙總後由平台的分析庫計算，其公式已與 R survey 套件和 SciPy 的結果核對。",
  subscriptNote: "欄百分比後的下標字母：同一列中沒有共同字母的兩欄差異顯著（欄比例 z 檢定，Bonferroni 校正）。",
  summary: (complete, figures) => `${complete} 份已完成問卷 · ${figures} 幅圖表`,
};
