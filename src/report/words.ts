import type { Language } from "../services/analysis/requests.js";

/** Every word the presentation layer and the report print around the charts, per language. */
export interface ReportWords {
  /** One filter: the question's text and the kept answers. */
  filterItem: (question: string, answers: string[]) => string;
  /** Between filters (all must hold). */
  filterJoin: string;
  partialIncluded: string;
  poststratified: (question: string, population: string) => string;
  raked: (questions: string[]) => string;
  populationItem: (label: string, count: number) => string;
  listJoin: string;
  /** A label and what follows ("：" or ": "), the end of a sentence, the gap after a figure number. */
  colon: string;
  stop: string;
  gap: string;
  source: (survey: string, versions: number[]) => string;
  /** The question's wording, when the chart has a title of its own. */
  wording: (question: string) => string;
  overall: string;
  figure: (n: number) => string;
  table: (n: number) => string;
  contents: string;
  methods: string;
  generated: (date: string) => string;
  files: string;
  note: string;
  sampleHeading: string;
  sample: (survey: string, name: string, versions: number[], complete: number) => string;
  partialLeftOut: (partial: number) => string;
  partialUsed: (partial: number) => string;
  basesHeading: string;
  basesIntro: string;
  weightsHeading: string;
  poststratifyMethod: string;
  rakeMethod: string;
  weightCells: { cell: string; sample: string; population: string; weight: string };
  excludedFromWeighting: (rows: number) => string;
  testsHeading: string;
  tests: Record<TestName, string>;
  software: string;
  subscriptNote: string;
  summary: (complete: number, figures: number) => string;
}

/** Statistical methods a report can have used; the methods section names those that were. */
export type TestName =
  | "wilson"
  | "clopperPearson"
  | "agrestiCoull"
  | "designWald"
  | "multipleBase"
  | "pearson"
  | "fisher"
  | "smallExpected"
  | "columnProportions"
  | "residuals"
  | "perOption"
  | "perOptionWeighted"
  | "raoScott"
  | "ratio"
  | "quartiles"
  | "histogram"
  | "apa";

