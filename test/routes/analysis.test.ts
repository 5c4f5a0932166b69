import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crosstab, multipleResponseCrosstab, numericSummary, postStratify, ratioOfTotals, weightedCrosstab } from "../../analysis/index.js";
import { publishSurvey } from "../../src/services/surveys.js";
import referenceJson from "../../surveys/dangjian-innovation-2023.json" with { type: "json" };
import { BAOJI, DEMO_TIMEOUT, near, openAnalysisDatabase, rawAnswers, REFERENCE, submitAll } from "../services/analysis/setup.js";

let env: Awaited<ReturnType<typeof openAnalysisDatabase>>;
let rows: Record<string, any>[];

const LEVELS = ["市", "区(县)", "街道(乡镇)", "社区(村)", "社会组织"];
const TYPES = Object.keys(BAOJI);
const FORMS = ["单独建立", "联合建立", "挂靠依托", "未建立"];
const HUB = ["是", "否", "不清楚", "本身是枢纽型组织"];
const PROBLEMS = [
  "管理体制不顺畅",
  "创新动力不足",
  "有效覆盖不高",
  "顶层设计不到位",
  "党员数量少、流动性大",
  "党组织不稳定",
  "党组织作用发挥不明显",
  "党建与业务脱节",
  "经费和场地保障不足",
  "other",
];
const socialOrgs = { question: "level", in: ["社会组织"] };

beforeAll(async () => {
  env = await openAnalysisDatabase({ demo: true });
  rows = (await rawAnswers(env.db, REFERENCE)).map((r) => r.data as Record<string, any>);
}, DEMO_TIMEOUT);
afterAll(async () => env?.database.close());

const expectNear = (actual: number, expected: number) => expect(near(actual, expected), `${actual} ≈ ${expected}`).toBe(true);

