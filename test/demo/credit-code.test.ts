import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { creditCodeCheck, drawCreditCode, isCreditCode, organisationCodeCheck } from "../../src/demo/credit-code.js";
import { createRandom } from "../../src/demo/random.js";

describe("unified social credit codes (GB 32100-2015)", () => {
  it("computes the check characters of published codes", () => {
    // The worked example of GB 32100-2015, and Xiaomi's code from its business licence.
    expect(isCreditCode("91350100M000100Y43")).toBe(true);
    expect(isCreditCode("91110108551385082Q")).toBe(true);
    expect(creditCodeCheck("91110108551385082")).toBe("Q");
    expect(organisationCodeCheck("55138508")).toBe("2");
    expect(isCreditCode("91110108551385082P")).toBe(false);
  });

  it("draws valid codes that the census questionnaire's pattern accepts", () => {
    const census = JSON.parse(readFileSync(new URL("../../surveys/org-coverage-census.json", import.meta.url), "utf8"));
    const pattern = new RegExp(creditCodeRegex(census));
    const random = createRandom(9);
    for (const type of ["社会团体", "民办非企业单位", "基金会", "社会中介组织"]) {
      for (let i = 0; i < 200; i++) {
        const code = drawCreditCode(random, type, "110199");
        expect(isCreditCode(code), code).toBe(true);
        expect(code).toMatch(pattern);
        expect(code.slice(0, 2)).toBe({ 社会团体: "51", 民办非企业单位: "52", 基金会: "53", 社会中介组织: "59" }[type]);
      }
    }
  });
});

/** The census questionnaire's own pattern for the credit code, as published. */
function creditCodeRegex(census: unknown): string {
  const elements = (census as { pages: { elements: { name: string; validators?: { regex: string }[] }[] }[] }).pages.flatMap((p) => p.elements);
  return elements.find((e) => e.name === "credit_code")!.validators![0].regex;
}
