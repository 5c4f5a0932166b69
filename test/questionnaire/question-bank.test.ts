import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/questionnaire/json.js";
import { type BankQuestionnaire, searchQuestions, textsOfJson } from "../../src/questionnaire/question-bank.js";
import { hostileSurvey } from "../fixtures/hostile-names.js";

const reference = JSON.parse(readFileSync(new URL("../../surveys/dangjian-innovation-2023.json", import.meta.url), "utf8")) as JsonObject;
const shipped: BankQuestionnaire = { source: { kind: "shipped", id: "dangjian-innovation-2023", title: textsOfJson(reference.title) }, json: reference };
const simplifiedOnly: BankQuestionnaire = {
  source: { kind: "survey", id: "local", title: textsOfJson("本地调查") },
  json: { elements: [{ type: "radiogroup", name: "form", title: "党组织建立方式", choices: ["单独建立", "联合建立"], visibleIf: "{kind} = 'a'" }] },
};
const bank = [shipped, simplifiedOnly];

const names = (query: string, options = {}) => searchQuestions(bank, query, options).map((r) => `${r.source.id}:${r.name}`);

describe("searchQuestions", () => {
  it("finds the reference question whose choice reads 管理体制不够顺畅, with its whole JSON", () => {
    const results = searchQuestions(bank, "管理体制");
    expect(results.map((r) => r.name)).toEqual(["main_problems"]);
    const [found] = results;
    expect(found?.source).toEqual(shipped.source);
    expect(found?.type).toBe("checkbox");
    expect(found?.title["zh-Hant"]).toBe("您認為，社會組織黨建工作創新需要破解的主要問題是什麼？（最多選三項）");
    const original = (reference.pages as { elements: JsonObject[] }[])[4]?.elements[0];
    expect(found?.element).toEqual(original);
    expect(found?.element).not.toBe(original);
  });

  it("finds titles by a Traditional query, and a Simplified-only title by a Traditional query", () => {
    expect(names("管理體制")).toEqual(["dangjian-innovation-2023:main_problems"]);
    expect(names("黨組織建立方式")).toEqual(["local:form"]);
    expect(names("建立方式", { language: "zh-Hant" })).toEqual(["dangjian-innovation-2023:party_org_form", "local:form"]);
  });

  it("matches English case-insensitively, names, and puts title matches before other texts", () => {
    expect(names("YOUR CITY")).toEqual(["dangjian-innovation-2023:city"]);
    expect(names("staff_count")).toEqual(["dangjian-innovation-2023:staff_count"]);
    // The title of hub names 枢纽型; party_org_form and funding_sources only in a choice.
    expect(names("枢纽型")).toEqual(["dangjian-innovation-2023:hub", "dangjian-innovation-2023:party_org_form", "dangjian-innovation-2023:funding_sources"]);
  });

  it("searches only the given language's titles", () => {
    expect(names("Your city", { language: "zh-Hans" })).toEqual([]);
    expect(names("Your city", { language: "en" })).toEqual(["dangjian-innovation-2023:city"]);
  });

  it("lists every question for an empty query, up to the limit", () => {
    expect(searchQuestions(bank, "").length).toBe(22);
    expect(searchQuestions(bank, "", { limit: 3 }).map((r) => r.name)).toEqual(["city", "level", "org_type"]);
  });

  it("reads questionnaires with names that are properties of every object", () => {
    const hostile: BankQuestionnaire = { source: { kind: "survey", id: "h", title: textsOfJson("h") }, json: hostileSurvey() };
    expect(searchQuestions([hostile], "层级").map((r) => r.name)).toEqual(["level"]);
    expect(searchQuestions([hostile], "__proto__").map((r) => r.name)).toEqual(["level", "picks", "grid", "rate", "md", "pd"]);
  });
});

describe("textsOfJson", () => {
  it("fills a missing language from the default text, then any other", () => {
    expect(textsOfJson({ default: "层级", en: "Level" })).toEqual({ "zh-Hans": "层级", "zh-Hant": "层级", en: "Level" });
    expect(textsOfJson({ en: "Level" })).toEqual({ "zh-Hans": "Level", "zh-Hant": "Level", en: "Level" });
    expect(textsOfJson(undefined, "q1")).toEqual({ "zh-Hans": "q1", "zh-Hant": "q1", en: "q1" });
  });
});
