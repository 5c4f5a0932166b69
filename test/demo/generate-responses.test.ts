import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { generateDemoResponses, PUBLISHED_TARGETS, type DemoResponse } from "../../src/demo/index.js";

const json = JSON.parse(readFileSync(new URL("../../surveys/dangjian-innovation-2023.json", import.meta.url), "utf8"));

type Data = Record<string, any>;
let responses: DemoResponse[];
let all: Data[];
let orgs: Data[];
const share = (rows: Data[], test: (d: Data) => boolean) => rows.filter(test).length / rows.length;

beforeAll(() => {
  responses = generateDemoResponses(json);
  all = responses.map((r) => r.data);
  orgs = all.filter((d) => d.level === "社会组织");
});

describe("generateDemoResponses: the published figures", () => {
  it("makes exactly 1,812 responses with distinct UUIDs", () => {
    expect(responses).toHaveLength(1812);
    expect(new Set(responses.map((r) => r.id)).size).toBe(1812);
  });

  it("has exactly 946 choosing 管理体制不顺畅 (52.2 %) and 718 with unclear duties (39.6 %)", () => {
    const management = all.filter((d) => d.main_problems.includes("管理体制不顺畅")).length;
    const unclear = all.filter((d) => d.multi_dept === "多个管理部门，职责不明确").length;
    expect(management).toBe(946);
    expect(unclear).toBe(718);
    expect((management / 1812).toFixed(3)).toBe(String(PUBLISHED_TARGETS.managementNotSmooth.share));
    expect((unclear / 1812).toFixed(3)).toBe(String(PUBLISHED_TARGETS.multiDeptUnclear.share));
  });

  it("has party members at 10.4 % of staff as a ratio of totals", () => {
    const staff = orgs.reduce((a, d) => a + d.staff_count, 0);
    const members = orgs.reduce((a, d) => a + d.member_count, 0);
    expect(Math.abs(members / staff - 0.104)).toBeLessThan(0.00005);
  });

  it("holds the exact figures for other seeds too", () => {
    for (const seed of [1, 2, 777]) {
      const data = generateDemoResponses(json, { seed }).map((r) => r.data as Data);
      expect(data.filter((d) => d.main_problems.includes("管理体制不顺畅")).length).toBe(946);
      expect(data.filter((d) => d.multi_dept === "多个管理部门，职责不明确").length).toBe(718);
      const org = data.filter((d) => d.level === "社会组织");
      const ratio = org.reduce((a, d) => a + (d.member_count as number), 0) / org.reduce((a, d) => a + (d.staff_count as number), 0);
      expect(ratio).toBeCloseTo(0.104, 6);
    }
  });
});

describe("generateDemoResponses: determinism", () => {
  it("gives identical output for the same seed and different output for another", () => {
    expect(generateDemoResponses(json)).toEqual(responses);
    const other = generateDemoResponses(json, { seed: 5 });
    expect(other.map((r) => r.id)).not.toEqual(responses.map((r) => r.id));
    expect(other.map((r) => r.data)).not.toEqual(all);
  });

  it("refuses a questionnaire that lacks a value it would write", () => {
    const renamed = JSON.parse(JSON.stringify(json).replace('"value":"有效覆盖不高"', '"value":"覆盖不高"').replace('"value": "有效覆盖不高"', '"value": "覆盖不高"'));
    expect(() => generateDemoResponses(renamed)).toThrow(/main_problems.*有效覆盖不高/);
  });
});

