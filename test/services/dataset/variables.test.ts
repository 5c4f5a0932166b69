import { describe, expect, it } from "vitest";
import { codeItems, notAskedCodeFor } from "../../../src/services/dataset/codes.js";
import { mergeVersions } from "../../../src/questionnaire/merge.js";
import { readQuestions, readVersion } from "../../../src/questionnaire/read-version.js";
import { buildLayout, RowContext, type ExportRow, type Layout } from "../../../src/services/dataset/variables.js";
import { Visibility } from "../../../src/questionnaire/visibility.js";
import { createAnswerChecker } from "../../../src/validation/answers.js";
import kitchenSink from "../../fixtures/kitchen-sink.json" with { type: "json" };
import { generateDemoResponses } from "../../../src/demo/index.js";
import { notAskedOf, reference } from "../export/demo-fixture.js";

function row(data: Record<string, unknown>, notAsked: string[] = []): ExportRow {
  return { id: "00000000-0000-4000-8000-000000000001", version: 1, complete: true, data, notAsked, createdAt: new Date(0), completedAt: new Date(0) };
}

/** Every variable's raw cell for one response, by variable name. */
function cells(layout: Layout, data: Record<string, unknown>, notAsked: string[] = []) {
  const context = new RowContext(row(data, notAsked), new Visibility());
  return Object.fromEntries(layout.variables.map((v) => [v.name, v.read(context)]));
}

describe("codes of choices", () => {
  it("uses whole-number values as codes, positions otherwise, specials after the highest", () => {
    const t = (s: string) => ({ "zh-Hans": s, "zh-Hant": s, en: s });
    expect(
      codeItems([
        { value: 1, texts: t("1") },
        { value: 5, texts: t("5") },
      ]).map((c) => c.code),
    ).toEqual([1, 5]);
    expect(
      codeItems([
        { value: "3", texts: t("三") },
        { value: "1", texts: t("一") },
      ]).map((c) => c.code),
    ).toEqual([3, 1]);
    expect(
      codeItems([
        { value: "北京", texts: t("北京") },
        { value: "南京", texts: t("南京") },
        { value: "other", texts: t("其他"), special: "other" },
      ]).map((c) => c.code),
    ).toEqual([1, 2, 3]);
    expect(
      codeItems([
        { value: 1, texts: t("a") },
        { value: 1, texts: t("b") },
      ]).map((c) => c.code),
    ).toEqual([1, 2]);
    expect(notAskedCodeFor([1, 2])).toBe(-1);
    expect(notAskedCodeFor([-2, 0, 2])).toBe(-3);
  });
});

