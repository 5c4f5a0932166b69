import { describe, expect, it } from "vitest";
import type { Item } from "../../../src/questionnaire/question.js";
import { readQuestions } from "../../../src/questionnaire/read-version.js";
import { ItemLookup, parseBoolean, parseChoice, parseChoiceList, parseDate, parseJson, parseNumber, parseTick } from "../../../src/services/import/parse-cell.js";
import reference from "../../../surveys/dangjian-innovation-2023.json" with { type: "json" };

const specs = readQuestions(reference);
const itemsOf = (key: string): Item[] => {
  const spec = specs.find((s) => s.key === key)!;
  if (!("items" in spec) || !Array.isArray(spec.items)) throw new Error(`${key} has no items`);
  return spec.items as Item[];
};
const lookup = (key: string) => new ItemLookup(itemsOf(key));
const value = <T>(p: { ok: true; value: T } | { ok: false; message: string }) => (p.ok ? p.value : p.message);

describe("a choice cell", () => {
  it("is read by value or by its text in any language, loosely", () => {
    const types = lookup("org_type");
    expect(value(parseChoice("民办非企业单位", types))).toEqual({ value: "民办非企业单位" });
    expect(value(parseChoice("民办非企业单位（社会服务机构）", types))).toEqual({ value: "民办非企业单位" });
    expect(value(parseChoice("民辦非企業單位（社會服務機構）", types))).toEqual({ value: "民办非企业单位" });
    expect(value(parseChoice("private non-enterprise unit (social service agency)", types))).toEqual({ value: "民办非企业单位" });
    expect(value(parseChoice(" 民办非企业单位(社会服务机构) ", types))).toEqual({ value: "民办非企业单位" });
    expect(value(parseChoice("社会团休", types))).toMatch(/^'社会团休' is not one of the choices: '社会团体', /);
  });

  it("reads 其他：… as the other choice with its text", () => {
    expect(value(parseChoice("其他：条块分割", lookup("main_problems")))).toEqual({ value: "other", otherText: "条块分割" });
    expect(value(parseChoice("其他：x", lookup("org_type")))).toMatch(/not one of the choices/);
  });

  it("matches numbers to numeric values", () => {
    const rating = specs.find((s) => s.key === "role_political")!;
    const scale = new ItemLookup((rating as { items: Item[] }).items);
    expect(value(parseChoice(4, scale))).toEqual({ value: 4 });
    expect(value(parseChoice("４", scale))).toEqual({ value: 4 });
  });
});

describe("a list of choices in one cell", () => {
  const problems = lookup("main_problems");
  it("splits on , ; 、 | and line breaks, in any language", () => {
    expect(value(parseChoiceList("管理体制不够顺畅、党建工作创新动力不足", problems))).toEqual({ values: ["管理体制不顺畅", "创新动力不足"] });
    expect(value(parseChoiceList("管理体制不顺畅; 有效覆盖不高\n顶层设计不到位", problems))).toEqual({ values: ["管理体制不顺畅", "有效覆盖不高", "顶层设计不到位"] });
    expect(value(parseChoiceList("管理體制不夠順暢，Not enough drive to innovate", problems))).toEqual({ values: ["管理体制不顺畅", "创新动力不足"] });
  });

  it("keeps choices whose texts contain the separators themselves", () => {
    expect(value(parseChoiceList("党员数量少、流动性大、顶层设计不到位，缺乏统筹规划", problems))).toEqual({ values: ["党员数量少、流动性大", "顶层设计不到位"] });
    expect(value(parseChoiceList("单一管理部门，职责明确", lookup("multi_dept")))).toEqual({ values: ["单一管理部门，职责明确"] });
  });

  it("names every piece it cannot read", () => {
    expect(value(parseChoiceList("管理体制不顺畅、经费不够、人手少", problems))).toMatch(/^'经费不够', '人手少' are not among the choices/);
  });

  it("takes 其他：… as other with its text", () => {
    expect(value(parseChoiceList("创新动力不足；其他：条块分割", problems))).toEqual({ values: ["创新动力不足", "other"], otherText: "条块分割" });
  });
});

describe("other cells", () => {
  it("reads ticks", () => {
    const item = itemsOf("main_problems")[0];
    for (const yes of [1, "1", "√", "✓", "是", "TRUE", "管理体制不够顺畅"]) expect(value(parseTick(yes, item))).toBe(true);
    for (const no of [0, "0", null, "否", ""]) expect(value(parseTick(no, item))).toBe(false);
    expect(value(parseTick("2", item))).toMatch(/is not a tick/);
  });

  it("reads numbers, refusing words", () => {
    expect(value(parseNumber(12))).toBe(12);
    expect(value(parseNumber(" １２ "))).toBe(12);
    expect(value(parseNumber("1,234"))).toBe(1234);
    expect(value(parseNumber("-0.5"))).toBe(-0.5);
    expect(value(parseNumber("二十"))).toBe("'二十' is not a number.");
    expect(value(parseNumber("12人"))).toBe("'12人' is not a number.");
  });

  it("reads dates in the ways they are typed", () => {
    expect(value(parseDate(new Date(Date.UTC(2023, 4, 1))))).toBe("2023-05-01");
    expect(value(parseDate(45047))).toBe("2023-05-01");
    for (const text of ["2023-05-01", "2023/5/1", "2023.5.1", "2023年5月1日"]) expect(value(parseDate(text))).toBe("2023-05-01");
    expect(value(parseDate("2023-02-30"))).toMatch(/is not a date/);
  });

  it("reads yes/no by value, label or word", () => {
    const t = (s: string) => ({ "zh-Hans": s, "zh-Hant": s, en: s });
    const yes = { value: true, texts: { "zh-Hans": "是", "zh-Hant": "是", en: "Yes" } };
    const no = { value: false, texts: { "zh-Hans": "否", "zh-Hant": "否", en: "No" } };
    expect(value(parseBoolean("Yes", yes, no))).toBe(true);
    expect(value(parseBoolean(0, yes, no))).toBe(false);
    expect(value(parseBoolean("有", { value: "y", texts: t("有") }, { value: "n", texts: t("无") }))).toBe("y");
    expect(value(parseBoolean("也许", yes, no))).toMatch(/neither/);
  });
});

describe("parseJson", () => {
  it("refuses JSON the platform cannot store or hash: 5,000 levels deep, a key twice, U+0000, a lone surrogate", () => {
    expect(parseJson('[{"a":1}]')).toEqual({ ok: true, value: [{ a: 1 }] });
    for (const text of ["[".repeat(5000) + "]".repeat(5000), '{"a":1,"a":2}', '["\\u0000"]', '["\\ud800"]']) {
      expect(parseJson(text)).toMatchObject({ ok: false, code: "unstorable_json" });
    }
  });
});