describe("generateDemoResponses: plausible distributions", () => {
  it("has more respondents at lower levels and in organisations", () => {
    const count = (level: string) => all.filter((d) => d.level === level).length;
    expect(["市", "区(县)", "街道(乡镇)", "社区(村)", "社会组织"].map(count)).toEqual([91, 272, 362, 453, 634]);
  });

  it("has mostly 社会团体, then 民办非企业单位, and few 基金会", () => {
    const type = (t: string) => share(orgs, (d) => d.org_type === t);
    expect(type("社会团体")).toBeGreaterThan(type("民办非企业单位"));
    expect(type("民办非企业单位")).toBeGreaterThan(0.3);
    expect(type("基金会")).toBeLessThan(0.06);
  });

  it("has mostly small organisations, many without any party member", () => {
    expect(share(orgs, (d) => d.staff_count < 10)).toBeGreaterThan(0.5);
    expect(share(orgs, (d) => d.member_count === 0)).toBeGreaterThan(0.4);
  });

  it("names the report's other three problems 30–50 % of the time, and uses one to three choices", () => {
    for (const problem of ["创新动力不足", "有效覆盖不高", "顶层设计不到位"]) {
      const s = share(all, (d) => d.main_problems.includes(problem));
      expect(s, problem).toBeGreaterThan(0.3);
      expect(s, problem).toBeLessThan(0.5);
    }
    for (const d of all) {
      expect(d.main_problems.length).toBeGreaterThanOrEqual(1);
      expect(d.main_problems.length).toBeLessThanOrEqual(3);
      expect(new Set(d.main_problems).size).toBe(d.main_problems.length);
    }
    const others = all.filter((d) => d.main_problems.includes("other"));
    expect(others.length).toBeGreaterThan(10);
    for (const d of others) expect(d["main_problems-Comment"]).toMatch(/\S/);
    expect(all.filter((d) => d["main_problems-Comment"] && !d.main_problems.includes("other"))).toEqual([]);
  });

  it("links unclear duties to the management problem, as the report does", () => {
    const unclear = (rows: Data[]) => share(rows, (d) => d.multi_dept === "多个管理部门，职责不明确");
    const management = all.filter((d) => d.main_problems.includes("管理体制不顺畅"));
    const rest = all.filter((d) => !d.main_problems.includes("管理体制不顺畅"));
    expect(unclear(management) - unclear(rest)).toBeGreaterThan(0.1);
  });
});

describe("generateDemoResponses: consistent answers", () => {
  it("keeps 0 ≤ members ≤ staff and whole numbers", () => {
    for (const d of orgs) {
      expect(Number.isInteger(d.staff_count) && Number.isInteger(d.member_count)).toBe(true);
      expect(d.member_count).toBeGreaterThanOrEqual(0);
      expect(d.member_count).toBeLessThanOrEqual(d.staff_count);
    }
    for (const d of all.filter((x) => x.level !== "社会组织")) expect(d.dept_party_org_count).toBeLessThanOrEqual(d.dept_org_count);
  });

  it("rarely has an own branch with fewer than three members", () => {
    const small = orgs.filter((d) => d.member_count < 3);
    expect(share(small, (d) => d.party_org_form === "单独建立")).toBeLessThan(0.02);
    const qualifying = orgs.filter((d) => d.member_count >= 3);
    expect(share(qualifying, (d) => d.party_org_form !== "未建立")).toBeGreaterThan(0.93);
  });

  it("answers part 3 exactly when a party organisation exists, and part 2 and 4 by level", () => {
    const part3 = ["meeting_freq", "role_political", "role_cohesion", "role_development", "role_service"];
    for (const d of orgs) {
      for (const q of part3) expect(q in d, q).toBe(d.party_org_form !== "未建立");
      expect("member_relation" in d).toBe(d.member_count > 0);
      expect("dept_org_count" in d).toBe(false);
    }
    for (const d of all.filter((x) => x.level !== "社会组织")) {
      expect(Object.keys(d).some((k) => ["org_type", "party_org_form", ...part3].includes(k))).toBe(false);
    }
  });

  it("never combines 无固定经费来源 with another funding source", () => {
    for (const d of all) {
      if (d.funding_sources.includes("无固定经费来源")) expect(d.funding_sources).toEqual(["无固定经费来源"]);
    }
  });
});