describe("the reference questionnaire's layout", () => {
  const layout = buildLayout(readQuestions(reference), "zh-Hans");
  const byName = new Map(layout.variables.map((v) => [v.name, v]));

  it("has one variable per single question, one 0/1 per option, the other text apart", () => {
    expect(layout.variables.map((v) => v.name)).toEqual([
      "response_id",
      "version",
      "complete",
      "created_at",
      "completed_at",
      "unit",
      "city",
      "level",
      "org_type",
      "hub",
      "staff_count",
      "member_count",
      "member_relation",
      "party_org_form",
      "instructor",
      "meeting_freq",
      "role_political",
      "role_cohesion",
      "role_development",
      "role_service",
      "dept_org_count",
      "dept_party_org_count",
      "dept_instructor",
      "main_problems_1",
      "main_problems_2",
      "main_problems_3",
      "main_problems_4",
      "main_problems_5",
      "main_problems_6",
      "main_problems_7",
      "main_problems_8",
      "main_problems_9",
      "main_problems_other",
      "main_problems_other_text",
      "multi_dept",
      "funding_sources_1",
      "funding_sources_2",
      "funding_sources_3",
      "funding_sources_4",
      "funding_sources_5",
      "funding_sources_6",
      "funding_sources_7",
      "suggestions",
    ]);
    expect(layout.sets).toEqual([
      {
        name: "$main_problems",
        label: "您认为，社会组织党建工作创新需要破解的主要问题是什么？（最多选三项）",
        variables: layout.variables.filter((v) => v.set === "$main_problems").map((v) => v.name),
      },
      {
        name: "$funding_sources",
        label: "社会组织党建工作经费主要来自哪些渠道？（可多选）",
        variables: layout.variables.filter((v) => v.set === "$funding_sources").map((v) => v.name),
      },
    ]);
  });

  it("labels variables with the question text, options with question and option, in the chosen language", () => {
    expect(byName.get("org_type")!.label).toBe("本组织的类型");
    expect(byName.get("main_problems_1")!.label).toBe("您认为，社会组织党建工作创新需要破解的主要问题是什么？（最多选三项）：管理体制不够顺畅");
    expect(byName.get("main_problems_other_text")!.label).toBe("您认为，社会组织党建工作创新需要破解的主要问题是什么？（最多选三项）：其他（请注明）（填写内容）");
    const hant = buildLayout(readQuestions(reference), "zh-Hant").variables.find((v) => v.name === "org_type")!;
    expect(hant.label).toBe("本組織的類型");
    expect(hant.labels.find((l) => l.code === 2)!.label).toBe("民辦非企業單位（社會服務機構）");
    const en = buildLayout(readQuestions(reference), "en").variables.find((v) => v.name === "org_type")!;
    expect(en.label).toBe("Type of your organisation");
  });

  it("codes choices, declares 'not asked' missing, and sets measurement levels", () => {
    const level = byName.get("level")!;
    expect(level.labels).toEqual([
      { code: 1, value: "市", label: "市级党建工作部门" },
      { code: 2, value: "区(县)", label: "区(县)级党建工作部门" },
      { code: 3, value: "街道(乡镇)", label: "街道(乡镇)" },
      { code: 4, value: "社区(村)", label: "社区(村)" },
      { code: 5, value: "社会组织", label: "社会组织" },
      { code: -1, value: null, label: "未问（跳答）" },
    ]);
    expect(level.missing).toEqual([-1]);
    expect(level.measure).toBe("nominal");
    expect(byName.get("role_political")!.measure).toBe("ordinal");
    expect(byName.get("staff_count")!.measure).toBe("scale");
    expect(byName.get("suggestions")!.storage).toBe("string");
  });

  it("reads a department's answers: organisation questions were not asked", () => {
    const got = cells(layout, {
      city: "南京",
      level: "区(县)",
      dept_org_count: 817,
      dept_party_org_count: 240,
      dept_instructor: "全部选派",
      main_problems: ["管理体制不顺畅", "other"],
      "main_problems-Comment": "条块分割",
      multi_dept: "不清楚",
      funding_sources: ["社会捐赠"],
    });
    expect(got).toMatchObject({
      city: 2,
      level: 2,
      org_type: -1,
      staff_count: null,
      role_political: -1,
      dept_org_count: 817,
      main_problems_1: 1,
      main_problems_2: 0,
      main_problems_other: 1,
      main_problems_other_text: "条块分割",
      funding_sources_6: 1,
      suggestions: null,
    });
  });

  it("tells 'asked, not answered' (empty) from 'not asked' (missing code)", () => {
    // A social organisation that left org_type empty (a partial response): asked, so empty.
    const got = cells(layout, { city: "北京", level: "社会组织" });
    expect(got.org_type).toBeNull();
    expect(got.dept_instructor).toBe(-1);
    expect(got.main_problems_1).toBeNull();
    // member_relation is asked only when there are party members.
    expect(cells(layout, { level: "社会组织", member_count: 0 }).member_relation).toBe(-1);
    expect(cells(layout, { level: "社会组织", member_count: 3 }).member_relation).toBeNull();
    // A stored not_asked list is honoured as well.
    expect(cells(layout, { level: "社会组织" }, ["org_type"]).org_type).toBe(-1);
  });
});

