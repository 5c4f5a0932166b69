import { readFileSync } from "node:fs";
import { Model, surveyLocalization } from "survey-core";
import { beforeAll, describe, expect, it } from "vitest";

const json = JSON.parse(readFileSync(new URL("../../surveys/org-coverage-census.json", import.meta.url), "utf8"));

beforeAll(() => {
  surveyLocalization.defaultLocale = "zh-cn";
});

function survey(data: Record<string, unknown>): Model {
  const model = new Model(json);
  model.data = data;
  return model;
}
const complete = {
  org_name: "示范区书法家协会",
  org_type: "社会团体",
  reg_level: "区(县)",
  staff_count: 6,
  member_count: 0,
  hub: "是",
  party_org_form: "未建立",
  instructor: "否",
};

describe("the coverage census 社会组织党建工作覆盖情况普查表", () => {
  it("accepts a complete record without the optional credit code", () => {
    expect(survey(complete).validate(false)).toBe(true);
  });

  it("checks the shape of the unified social credit code", () => {
    const errors = (code: string) => {
      const model = survey({ ...complete, credit_code: code });
      model.validate(true);
      return model.getQuestionByName("credit_code").errors.length;
    };
    expect(errors("91350100M000100Y43")).toBe(0); // the example of GB 32100-2015
    expect(errors("51110199MJ0428591")).toBe(1); // 17 characters
    expect(errors("51110199MJ04285912X")).toBe(1); // 19 characters
    expect(errors("51110199mj04285912")).toBe(1); // lower case
    expect(errors("5111019IMJ04285912")).toBe(1); // a letter in the area code
    expect(errors("51110199MO04285912")).toBe(1); // O is not used
  });

  it("computes coverage and whether a branch should be built, for one-question frequencies", () => {
    expect(survey(complete).data).toMatchObject({ has_party_org: "否", should_build: "否" });
    expect(survey({ ...complete, member_count: 3, party_org_form: "单独建立" }).data).toMatchObject({ has_party_org: "是", should_build: "是" });
    expect(survey({ ...complete, party_org_form: "挂靠依托" }).data).toMatchObject({ has_party_org: "是", should_build: "否" });
    expect(survey({ org_type: "社会团体" }).data).not.toHaveProperty("has_party_org");
  });

  it("asks about 三会一课 only where a party organisation exists", () => {
    const asked = (form: string) => survey({ ...complete, party_org_form: form }).getQuestionByName("meetings_held").isVisible;
    expect(asked("未建立")).toBe(false);
    expect(["单独建立", "联合建立", "挂靠依托"].map(asked)).toEqual([true, true, true]);
  });

  it("rejects more members than staff", () => {
    const model = survey({ ...complete, member_count: 7 });
    expect(model.validate(true)).toBe(false);
    expect(model.getQuestionByName("member_count").errors[0].getText()).toMatch(/党员.*从业人员/);
  });
});
