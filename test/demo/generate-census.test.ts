import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CENSUS_TARGETS, generateCensusResponses, isCreditCode } from "../../src/demo/index.js";

const json = JSON.parse(readFileSync(new URL("../../surveys/org-coverage-census.json", import.meta.url), "utf8"));
const responses = generateCensusResponses(json);
const data = responses.map((r) => r.data as Record<string, any>);
const share = (test: (d: Record<string, any>) => boolean) => data.filter(test).length / data.length;

describe("generateCensusResponses", () => {
  it("makes one record per organisation of the cited district: 196, with distinct ids and names", () => {
    expect(responses).toHaveLength(CENSUS_TARGETS.organisations);
    expect(new Set(responses.map((r) => r.id)).size).toBe(196);
    expect(new Set(data.map((d) => d.org_name)).size).toBe(196);
  });

  it("has mostly organisations under ten people, over 98 % without any party member", () => {
    expect(share((d) => d.staff_count < 10)).toBeGreaterThan(CENSUS_TARGETS.minShareUnderTenStaff);
    expect(share((d) => d.member_count === 0)).toBeGreaterThan(CENSUS_TARGETS.minShareWithoutMembers);
    expect(share((d) => d.member_count > 0)).toBeGreaterThan(0);
  });

  it("keeps answers consistent: members ≤ staff, computed fields right, meetings only with a party organisation", () => {
    for (const d of data) {
      expect(d.member_count).toBeLessThanOrEqual(d.staff_count);
      expect(d.has_party_org).toBe(d.party_org_form === "未建立" ? "否" : "是");
      expect(d.should_build).toBe(d.member_count >= 3 ? "是" : "否");
      expect("meetings_held" in d).toBe(d.party_org_form !== "未建立");
      if (d.member_count < 3) expect(d.party_org_form).not.toBe("单独建立");
      if (d.credit_code !== undefined) expect(isCreditCode(d.credit_code)).toBe(true);
      if (d.org_type === "城乡社区社会组织") expect(d.reg_level).toBe("街道(乡镇)");
    }
  });

  it("has a coverage rate in the range Beijing published for the whole field (about 23 %)", () => {
    const coverage = share((d) => d.has_party_org === "是");
    expect(coverage).toBeGreaterThan(0.1);
    expect(coverage).toBeLessThan(0.35);
  });

  it("is deterministic and honours count and seed", () => {
    expect(generateCensusResponses(json)).toEqual(responses);
    expect(generateCensusResponses(json, { seed: 2 })).not.toEqual(responses);
    const big = generateCensusResponses(json, { count: 1000, seed: 3 });
    expect(big).toHaveLength(1000);
    expect(big.filter((r) => r.data.member_count === 0).length / 1000).toBeGreaterThan(0.98);
  });
});
