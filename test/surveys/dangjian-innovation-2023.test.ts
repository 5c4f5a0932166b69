import { readFileSync } from "node:fs";
import { Model, surveyLocalization, type Question } from "survey-core";
import { beforeAll, describe, expect, it } from "vitest";

const json = JSON.parse(readFileSync(new URL("../../surveys/dangjian-innovation-2023.json", import.meta.url), "utf8"));

beforeAll(() => {
  surveyLocalization.defaultLocale = "zh-cn";
});

function survey(data: Record<string, unknown> = {}): Model {
  const model = new Model(json);
  model.data = data;
  return model;
}
const values = (name: string) => (survey().getQuestionByName(name) as unknown as { choices: { value: string }[] }).choices.map((c) => c.value);
const visible = (model: Model) => model.getAllQuestions(true).map((q: Question) => q.name);
/** Error texts of one question after validating the whole survey. */
function errorsOf(model: Model, name: string): string[] {
  model.validate(true);
  return model.getQuestionByName(name).errors.map((e) => e.getText());
}

const ORG_QUESTIONS = ["org_type", "hub", "staff_count", "member_count", "party_org_form", "instructor"];
const FORM_QUESTIONS = ["meeting_freq", "role_political", "role_cohesion", "role_development", "role_service"];
const DEPT_QUESTIONS = ["dept_org_count", "dept_party_org_count", "dept_instructor"];
const EVERYONE = ["city", "level", "main_problems", "multi_dept", "funding_sources", "suggestions"];

describe("the reference questionnaire 社会组织党建工作创新调查问卷", () => {
  it("has a title, a preface on purpose, anonymity and length, and a closing page", () => {
    const model = survey();
    expect(model.title).toBe("社会组织党建工作创新调查问卷");
    expect(model.description).toMatch(/调查说明/);
    expect(model.description).toMatch(/匿名/);
    expect(model.description).toMatch(/10分钟/);
    expect(model.completedHtml).toMatch(/感谢/);
    expect(model.pages.every((p) => p.title.length > 0)).toBe(true);
  });

  it("offers the study's vocabulary as choice values", () => {
    expect(values("level")).toEqual(["市", "区(县)", "街道(乡镇)", "社区(村)", "社会组织"]);
    expect(values("org_type")).toEqual(["社会团体", "民办非企业单位", "基金会", "社会中介组织", "城乡社区社会组织"]);
    expect(values("party_org_form")).toEqual(["单独建立", "联合建立", "挂靠依托", "未建立"]);
    expect(values("hub")).toEqual(["是", "否", "不清楚", "本身是枢纽型组织"]);
    expect(values("main_problems")).toEqual(expect.arrayContaining(["管理体制不顺畅", "创新动力不足", "有效覆盖不高", "顶层设计不到位"]));
    expect(values("multi_dept")).toContain("多个管理部门，职责不明确");
  });

  it("asks main_problems as a required choice of up to three, with 'other, please specify'", () => {
    const q = survey().getQuestionByName("main_problems") as unknown as Record<string, unknown>;
    expect(q.isRequired).toBe(true);
    expect(q.maxSelectedChoices).toBe(3);
    expect(q.showOtherItem).toBe(true);
    expect(errorsOf(survey({ main_problems: ["管理体制不顺畅", "创新动力不足", "有效覆盖不高", "顶层设计不到位"] }), "main_problems")).toContain("最多选择三项");
    expect(errorsOf(survey({ main_problems: ["管理体制不顺畅", "other"] }), "main_problems")).toContain("请注明其他问题");
    expect(errorsOf(survey({ main_problems: ["管理体制不顺畅", "other"], "main_problems-Comment": "考核机制不健全" }), "main_problems")).toEqual([]);
  });

  it("shows party-building departments part 4 and organisations part 2 only", () => {
    for (const level of ["市", "区(县)", "街道(乡镇)", "社区(村)"]) {
      expect(visible(survey({ level }))).toEqual([...EVERYONE.slice(0, 2), ...DEPT_QUESTIONS, ...EVERYONE.slice(2)]);
    }
    const org = visible(survey({ level: "社会组织" }));
    expect(org).toEqual(expect.arrayContaining(ORG_QUESTIONS));
    expect(org.some((n) => DEPT_QUESTIONS.includes(n) || FORM_QUESTIONS.includes(n))).toBe(false);
  });

  it("asks about the party organisation's activity only where one exists", () => {
    for (const form of ["单独建立", "联合建立", "挂靠依托"]) {
      expect(visible(survey({ level: "社会组织", party_org_form: form }))).toEqual(expect.arrayContaining(FORM_QUESTIONS));
    }
    const none = survey({ level: "社会组织", party_org_form: "未建立" });
    expect(visible(none).some((n) => FORM_QUESTIONS.includes(n))).toBe(false);
    expect(none.getPanelByName("party_role").isVisible).toBe(false);
    // A stale form answer left behind by a level change must not open part 3.
    expect(visible(survey({ level: "市", party_org_form: "单独建立" })).some((n) => FORM_QUESTIONS.includes(n))).toBe(false);
  });

  it("asks where members' party relations are held only when there are members", () => {
    expect(visible(survey({ level: "社会组织", staff_count: 5, member_count: 0 }))).not.toContain("member_relation");
    expect(visible(survey({ level: "社会组织", staff_count: 5, member_count: 2 }))).toContain("member_relation");
  });

  it("rejects more members than staff, negative and fractional counts", () => {
    const base = { level: "社会组织" };
    expect(errorsOf(survey({ ...base, staff_count: 5, member_count: 6 }), "member_count")).toEqual(["党员人数不能超过从业人员数（党员数 ≤ 从业人员数）"]);
    expect(errorsOf(survey({ ...base, staff_count: 5, member_count: 5 }), "member_count")).toEqual([]);
    expect(errorsOf(survey({ ...base, staff_count: -1 }), "staff_count").length).toBeGreaterThan(0);
    expect(errorsOf(survey({ ...base, staff_count: 2.5 }), "staff_count")).toContain("请填写非负整数");
    expect(errorsOf(survey({ level: "区(县)", dept_org_count: 10, dept_party_org_count: 11 }), "dept_party_org_count")[0]).toMatch(/不能超过/);
  });

  it("makes 无固定经费来源 exclusive among funding sources, and leaves suggestions optional", () => {
    const model = survey();
    const funding = model.getQuestionByName("funding_sources");
    funding.value = ["党费返还", "财政专项经费"];
    funding.value = ["党费返还", "无固定经费来源"];
    expect([...funding.value]).toEqual(["无固定经费来源"]);
    expect(model.getQuestionByName("suggestions").isRequired).toBe(false);
  });
});
