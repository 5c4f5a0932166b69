import { describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.js";
import { attachmentHeader } from "../../src/lib/attachment-header.js";
import { entryRequest, parseDefinition } from "../../src/report/definition.js";
import survey from "../../surveys/dangjian-innovation-2023.json" with { type: "json" };
import shipped from "../../surveys/reports/dangjian-innovation-2023.report.json" with { type: "json" };

interface Element {
  name: string;
  type: string;
  choices?: (string | { value: string })[];
  elements?: Element[];
}
const elements = (survey.pages as { elements: Element[] }[]).flatMap((p) => p.elements).flatMap((e) => [e, ...(e.elements ?? [])]);
const choicesOf = (name: string) => (elements.find((e) => e.name === name)?.choices ?? []).map((c) => (typeof c === "string" ? c : c.value));

describe("the reference study's report definition", () => {
  const definition = parseDefinition(shipped);

  it("reproduces the three published figures first, then the cross-tabs a reader wants", () => {
    expect(definition.analyses.slice(0, 3).map((a) => [a.type, "question" in a ? a.question : "numerator" in a ? a.numerator : ""])).toEqual([
      ["frequencies", "main_problems"],
      ["frequencies", "multi_dept"],
      ["ratio", "member_count"],
    ]);
    const crosstabs = definition.analyses.filter((a) => a.type === "crosstab").map((a) => `${a.row} × ${a.column}`);
    expect(crosstabs).toEqual(expect.arrayContaining(["main_problems × level", "main_problems × org_type", "main_problems × party_org_form", "multi_dept × level"]));
    expect(definition.analyses.some((a) => a.type === "ratio" && a.by === "org_type")).toBe(true);
    const weighted = definition.analyses.filter((a) => "weight" in a && a.weight);
    expect(weighted.map((a) => a.type)).toContain("crosstab");
    for (const a of weighted) {
      expect("weight" in a && a.weight?.poststratify?.population).toEqual({ 社会团体: 793, 民办非企业单位: 750, 基金会: 6, 社会中介组织: 54, 城乡社区社会组织: 5 });
    }
  });

  it("shortens only choices the questionnaire has", () => {
    for (const [question, labels] of Object.entries(definition.labels ?? {})) {
      for (const value of Object.keys(labels)) expect(choicesOf(question), `${question}.${value}`).toContain(value);
    }
  });

  it("hands each analysis service its own fields only", () => {
    expect(entryRequest(definition.analyses[6], "zh-Hans")).toEqual({ row: "multi_dept", column: "level", includePartial: false, lang: "zh-Hans" });
  });
});

describe("parseDefinition", () => {
  it("names every bad field by its place", () => {
    try {
      parseDefinition({ title: "x", analyses: [{ type: "frequencies", title: "x", question: "q", format: "png" }, { type: "histogram" }] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).errors!.map((e) => e.question)).toEqual(["analyses.0", "analyses.1.type"]);
    }
  });
});

describe("attachmentHeader", () => {
  it("keeps the Chinese name in filename* and an ASCII fallback", () => {
    expect(attachmentHeader("a.png", "主要问题/图.png")).toBe(`attachment; filename="a.png"; filename*=UTF-8''%E4%B8%BB%E8%A6%81%E9%97%AE%E9%A2%98_%E5%9B%BE.png`);
  });
});