describe("cross-tabs", () => {
  it("main_problems by level: percent of respondents per level and one χ² per option, as the library gives from counts made here", async () => {
    const res = await env.post(REFERENCE, "crosstab", { row: "main_problems", column: "level" });
    expect(res.status).toBe(200);
    const selected = PROBLEMS.map(() => LEVELS.map(() => 0));
    const bases = LEVELS.map(() => 0);
    for (const r of rows) {
      const j = LEVELS.indexOf(r.level);
      bases[j]++;
      for (const p of r.main_problems) selected[PROBLEMS.indexOf(p)][j]++;
    }
    const expected = multipleResponseCrosstab({ optionLabels: PROBLEMS, columnLabels: LEVELS, selected, bases });
    const r = res.body;
    expect(r.multipleResponse).toBe(true);
    expect(r.counts).toEqual(selected);
    expect(r.bases).toEqual(bases);
    expect(r.columnPercent).toEqual(expected.columnPercent);
    expect(r.tests.map((t: any) => t.pearson.p)).toEqual(expected.tests.map((t) => t.pearson!.p));
    expect(r.tests.map((t: any) => t.pHolm)).toEqual(expected.tests.map((t) => t.pHolm));
    expect(r.rowCategories.map((c: any) => c.value)).toEqual(PROBLEMS);
    expect(r.columnLabels).toEqual(["市级党建工作部门", "区(县)级党建工作部门", "街道(乡镇)", "社区(村)", "社会组织"]);
    expect(r.note).toContain("no overall chi-square");
  });

  it("one option of a multi-select question (管理体制不顺畅 ticked or not) by level gets the full two-way table and tests", async () => {
    const res = await env.post(REFERENCE, "crosstab", { row: "main_problems", rowOption: "管理体制不顺畅", column: "level" });
    expect(res.status).toBe(200);
    const counts = [LEVELS.map(() => 0), LEVELS.map(() => 0)];
    for (const r of rows) counts[r.main_problems.includes("管理体制不顺畅") ? 0 : 1][LEVELS.indexOf(r.level)]++;
    const expected = crosstab({ rowLabels: ["ticked", "not"], columnLabels: LEVELS, counts });
    const r = res.body;
    expect(r.counts).toEqual(counts);
    expect(r.rowTotals).toEqual([946, 866]);
    expect(r.expected).toEqual(expected.expected);
    expect(r.adjustedResiduals).toEqual(expected.adjustedResiduals);
    expect(r.tests.pearson).toEqual(expected.tests!.pearson);
    expect(r.tests.likelihoodRatio).toEqual(expected.tests!.likelihoodRatio);
    expect(r.tests.cramersV).toBe(expected.tests!.cramersV);
    expect(r.tests.pearson.df).toBe(4);
    expect(r.rowLabels).toEqual(["管理体制不够顺畅", "未选择"]);
    expect(r.rowOption).toBe("管理体制不顺畅");
  });

  it("two single-choice questions: a 2×2 table carries Fisher's exact test", async () => {
    const res = await env.post(REFERENCE, "crosstab", {
      row: "city",
      column: "instructor",
      filter: [socialOrgs, { question: "instructor", in: ["是", "否"] }],
    });
    expect(res.status).toBe(200);
    const counts = [
      [0, 0],
      [0, 0],
    ];
    for (const r of rows) {
      if (r.level !== "社会组织" || !["是", "否"].includes(r.instructor)) continue;
      counts[r.city === "北京" ? 0 : 1][r.instructor === "是" ? 0 : 1]++;
    }
    // The unused third column (不清楚) is reported as dropped, not tested.
    expect(res.body.counts.map((row: number[]) => row.slice(0, 2))).toEqual(counts);
    expect(res.body.droppedColumns).toEqual(["不清楚"]);
    const expected = crosstab({ rowLabels: ["北京", "南京"], columnLabels: ["是", "否"], counts });
    expect(res.body.tests.fisher.p).toBe(expected.tests!.fisher!.p);
    expect(res.body.tests.pearson.df).toBe(1);
  });

  it("weighted to the Baoji organisation-type counts among social organisations: weighted table and a Rao–Scott test", async () => {
    const body = { row: "party_org_form", column: "hub", filter: socialOrgs, weight: { poststratify: { question: "org_type", population: BAOJI } } };
    const res = await env.post(REFERENCE, "crosstab", body);
    expect(res.status).toBe(200);
    const cellN = TYPES.map(() => 0);
    const counts = TYPES.map(() => FORMS.map(() => HUB.map(() => 0)));
    for (const r of rows) {
      if (r.level !== "社会组织") continue;
      const g = TYPES.indexOf(r.org_type);
      cellN[g]++;
      counts[g][FORMS.indexOf(r.party_org_form)][HUB.indexOf(r.hub)]++;
    }
    const calibration = postStratify(
      TYPES.map((t, g) => ({ key: [t], n: cellN[g] })),
      BAOJI,
    );
    const expected = weightedCrosstab({ calibration, rowLabels: FORMS, columnLabels: HUB, counts });
    const r = res.body;
    expect(r.weighted).toBe(true);
    expect(r.weightedN).toBeCloseTo(1608, 9);
    expect(r.counts).toEqual(expected.counts);
    for (const key of ["chisq", "p", "F", "ndf", "ddf", "pF"] as const) expectNear(r.tests.raoScott[key], expected.tests!.raoScott[key]);
    r.weightedCounts.flat().forEach((v: number, i: number) => expectNear(v, expected.weightedCounts.flat()[i]));
    expect(r.tests.pearson).toBeUndefined();
    expect(r.weight.kind).toBe("poststratify");
    expect(r.weight.cells.map((c: any) => c.key[0])).toEqual(TYPES);
    expect(r.weight.cells.reduce((s: number, c: any) => s + c.n * c.weight, 0)).toBeCloseTo(1608, 9);
    expect(r.filter).toEqual([{ question: "level", in: ["社会组织"], labels: ["社会组织"] }]);
  });

  it("a weighted multi-select cross-tab has one Rao–Scott test per option", async () => {
    const res = await env.post(REFERENCE, "crosstab", {
      row: "main_problems",
      column: "party_org_form",
      filter: socialOrgs,
      weight: { poststratify: { question: "org_type", population: BAOJI } },
    });
    expect(res.status).toBe(200);
    expect(res.body.tests).toHaveLength(PROBLEMS.length);
    expect(res.body.tests[0].raoScott.df).toBe(3);
    expect(res.body.tests[0].pHolm).toBeGreaterThanOrEqual(res.body.tests[0].raoScott.pF);
  });
});

