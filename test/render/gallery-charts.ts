import { readFileSync } from "node:fs";
import type { TopLevelSpec } from "vega-lite";
import {
  crosstab,
  frequencies,
  multipleResponseCrosstab,
  numericSummary,
  numericSummaryByGroup,
  postStratify,
  ratioOfTotals,
  weightedCrosstab,
  weightedFrequencies,
} from "../../analysis/index.js";
import {
  binCounts,
  boxPlotChart,
  crosstabBars,
  crosstabStackedBars,
  frequencyChart,
  histogramChart,
  histogramEdges,
  ratioChart,
  residualHeatmap,
  type ChartLang,
} from "../../analysis/charts/index.js";
import { generateDemoResponses } from "../../src/demo/index.js";

type Answer = string | number | string[];
interface Choice {
  value: string;
  text: Record<string, string>;
}
interface Question {
  name: string;
  title: Record<string, string>;
  choices?: Choice[];
}

const SURVEY = JSON.parse(readFileSync(new URL("../../surveys/dangjian-innovation-2023.json", import.meta.url), "utf8"));
const QUESTIONS = new Map<string, Question>((SURVEY.pages as { elements: Question[] }[]).flatMap((p) => p.elements).map((q) => [q.name, q]));
const SURVEYJS_LOCALE: Record<ChartLang, string> = { "zh-Hans": "default", "zh-Hant": "zh-tw", en: "en" };

/** A question's text in a language. */
export function questionText(name: string, lang: ChartLang): string {
  const q = QUESTIONS.get(name)!;
  return q.title[SURVEYJS_LOCALE[lang]] ?? q.title.default;
}
/** A question's choice values and their display texts. */
export function choices(name: string, lang: ChartLang): { values: string[]; labels: Record<string, string> } {
  const list = QUESTIONS.get(name)!.choices ?? [];
  return {
    values: list.map((c) => c.value),
    labels: Object.fromEntries(list.map((c) => [c.value, c.text[SURVEYJS_LOCALE[lang]] ?? c.text.default])),
  };
}

let responses: Record<string, Answer>[] | undefined;
/** The demo data set: the reference study's 1,812 responses. */
export function demoData(): Record<string, Answer>[] {
  responses ??= generateDemoResponses(SURVEY).map((r) => r.data);
  return responses;
}

/** What `GROUP BY answer` gives for a single or multi-select question. */
export function countAnswers(rows: Record<string, Answer>[], name: string, values: string[]) {
  const counts = values.map(() => 0);
  let valid = 0;
  let missing = 0;
  for (const row of rows) {
    const answer = row[name];
    if (answer === undefined || (Array.isArray(answer) && answer.length === 0)) {
      missing++;
      continue;
    }
    valid++;
    for (const v of Array.isArray(answer) ? answer : [String(answer)]) {
      const k = values.indexOf(v);
      if (k >= 0) counts[k]++;
    }
  }
  return { counts, valid, missing };
}

/** What `GROUP BY row_answer, column_answer` gives (multi-select rows: ticks and column bases). */
export function crossCounts(rows: Record<string, Answer>[], row: string, rowValues: string[], column: string, columnValues: string[]) {
  const counts = rowValues.map(() => columnValues.map(() => 0));
  const bases = columnValues.map(() => 0);
  for (const r of rows) {
    const j = columnValues.indexOf(String(r[column]));
    const answer = r[row];
    if (j < 0 || answer === undefined || (Array.isArray(answer) && answer.length === 0)) continue;
    bases[j]++;
    for (const v of Array.isArray(answer) ? answer : [String(answer)]) {
      const i = rowValues.indexOf(v);
      if (i >= 0) counts[i][j]++;
    }
  }
  return { counts, bases };
}