describe("every kind of question (kitchen sink)", () => {
  const layout = buildLayout(readQuestions(kitchenSink), "zh-Hans");
  const answer = {
    org_name: "城南街道第一党支部",
    org_level: "村（社区）级",
    org_type: "other",
    "org_type-Comment": "临时党支部",
    member_count: 25,
    founded: "2001-07-01",
    has_full_time_secretary: true,
    secretary_name: "李四",
    village_kind: "城市社区",
    households: 1200,
    activities: ["三会一课", "other"],
    "activities-Comment": "读书会",
    main_activity: "三会一课",
    meetings_per_year: 4,
    satisfaction: 4,
    study_topics: ["党章党规"],
    priorities: ["政治建设", "组织建设", "思想建设", "作风建设", "纪律建设"],
    evaluation: { system: 4, team: 5, style: 3 },
    difficulties: ["经费不足", "场地不足"],
    members: [{ name: "王五", age: 40 }],
    trainings: [{ topic: "党史", hours: 6 }],
    funding: { "2023": { budget: 3.5, source: "other", "source-Comment": "企业赞助", uses: ["教育培训", "阵地建设"] } },
    contact: { name: "张三", phone: "13800138000", years: 12 },
    position_style: "hall",
    willing_follow_up: "愿意",
    "willing_follow_up-Comment": "工作日可联系",
  };

  it("uses an answer set the checker accepts", () => {
    const result = createAnswerChecker(kitchenSink)(answer, { complete: true });
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("spreads each kind over its variables", () => {
    const stored = createAnswerChecker(kitchenSink)(answer, { complete: true });
    if (!stored.ok) throw new Error("not valid");
    const got = cells(layout, stored.data);
    expect(got).toMatchObject({
      org_type: 4,
      org_type_other_text: "临时党支部",
      founded: "2001-07-01",
      has_full_time_secretary: 1,
      activities_1: 1,
      activities_2: 0,
      activities_other: 1,
      activities_none: 0,
      activities_other_text: "读书会",
      satisfaction: 4,
      priorities_1: 1,
      priorities_3: 2,
      priorities_2: 3,
      evaluation_system: 4,
      evaluation_team: 5,
      evaluation_style: 3,
      funding_2023_budget: 3.5,
      funding_2023_source: 4,
      funding_2023_source_other_text: "企业赞助",
      funding_2023_uses: "教育培训; 阵地建设",
      funding_2024_budget: null,
      contact_name: "张三",
      contact_phone_2: "13800138000",
      contact_years: 12,
      members: JSON.stringify([{ name: "王五", age: 40 }]),
      training_hours: 6,
      position_style: 1,
      willing_follow_up: 1,
      willing_follow_up_comment: "工作日可联系",
    });
  });

  it("gives each kind its measurement level and type", () => {
    const kinds = Object.fromEntries(layout.variables.map((v) => [v.name, `${v.role}/${v.storage}/${v.measure}/${v.format}`]));
    expect(kinds).toMatchObject({
      founded: "date/numeric/scale/DATE",
      created_at: "meta/numeric/scale/DATETIME",
      satisfaction: "choice/numeric/ordinal/F",
      priorities_1: "rank/numeric/ordinal/F",
      evaluation_system: "matrix_row/numeric/ordinal/F",
      members: "json/string/nominal/A",
      funding_2023_uses: "matrix_cell/string/nominal/A",
      contact_years: "item/numeric/scale/F",
      training_hours: "computed/string/nominal/A",
    });
  });
});

describe("the demo fixture", () => {
  it("records not-asked questions as the answer check does", () => {
    const check = createAnswerChecker(reference);
    for (const response of generateDemoResponses(reference).slice(0, 40)) {
      const result = check(response.data, { complete: true });
      if (!result.ok) throw new Error("demo response not valid");
      expect([...notAskedOf(response.data)].sort()).toEqual([...result.notAsked].sort());
    }
    // The demo is drawn whole (its 1,812 sets fit the published figures together): about 25 s.
  }, 120_000);
});

describe("questions never shown", () => {
  it("counts a question declared invisible, or in an invisible panel, as not asked", () => {
    const layout = buildLayout(
      readQuestions({
        elements: [
          { type: "radiogroup", name: "shown", choices: ["a", "b"] },
          { type: "radiogroup", name: "hidden", visible: false, choices: ["a", "b"] },
          {
            type: "panel",
            name: "p",
            visible: false,
            elements: [
              { type: "text", name: "inner", inputType: "number" },
              { type: "checkbox", name: "ticks", choices: ["x", "y"] },
            ],
          },
        ],
      }),
      "zh-Hans",
    );
    expect(cells(layout, {})).toMatchObject({ shown: null, hidden: -1, inner: null, ticks_1: -1, ticks_2: -1 });
  });
});

describe("several versions", () => {
  it("keeps the choices and questions of older versions", () => {
    const v1 = {
      elements: [
        { type: "radiogroup", name: "q", choices: ["甲", "乙", "丙"] },
        { type: "text", name: "old" },
      ],
    };
    const v2 = { elements: [{ type: "radiogroup", name: "q", choices: ["甲", "乙", "丁"] }] };
    const specs = mergeVersions([
      { version: 2, questionnaire: readVersion(v2) },
      { version: 1, questionnaire: readVersion(v1) },
    ]).questions;
    expect(specs.map((s) => s.key)).toEqual(["q", "old"]);
    const layout = buildLayout(specs, "zh-Hans");
    expect(layout.variables.find((v) => v.name === "q")!.labels.map((l) => [l.code, l.value])).toEqual([
      [1, "甲"],
      [2, "乙"],
      [3, "丁"],
      [4, "丙"],
      [-1, null],
    ]);
  });
});