describe("weights", () => {
  it("raking to two margins meets both: weighted org_type and hub counts equal the populations", async () => {
    const hub = { 是: 700, 否: 500, 不清楚: 300, 本身是枢纽型组织: 108 };
    const weight = {
      rake: [
        { question: "org_type", population: BAOJI },
        { question: "hub", population: hub },
      ],
    };
    const byType = await env.post(REFERENCE, "frequencies", { question: "org_type", filter: socialOrgs, weight });
    expect(byType.status).toBe(200);
    expect(byType.body.weight.kind).toBe("rake");
    expect(byType.body.weight.converged).toBe(true);
    byType.body.weightedCounts.forEach((v: number, k: number) => expect(v).toBeCloseTo(Object.values(BAOJI)[k], 6));
    const byHub = await env.post(REFERENCE, "frequencies", { question: "hub", filter: socialOrgs, weight });
    byHub.body.weightedCounts.forEach((v: number, k: number) => expect(v).toBeCloseTo(Object.values(hub)[k], 6));
    expect(byHub.body.se.every((s: number) => s > 0)).toBe(true);
  });

  it("without a filter, respondents who never answered the weighting question leave the design and are counted", async () => {
    const res = await env.post(REFERENCE, "frequencies", { question: "multi_dept", lang: "en", weight: { poststratify: { question: "org_type", population: BAOJI } } });
    expect(res.status).toBe(200);
    const departments = rows.filter((r) => r.level !== "社会组织").length;
    expect(res.body.weight.excluded.rows).toBe(departments);
    // Departments never see org_type: logic hid it, so they are "not asked", not "missing".
    expect(res.body.weight.excluded.byQuestion.org_type).toMatchObject({ missing: 0, notAsked: departments });
    expect(res.body.n).toBe(1812 - departments);
    expect(res.body.base.casePercent).toContain(`${departments} respondent(s) without a weighting answer`);
  });
});

describe("ratios and numbers", () => {
  it("member_count / staff_count by org_type: ratio of totals per group with its standard error", async () => {
    const res = await env.post(REFERENCE, "ratio", { numerator: "member_count", denominator: "staff_count", by: "org_type" });
    expect(res.status).toBe(200);
    const groups = TYPES.map((label) => ({ label, n: 0, sumWX: 0, sumWY: 0, sumW2X2: 0, sumW2Y2: 0, sumW2XY: 0 }));
    for (const r of rows) {
      if (typeof r.staff_count !== "number") continue;
      const g = groups[TYPES.indexOf(r.org_type)];
      g.n++;
      g.sumWX += r.staff_count;
      g.sumWY += r.member_count;
      g.sumW2X2 += r.staff_count ** 2;
      g.sumW2Y2 += r.member_count ** 2;
      g.sumW2XY += r.staff_count * r.member_count;
    }
    const expected = ratioOfTotals({ groups, designSize: 1812 });
    expectNear(res.body.ratio, expected.overall.ratio!);
    expectNear(res.body.se, expected.overall.se!);
    res.body.groups.forEach((g: any, k: number) => {
      expect(g.value).toBe(TYPES[k]);
      expect(g.n).toBe(expected.groups[k].n);
      expectNear(g.ratio, expected.groups[k].ratio!);
      expectNear(g.se, expected.groups[k].se!);
    });
    expect(res.body.groups[1].label).toBe("民办非企业单位（社会服务机构）");
    expect(res.body.missingDetail.numerator).toEqual({ missing: 0, notAsked: 1812 - expected.overall.n });
  });

  it("a post-stratified ratio among social organisations", async () => {
    const res = await env.post(REFERENCE, "ratio", {
      numerator: "member_count",
      denominator: "staff_count",
      filter: socialOrgs,
      weight: { poststratify: { question: "org_type", population: BAOJI } },
      populationSize: 1608,
    });
    expect(res.status).toBe(200);
    expect(res.body.weighted).toBe(true);
    // Post-stratified total: Σ_g N_g · (Σy/Σx within g weighted by N_g/n_g).
    let Y = 0;
    let X = 0;
    for (const t of TYPES) {
      const inType = rows.filter((r) => r.level === "社会组织" && r.org_type === t);
      const w = BAOJI[t as keyof typeof BAOJI] / inType.length;
      for (const r of inType) {
        Y += w * r.member_count;
        X += w * r.staff_count;
      }
    }
    expectNear(res.body.ratio, Y / X);
    expect(res.body.se).toBeGreaterThan(0);
  });

  it("numeric summary of staff_count by org_type: n, mean, sd, quartiles, extremes", async () => {
    const res = await env.post(REFERENCE, "numeric", { question: "staff_count", by: "org_type" });
    expect(res.status).toBe(200);
    const values = rows.filter((r) => typeof r.staff_count === "number").map((r) => r.staff_count as number);
    const expected = numericSummary(values);
    expect(res.body.n).toBe(expected.n);
    expectNear(res.body.mean, expected.mean!);
    expectNear(res.body.sd, expected.sd!);
    expect([res.body.min, res.body.q1, res.body.median, res.body.q3, res.body.max]).toEqual([expected.min, expected.q1, expected.median, expected.q3, expected.max]);
    expect([res.body.missing, res.body.notAsked]).toEqual([0, 1812 - expected.n]);
    const foundations = numericSummary(rows.filter((r) => r.org_type === "基金会").map((r) => r.staff_count));
    const g = res.body.groups.find((x: any) => x.value === "基金会");
    expect(g.median).toBe(foundations.median);
    expectNear(g.mean, foundations.mean!);
  });
});