/** Every chart kind, named for its file. */
export function galleryCharts(): [string, TopLevelSpec][] {
  const rows = demoData();
  const charts: [string, TopLevelSpec][] = [];
  const problems = choices("main_problems", "zh-Hans");
  const values = [...problems.values, "other"];
  const mp = countAnswers(rows, "main_problems", values);
  charts.push([
    "frequency-multi-zh-Hans",
    frequencyChart(frequencies({ labels: values, counts: mp.counts, multiple: true, valid: mp.valid, missing: mp.missing }), {
      lang: "zh-Hans",
      title: questionText("main_problems", "zh-Hans"),
      labels: problems.labels,
    }),
  ]);
  const md = choices("multi_dept", "zh-Hant");
  const mdc = countAnswers(rows, "multi_dept", md.values);
  charts.push([
    "frequency-single-zh-Hant",
    frequencyChart(frequencies({ labels: md.values, counts: mdc.counts, missing: mdc.missing }), {
      lang: "zh-Hant",
      title: questionText("multi_dept", "zh-Hant"),
      labels: md.labels,
    }),
  ]);
  const levels = choices("level", "zh-Hans");
  const shortLevels = { 市: "市级", "区(县)": "区(县)级", "街道(乡镇)": "街道(乡镇)", "社区(村)": "社区(村)", 社会组织: "社会组织" };
  const byLevel = crossCounts(rows, "main_problems", values, "level", levels.values);
  charts.push([
    "crosstab-bars-multi-zh-Hans",
    crosstabBars(multipleResponseCrosstab({ optionLabels: values, columnLabels: levels.values, selected: byLevel.counts, bases: byLevel.bases }), {
      lang: "zh-Hans",
      title: questionText("main_problems", "zh-Hans"),
      labels: problems.labels,
      columnTitle: "层级",
      columnLabels: shortLevels,
    }),
  ]);
  const mdHans = choices("multi_dept", "zh-Hans");
  const mdByLevel = crossCounts(rows, "multi_dept", mdHans.values, "level", levels.values);
  const mdTable = crosstab({ rowLabels: mdHans.values, columnLabels: levels.values, counts: mdByLevel.counts });
  charts.push([
    "crosstab-bars-single-zh-Hans",
    crosstabBars(mdTable, { lang: "zh-Hans", title: questionText("multi_dept", "zh-Hans"), labels: mdHans.labels, columnTitle: "层级", columnLabels: shortLevels }),
  ]);
  charts.push([
    "crosstab-stacked-zh-Hans",
    crosstabStackedBars(mdTable, { lang: "zh-Hans", title: questionText("multi_dept", "zh-Hans"), labels: mdHans.labels, columnTitle: "层级", columnLabels: shortLevels }),
  ]);
  charts.push([
    "residual-heatmap-zh-Hans",
    residualHeatmap(mdTable, { lang: "zh-Hans", title: questionText("multi_dept", "zh-Hans"), labels: mdHans.labels, columnTitle: "层级", columnLabels: shortLevels }),
  ]);
  const meetingEn = choices("meeting_freq", "en");
  const typesEn = choices("org_type", "en");
  const meetingByType = crossCounts(rows, "meeting_freq", meetingEn.values, "org_type", typesEn.values);
  charts.push([
    "crosstab-stacked-ordered-en",
    crosstabStackedBars(
      crosstab({ rowLabels: meetingEn.values, columnLabels: typesEn.values, counts: meetingByType.counts }),
      { lang: "en", title: questionText("meeting_freq", "en"), labels: meetingEn.labels, columnTitle: "Type", columnLabels: typesEn.labels },
      { ordered: true },
    ),
  ]);
  const types = choices("org_type", "zh-Hans");
  const shortTypes = { ...types.labels, 民办非企业单位: "民办非企业单位", 城乡社区社会组织: "城乡社区社会组织" };
  const groups = types.values.map((t) => {
    const g = { label: t, n: 0, sumWX: 0, sumWY: 0, sumW2X2: 0, sumW2Y2: 0, sumW2XY: 0 };
    for (const r of rows) {
      if (r.org_type !== t || typeof r.staff_count !== "number" || typeof r.member_count !== "number") continue;
      const x = r.staff_count;
      const y = r.member_count;
      g.n++;
      g.sumWX += x;
      g.sumWY += y;
      g.sumW2X2 += x * x;
      g.sumW2Y2 += y * y;
      g.sumW2XY += x * y;
    }
    return g;
  });
  charts.push([
    "ratio-dots-zh-Hans",
    ratioChart(
      ratioOfTotals({ groups }),
      {
        lang: "zh-Hans",
        title: "党员数占从业人员数的比例（按社会组织类型）",
        labels: shortTypes,
        filter: "社会组织受访者",
      },
      { valueTitle: "党员数 / 从业人员数" },
    ),
  ]);
  const staff = rows.filter((r) => typeof r.staff_count === "number").map((r) => r.staff_count as number);
  const orgRows = rows.filter((r) => r.level === "社会组织").length;
  const staffSummary = numericSummary(staff, orgRows - staff.length);
  const edges = histogramEdges(staffSummary, { integer: true });
  charts.push([
    "histogram-zh-Hans",
    histogramChart(
      binCounts(staff, edges),
      staffSummary,
      {
        lang: "zh-Hans",
        title: questionText("staff_count", "zh-Hans"),
        filter: "社会组织受访者",
      },
      { openEnd: edges.openEnd, valueTitle: "从业人员数（人）", countTitle: "组织数（个）" },
    ),
  ]);
  const staffByType = numericSummaryByGroup(
    types.values.map((t) => ({
      label: t,
      data: rows.filter((r) => r.org_type === t && typeof r.staff_count === "number").map((r) => r.staff_count as number),
    })),
  );
  charts.push([
    "box-plot-symlog-zh-Hans",
    boxPlotChart(
      staffByType,
      { lang: "zh-Hans", title: questionText("staff_count", "zh-Hans"), labels: shortTypes, filter: "社会组织受访者" },
      { scale: "symlog", valueTitle: "从业人员数（人）" },
    ),
  ]);
  charts.push([
    "box-plot-linear-en",
    boxPlotChart(
      staffByType,
      { lang: "en", title: questionText("staff_count", "en"), labels: choices("org_type", "en").labels, filter: "social organisations" },
      { valueTitle: "Staff (people)" },
    ),
  ]);
  // Post-stratified to Baoji's registered organisations by type (shared/domain.md).
  const orgs = rows.filter((r) => r.level === "社会组织");
  const baoji = { 社会团体: 793, 民办非企业单位: 750, 基金会: 6, 社会中介组织: 54, 城乡社区社会组织: 5 };
  const typeRows = types.values.map((t) => orgs.filter((r) => r.org_type === t));
  const calibration = postStratify(
    types.values.map((t, g) => ({ key: [t], n: typeRows[g].length })),
    baoji,
  );
  const formsEn = choices("party_org_form", "en");
  charts.push([
    "frequency-weighted-en",
    frequencyChart(weightedFrequencies({ calibration, labels: formsEn.values, counts: typeRows.map((rs) => countAnswers(rs, "party_org_form", formsEn.values).counts) }), {
      lang: "en",
      title: questionText("party_org_form", "en"),
      labels: formsEn.labels,
      filter: "social organisations",
      weighting: "post-stratified to Baoji's registered organisations by type",
    }),
  ]);
  const formsHant = choices("party_org_form", "zh-Hant");
  const cities = choices("city", "zh-Hant");
  charts.push([
    "crosstab-bars-weighted-zh-Hant",
    crosstabBars(
      weightedCrosstab({
        calibration,
        rowLabels: formsHant.values,
        columnLabels: cities.values,
        counts: typeRows.map((rs) => crossCounts(rs, "party_org_form", formsHant.values, "city", cities.values).counts),
      }),
      { lang: "zh-Hant", title: questionText("party_org_form", "zh-Hant"), labels: formsHant.labels, columnTitle: "城市", columnLabels: cities.labels, filter: "社會組織受訪者" },
    ),
  ]);
  return charts;
}