const zhHans: ReportWords = {
  filterItem: (q, answers) => `${q}：${answers.join("、")}`,
  filterJoin: "，",
  partialIncluded: "含未完成问卷",
  poststratified: (q, population) => `按“${q}”事后分层（总体：${population}）`,
  raked: (qs) => `按${qs.map((q) => `“${q}”`).join("、")}多变量迭代（raking）`,
  populationItem: (label, count) => `${label} ${count}`,
  listJoin: "、",
  colon: "：",
  stop: "。",
  gap: "　",
  source: (survey, versions) => `数据来源：《${survey}》问卷第 ${versions.join("、")} 版`,
  wording: (q) => `题目：${q}`,
  overall: "总体",
  figure: (n) => `图 ${n}`,
  table: (n) => `表 ${n}`,
  contents: "目录",
  methods: "研究方法与数据说明",
  generated: (date) => `本报告由党建调研平台根据问卷数据自动生成（${date}）。`,
  files: "图表文件",
  note: "说明",
  sampleHeading: "样本",
  sample: (survey, name, versions, complete) =>
    `本报告分析问卷《${survey}》（${name}，第 ${versions.join("、")} 版）已完成的 ${complete} 份问卷。`,
  partialLeftOut: (partial) => `另有 ${partial} 份未完成的问卷未纳入分析。`,
  partialUsed: (partial) => `部分分析按要求纳入了 ${partial} 份未完成的问卷。`,
  basesHeading: "各图表的分析基数",
  basesIntro: "百分比的基数为回答了该题的受访者；未作答者计为缺失，因跳转逻辑未被问到的受访者不计入基数。",
  weightsHeading: "加权",
  poststratifyMethod:
    "事后分层（post-stratification）：每个分层单元的权重 = 总体数 ÷ 样本数，使加权后样本的构成与已知总体一致；加权估计的标准误按抽样设计（考虑事后分层）计算。",
  rakeMethod: "多变量迭代加权（raking）：反复按各变量的总体边际调整权重直至收敛；标准误按抽样设计计算。",
  weightCells: { cell: "分层单元", sample: "样本数", population: "总体数", weight: "权重" },
  excludedFromWeighting: (rows) => `${rows} 名受访者未回答加权变量，未纳入加权分析。`,
  testsHeading: "统计检验与区间估计",
  tests: {
    wilson: "频数表中百分比的 95% 置信区间采用 Wilson 得分区间。",
    clopperPearson: "部分百分比的置信区间采用 Clopper–Pearson 精确区间。",
    agrestiCoull: "部分百分比的置信区间采用 Agresti–Coull 区间。",
    designWald: "加权百分比的置信区间为基于抽样设计的 Wald 区间（估计值 ± z × 标准误）。",
    multipleBase: "多选题的百分比以作答人数为基数（个案百分比），各选项合计可超过 100%。",
    pearson: "两个单选题的交叉表采用 Pearson χ² 独立性检验，同时给出似然比（G²）检验和效应量 Cramér's V。",
    fisher: "2×2 交叉表另报告 Fisher 精确检验。",
    smallExpected: "期望频数小于 5 的单元格较多时，χ² 检验的近似可能不够准确，图注中会注明其数量。",
    columnProportions:
      "交叉表中列百分比后的下标字母来自列比例两两 z 检验（Bonferroni 校正，α = .05）：同一行中没有共同字母的两列差异显著。",
    residuals: "热图中的调整残差（Haberman）绝对值大于 1.96 表示该单元格的频数显著偏离独立假设下的期望值（p < .05）。",
    perOption:
      "多选题与分组变量的交叉表不做整体 χ² 检验（同一受访者可出现在多行），而是对每个选项做“选中 / 未选中 × 分组”的 Pearson χ² 检验，并用 Holm 方法校正多重比较；差异显著的选项在图中标 *。",
    perOptionWeighted: "加权的多选题交叉表对每个选项做 Rao–Scott 校正检验，并用 Holm 方法校正多重比较。",
    raoScott:
      "加权交叉表不对加权频数直接做 χ² 检验，而采用 Rao–Scott 二阶校正的 F 检验（与 R survey 包的 svychisq 一致）。",
    ratio:
      "比率（如党员数 ÷ 从业人员数）为总量之比 Σy ÷ Σx，而不是各组织比例的平均数；标准误用线性化（泰勒展开）方法计算，置信区间为正态近似区间。",
    quartiles: "四分位数采用第 7 类定义（与 R 的默认定义及 PostgreSQL 的 percentile_cont 一致）。",
    histogram: "直方图的组距按 Freedman–Diaconis 规则选取，远离主体的极端值归入最后一个开口组。",
    apa: "p 值按 APA 格式报告（p < .001 表示小于千分之一）。",
  },
  software: "全部统计量在数据库中汇总后由平台的分析库计算，其公式已与 R survey 包和 SciPy 的结果核对。",
  subscriptNote: "列百分比后的下标字母：同一行中没有共同字母的两列差异显著（列比例 z 检验，Bonferroni 校正）。",
  summary: (complete, figures) => `${complete} 份已完成问卷 · ${figures} 幅图表`,
};