describe("filters", () => {
  it("a list of filters is AND; a multi-select filter keeps those who ticked any listed option", async () => {
    const filter = [
      { question: "level", in: ["市", "区(县)"] },
      { question: "main_problems", in: ["管理体制不顺畅", "顶层设计不到位"] },
    ];
    const res = await env.post(REFERENCE, "frequencies", { question: "multi_dept", filter });
    expect(res.status).toBe(200);
    const kept = rows.filter((r) => ["市", "区(县)"].includes(r.level) && r.main_problems.some((p: string) => ["管理体制不顺畅", "顶层设计不到位"].includes(p)));
    expect(res.body.n).toBe(kept.length);
    const values = res.body.categories.map((c: any) => c.value);
    expect(res.body.counts).toEqual(values.map((v: string) => kept.filter((r) => r.multi_dept === v).length));
    expect(res.body.filter).toEqual([
      { question: "level", in: ["市", "区(县)"], labels: ["市级党建工作部门", "区(县)级党建工作部门"] },
      { question: "main_problems", in: ["管理体制不顺畅", "顶层设计不到位"], labels: ["管理体制不够顺畅", "顶层设计不到位，缺乏统筹规划"] },
    ]);
  });

  it("a filter leaving nobody gives an empty table, not an error", async () => {
    const res = await env.post(REFERENCE, "frequencies", {
      question: "org_type",
      filter: [socialOrgs, { question: "level", in: ["市"] }],
    });
    expect(res.status).toBe(200);
    expect(res.body.n).toBe(0);
    expect(res.body.counts.every((c: number) => c === 0)).toBe(true);
  });
});

describe("isolation between surveys", () => {
  it("never counts another survey's responses, even with the same question names", async () => {
    // The census shares org_type, staff_count and member_count with the reference study.
    const census = await env.post("org-coverage-census", "frequencies", { question: "org_type" });
    expect(census.body.n).toBe(196);
    const reference = await env.post(REFERENCE, "frequencies", { question: "org_type" });
    expect(reference.body.n).toBe(rows.filter((r) => r.level === "社会组织").length);
    await publishSurvey(env.db, "dangjian-copy", referenceJson);
    await submitAll(env.db, env.checkers, "dangjian-copy", rows.slice(0, 3));
    const copy = await env.post("dangjian-copy", "frequencies", { question: "main_problems" });
    expect(copy.body.n).toBe(3);
    expect((await env.post(REFERENCE, "frequencies", { question: "main_problems" })).body.n).toBe(1812);
  });
});