const zhHant: ReportWords = {
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

const en: ReportWords = {
  filterItem: (q, answers) => `${q}: ${answers.join(", ")}`,
  filterJoin: " and ",
  partialIncluded: "partial responses included",
  poststratified: (q, population) => `post-stratified by “${q}” (population: ${population})`,
  raked: (qs) => `raked to the margins of ${qs.map((q) => `“${q}”`).join(", ")}`,
  populationItem: (label, count) => `${label} ${count.toLocaleString("en-US")}`,
  listJoin: ", ",
  colon: ": ",
  stop: ".",
  gap: " ",
  source: (survey, versions) => `Source: questionnaire “${survey}”, version ${versions.join(", ")}`,
  wording: (q) => `Question: ${q}`,
  overall: "Overall",
  figure: (n) => `Figure ${n}`,
  table: (n) => `Table ${n}`,
  contents: "Contents",
  methods: "Methods and data",
  generated: (date) => `Generated from the survey data by the party-building survey platform (${date}).`,
  files: "Chart files",
  note: "Note",
  sampleHeading: "Sample",
  sample: (survey, name, versions, complete) =>
    `This report analyses the ${complete.toLocaleString("en-US")} completed questionnaires of “${survey}” (${name}, version ${versions.join(", ")}).`,
  partialLeftOut: (partial) => `${partial.toLocaleString("en-US")} unfinished questionnaires are left out.`,
  partialUsed: (partial) => `Some analyses include ${partial.toLocaleString("en-US")} unfinished questionnaires, as asked.`,
  basesHeading: "Bases of the figures",
  basesIntro:
    "Percentages are of the respondents who answered the question; those who left it blank are counted as missing, those never asked it (skip logic) are not in the base.",
  weightsHeading: "Weighting",
  poststratifyMethod:
    "Post-stratification: each cell's weight is its population count divided by its sample count, so that the weighted sample has the known population's composition; standard errors are design-based and account for the post-stratification.",
  rakeMethod: "Raking: weights are adjusted to each variable's population margin in turn until they converge; standard errors are design-based.",
  weightCells: { cell: "Cell", sample: "Sample", population: "Population", weight: "Weight" },
  excludedFromWeighting: (rows) => `${rows} respondents without an answer to the weighting question are left out of the weighted analysis.`,
  testsHeading: "Tests and intervals",
  tests: {
    wilson: "95% confidence intervals of percentages in frequency tables are Wilson score intervals.",
    clopperPearson: "Some intervals are Clopper–Pearson exact intervals.",
    agrestiCoull: "Some intervals are Agresti–Coull intervals.",
    designWald: "Intervals of weighted percentages are design-based Wald intervals (estimate ± z × standard error).",
    multipleBase: "Percentages of multi-select questions are of respondents (cases) and can add up to more than 100%.",
    pearson: "Cross-tabs of two single-choice questions are tested with Pearson's χ² test of independence, with the likelihood-ratio (G²) test and Cramér's V as effect size.",
    fisher: "2×2 tables also report Fisher's exact test.",
    smallExpected: "Where many cells have an expected count below 5 the χ² approximation may be poor; the caption states how many.",
    columnProportions:
      "Subscript letters after column percentages come from pairwise z-tests of column proportions (Bonferroni-adjusted, α = .05): two columns of a row that share no letter differ significantly.",
    residuals:
      "In the heat map, an adjusted (Haberman) residual beyond ±1.96 marks a cell whose count differs significantly from what independence predicts (p < .05).",
    perOption:
      "A multi-select question by a grouping question gets no overall χ² (one respondent can sit in several rows); each option is tested as ticked / not ticked × group with Pearson's χ², Holm-adjusted for multiple comparisons; significant options are marked * in the chart.",
    perOptionWeighted: "Weighted multi-select cross-tabs test each option with the Rao–Scott correction, Holm-adjusted.",
    raoScott:
      "Weighted cross-tabs are never tested with a plain χ² on weighted counts: they use the Rao–Scott second-order corrected F test (as svychisq in R's survey package).",
    ratio:
      "Ratios (such as party members ÷ staff) are ratios of totals Σy ÷ Σx, not averages of each organisation's ratio; standard errors by linearization (Taylor series), intervals by the normal approximation.",
    quartiles: "Quartiles follow definition 7 (R's default, PostgreSQL's percentile_cont).",
    histogram: "Histogram bin widths follow the Freedman–Diaconis rule; far outliers go to one open last bin.",
    apa: "p-values are reported in APA style.",
  },
  software:
    "All statistics are aggregated in the database and computed by the platform's analysis library, whose formulas are checked against R's survey package and SciPy.",
  subscriptNote:
    "Subscript letters after column percentages: two columns of a row that share no letter differ significantly (z-test of column proportions, Bonferroni-adjusted).",
  summary: (complete, figures) => `${complete.toLocaleString("en-US")} completed questionnaires · ${figures} figures`,
};

const WORDS: Record<Language, ReportWords> = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };

/**
 * The report's words in one language.
 *
 * @param lang "zh-Hans", "zh-Hant" or "en"
 * @returns the word table
 */
export function reportWords(lang: Language): ReportWords {
  return WORDS[lang];
}