describe("errors", () => {
  // The messages asserted below are the English ones.
  const problem = async (survey: string, call: string, body: unknown, status = 422) => {
    const res = await env.post(survey, call, body, { ...env.headers, "accept-language": "en" });
    expect(res.status).toBe(status);
    expect(res.type).toContain("application/problem+json");
    return res.body as { detail: string; errors?: { question: string; message: string }[] };
  };

  it("401 without a researcher token", async () => {
    const res = await env.post(REFERENCE, "frequencies", { question: "level" }, { "content-type": "application/json" });
    expect(res.status).toBe(401);
  });

  it("404 for an unknown survey", async () => {
    const body = await problem("no-such-survey", "frequencies", { question: "level" }, 404);
    expect(body.detail).toContain("no-such-survey");
  });

  it("400 for a body that is not JSON; 422 for unknown or missing fields", async () => {
    await problem(REFERENCE, "frequencies", "{not json", 400);
    expect((await problem(REFERENCE, "frequencies", {})).errors?.[0].question).toBe("question");
    expect((await problem(REFERENCE, "frequencies", { question: "level", weights: {} })).errors?.[0].message).toContain("weights");
    expect((await problem(REFERENCE, "crosstab", { row: "level" })).errors?.[0].question).toBe("column");
  });

  it("422 naming an unknown question", async () => {
    const body = await problem(REFERENCE, "frequencies", { question: "no_such_question" });
    expect(body.errors).toEqual([{ question: "question", code: "unknown_question", message: expect.stringContaining("'no_such_question' is not a question") }]);
    expect((await problem(REFERENCE, "crosstab", { row: "level", column: "nope" })).errors?.[0].question).toBe("column");
    expect((await problem(REFERENCE, "ratio", { numerator: "member_count", denominator: "staff_count", by: "nope" })).errors?.[0].question).toBe("by");
  });

  it("422 when the question does not fit the analysis", async () => {
    expect((await problem(REFERENCE, "frequencies", { question: "suggestions" })).errors?.[0].message).toContain("comment question");
    expect((await problem(REFERENCE, "crosstab", { row: "staff_count", column: "level" })).errors?.[0].question).toBe("row");
    expect((await problem(REFERENCE, "crosstab", { row: "level", column: "main_problems" })).errors?.[0].question).toBe("column");
    expect((await problem(REFERENCE, "crosstab", { row: "level", column: "level" })).errors?.[0].question).toBe("column");
    expect((await problem(REFERENCE, "crosstab", { row: "level", rowOption: "市", column: "city" })).errors?.[0].question).toBe("rowOption");
    expect((await problem(REFERENCE, "crosstab", { row: "main_problems", rowOption: "不存在", column: "city" })).errors?.[0].question).toBe("rowOption");
    expect((await problem(REFERENCE, "ratio", { numerator: "level", denominator: "staff_count" })).errors?.[0].question).toBe("numerator");
    expect((await problem(REFERENCE, "ratio", { numerator: "member_count", denominator: "staff_count", by: "main_problems" })).errors?.[0].question).toBe("by");
    expect((await problem(REFERENCE, "numeric", { question: "level" })).errors?.[0].question).toBe("question");
  });

  it("422 for a filter value not among the choices, or a filter on a question that has none", async () => {
    const body = await problem(REFERENCE, "frequencies", { question: "multi_dept", filter: { question: "level", in: ["市", "省"] } });
    expect(body.errors).toEqual([{ question: "filter.0.in.1", message: expect.stringContaining("'省' is not a choice of 'level'") }]);
    expect((await problem(REFERENCE, "frequencies", { question: "level", filter: { question: "staff_count", in: [3] } })).errors?.[0].question).toBe("filter.0.question");
    expect((await problem(REFERENCE, "frequencies", { question: "level", filter: { question: "level", in: [] } })).errors?.[0].question).toBe("filter.0.in");
  });

  it("422 for population counts that are negative, unknown, missing, or without respondents", async () => {
    const post = (population: Record<string, number>, filter: unknown = socialOrgs) =>
      problem(REFERENCE, "frequencies", { question: "hub", filter, weight: { poststratify: { question: "org_type", population } } });
    expect((await post({ ...BAOJI, 基金会: -6 })).errors?.[0]).toEqual({
      question: "weight.poststratify.population.基金会",
      code: "too_small",
      message: "a population count cannot be negative",
    });
    expect((await post({ ...BAOJI, 行业协会: 12 })).errors?.[0]).toEqual({
      question: "weight.poststratify.population.行业协会",
      message: expect.stringContaining("'行业协会' is not a choice of 'org_type'"),
    });
    const { 基金会: _foundations, ...withoutFoundations } = BAOJI;
    expect((await post(withoutFoundations)).errors?.[0].message).toContain("no population count for '基金会'");
    const onlyGroups = [socialOrgs, { question: "org_type", in: ["社会团体"] }];
    expect((await post(BAOJI, onlyGroups)).errors?.map((e) => e.question)).toContain("weight.poststratify.population.基金会");
    expect((await post({ ...BAOJI, 基金会: 0 })).errors?.[0].message).toContain("population 0");
    expect(
      (await problem(REFERENCE, "frequencies", { question: "hub", weight: { poststratify: { question: "main_problems", population: { other: 1 } } } })).errors?.[0].question,
    ).toBe("weight.poststratify.question");
    expect((await problem(REFERENCE, "frequencies", { question: "hub", weight: {} })).errors?.[0].question).toBe("weight");
  });

  it("422 for an unknown format or a chart that does not fit, and for a population size smaller than the sample", async () => {
    expect((await problem(REFERENCE, "frequencies", { question: "level", format: "svg", chart: "dots" })).errors?.[0].question).toBe("chart");
    expect((await problem(REFERENCE, "frequencies", { question: "level", format: "docx" })).errors?.[0].question).toBe("format");
    expect((await problem(REFERENCE, "ratio", { numerator: "member_count", denominator: "staff_count", populationSize: 100 })).errors?.[0].question).toBe("populationSize");
    expect((await problem(REFERENCE, "frequencies", { question: "level", ci: { populationSize: 100 } })).detail).toContain("cannot be computed");
  });
});
