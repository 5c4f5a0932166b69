import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chineseConverter, fillSimplified, fillTraditional } from "../../src/questionnaire/convert-chinese.js";
import type { JsonObject } from "../../src/questionnaire/json.js";
import { localisableTexts } from "../../src/questionnaire/localisable-texts.js";
import { confirmConverted } from "../../src/questionnaire/text-paths.js";
import { createSurveyModel } from "../../src/questionnaire/survey-model.js";
import { hostileSurvey } from "../fixtures/hostile-names.js";

const reference = JSON.parse(readFileSync(new URL("../../surveys/dangjian-innovation-2023.json", import.meta.url), "utf8")) as JsonObject;

/** The questionnaire without any Traditional Chinese text. */
function withoutTraditional(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTraditional);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (k === "zh-tw" ? [] : [[k, withoutTraditional(v)]])));
}

const HAN = /\p{Script=Han}/u;

describe("chineseConverter: OpenCC's own test cases (BYVoid/OpenCC test/testcases)", () => {
  it("s2twp: Simplified to Taiwan with Taiwan's phrases", () => {
    const convert = chineseConverter("to-traditional", "tw");
    expect(convert("鼠标里面的硅二极管坏了，导致光标分辨率降低。")).toBe("滑鼠裡面的矽二極體壞了，導致游標解析度降低。");
    expect(convert("我们在老挝的服务器的硬盘需要使用互联网算法软件解决异步的问题。")).toBe("我們在寮國的伺服器的硬碟需要使用網際網路演算法軟體解決非同步的問題。");
  });

  it("s2hk: Simplified to Hong Kong", () => {
    const convert = chineseConverter("to-traditional", "hk");
    expect(convert("虚伪叹息")).toBe("虛偽嘆息");
    expect(convert("潮湿灶台")).toBe("潮濕灶台");
    expect(convert("为了核实这说法")).toBe("為了核實這説法");
  });

  it("tw2s: Taiwan back to Simplified, characters only (a mainland text typed in Traditional keeps its words)", () => {
    const convert = chineseConverter("to-simplified", "tw");
    expect(convert("著裝著作汙染虛偽發洩稜柱群眾裡面")).toBe("着装著作污染虚伪发泄棱柱群众里面");
    expect(convert("單獨建立")).toBe("单独建立");
  });

  it("Taiwan's words differ from Hong Kong's (TWPhrases: 軟體, 資訊, 網路; HK keeps 軟件, 網絡, writes 裏)", () => {
    const tw = chineseConverter("to-traditional", "tw");
    const hk = chineseConverter("to-traditional", "hk");
    expect(tw("软件")).toBe("軟體");
    expect(tw("信息")).toBe("資訊");
    expect(tw("网络")).toBe("網路");
    expect(hk("网络")).toBe("網絡");
    expect(hk("软件")).toBe("軟件");
    expect(tw("里面")).toBe("裡面");
    expect(hk("里面")).toBe("裏面");
  });

  it("quotes become corner brackets, and back", () => {
    expect(chineseConverter("to-traditional", "tw")("开展“三会一课”")).toBe("開展「三會一課」");
    expect(chineseConverter("to-simplified", "hk")("開展「三會一課」")).toBe("开展“三会一课”");
  });
});

describe("fillTraditional on the reference questionnaire", () => {
  const bare = withoutTraditional(reference) as JsonObject;

  it("gives every Chinese text a zh-Hant text, lists each one, and leaves the input alone", () => {
    const before = JSON.stringify(bare);
    const result = fillTraditional(bare, { standard: "tw", converted: [] });
    expect(JSON.stringify(bare)).toBe(before);
    const texts = localisableTexts(result.json);
    const chinese = texts.filter((t) => HAN.test(t.read("zh-Hans") ?? ""));
    expect(chinese.length).toBe(103);
    for (const text of chinese) expect(text.read("zh-Hant"), text.path).toBeDefined();
    expect(result.count).toBe(103);
    expect(result.converted).toEqual(chinese.map((t) => `${t.path}@zh-Hant`));
    expect(result.converted).toContain("question:main_problems/choices:管理体制不顺畅/text@zh-Hant");
    expect(result.converted).toContain("page:respondent/title@zh-Hant");
    expect(result.converted).toContain("survey/completedHtml@zh-Hant");
    expect(result.converted).toContain("question:member_count/validators:2/text@zh-Hant");
  });

  it("agrees with the questionnaire's own hand-written Traditional texts (Hong Kong: all but five)", () => {
    const result = fillTraditional(bare, { standard: "hk", converted: [] });
    const written = new Map(localisableTexts(reference).map((t) => [t.path, t.read("zh-Hant")]));
    const differ = localisableTexts(result.json).filter((t) => t.read("zh-Hant") !== written.get(t.path));
    // 説/說, 裏/裡, 羣/群 are Hong Kong's characters; 信息/資訊 and 渠道/管道 are Taiwan's words the author used.
    expect(differ.map((t) => t.path).sort()).toEqual(
      ["survey/description", "question:member_relation/title", "question:role_cohesion/title", "question:role_service/title", "question:funding_sources/title"].sort(),
    );
    const title = localisableTexts(result.json).find((t) => t.path === "survey/title");
    expect(title?.read("zh-Hant")).toBe("社會組織黨建工作創新調查問卷");
  });

  it("the page shows the converted texts in zh-tw", () => {
    const { json } = fillTraditional(bare, { standard: "tw", converted: [] });
    const model = createSurveyModel(json);
    model.locale = "zh-tw";
    expect(model.getQuestionByName("level").title).toBe("您所在單位的層級");
    expect(model.getQuestionByName("main_problems").choices[0].text).toBe("管理體制不夠順暢");
    model.locale = "zh-cn";
    expect(model.getQuestionByName("main_problems").choices[0].text).toBe("管理体制不够顺畅");
  });

  it("keeps the questionnaire's hand-written Traditional texts", () => {
    const result = fillTraditional(reference, { standard: "tw", converted: [] });
    expect(result.count).toBe(0);
    expect(result.converted).toEqual([]);
    expect(result.json).toEqual(reference);
  });
});

describe("converted texts, edited and confirmed", () => {
  const survey = (title: string, traditional?: string): JsonObject => ({
    elements: [{ type: "radiogroup", name: "q", title: traditional ? { default: title, "zh-tw": traditional } : title, choices: ["信息", "网络"] }],
  });

  it("never overwrites a Traditional text a person wrote", () => {
    const result = fillTraditional(survey("软件", "軟件（人工）"), { standard: "tw", converted: [] });
    expect(localisableTexts(result.json)[0]?.read("zh-Hant")).toBe("軟件（人工）");
    expect(result.converted).toEqual(["question:q/choices:信息/text@zh-Hant", "question:q/choices:网络/text@zh-Hant"]);
  });

  it("converts a converted text again when its source changed, until a person confirms it", () => {
    const first = fillTraditional(survey("软件"), { standard: "tw", converted: [] });
    expect(first.json.elements).toEqual([
      {
        type: "radiogroup",
        name: "q",
        title: { default: "软件", "zh-tw": "軟體" },
        choices: [
          { value: "信息", text: { "zh-tw": "資訊" } },
          { value: "网络", text: { "zh-tw": "網路" } },
        ],
      },
    ]);
    const edited = structuredClone(first.json) as { elements: [{ title: Record<string, string> }] };
    edited.elements[0].title.default = "网络软件";
    const second = fillTraditional(edited, { standard: "tw", converted: first.converted });
    expect(localisableTexts(second.json)[0]?.read("zh-Hant")).toBe("網路軟體");
    expect(second.count).toBe(1);
    expect(second.converted).toEqual(first.converted);

    const confirmed = confirmConverted(second.converted, "question:q/title");
    expect(confirmed).not.toContain("question:q/title@zh-Hant");
    const changedAgain = structuredClone(second.json) as { elements: [{ title: Record<string, string> }] };
    changedAgain.elements[0].title.default = "信息";
    const third = fillTraditional(changedAgain, { standard: "tw", converted: confirmed });
    expect(localisableTexts(third.json)[0]?.read("zh-Hant")).toBe("網路軟體");
    expect(third.count).toBe(0);
  });

  it("keeps a question's paths when it moves to another page, and drops entries of texts that are gone", () => {
    const json: JsonObject = {
      pages: [
        { name: "a", elements: [{ type: "text", name: "q", title: "年龄" }] },
        { name: "b", elements: [] },
      ],
    };
    const first = fillTraditional(json, { standard: "tw", converted: ["question:gone/title@zh-Hant", "page:a/title@zh-Hans"] });
    expect(first.converted).toEqual(["question:q/title@zh-Hant"]);
    const moved = {
      pages: [
        { name: "a", elements: [] },
        { name: "b", elements: (first.json.pages as JsonObject[])[0]?.elements },
      ],
    };
    expect(localisableTexts(moved).map((t) => t.path)).toEqual(["question:q/title"]);
  });

  it("keeps the other direction's entries", () => {
    const json: JsonObject = { title: { "zh-tw": "網路", "zh-cn": "网络" }, elements: [{ type: "text", name: "q", title: "年龄" }] };
    const result = fillTraditional(json, { standard: "tw", converted: ["survey/title@zh-Hans"] });
    expect(result.converted).toEqual(["survey/title@zh-Hans", "question:q/title@zh-Hant"]);
  });

  it("leaves texts without Chinese characters alone", () => {
    const result = fillTraditional({ title: "Survey 2024", elements: [{ type: "text", name: "q", title: { default: "Age", en: "Age" } }] }, { standard: "hk", converted: [] });
    expect(result.count).toBe(0);
    expect(result.json).toEqual({ title: "Survey 2024", elements: [{ type: "text", name: "q", title: { default: "Age", en: "Age" } }] });
  });

  it("handles names and values that are properties of every object", () => {
    const result = fillTraditional(hostileSurvey(), { standard: "tw", converted: ["question:__proto__/title@zh-Hant"] });
    expect(result.converted).toContain("question:level/choices:__proto__/text@zh-Hant");
    expect(result.converted).toContain("question:level/choices:toString/text@zh-Hant");
    expect(result.converted).not.toContain("question:__proto__/title@zh-Hant");
    const level = (result.json.pages as { elements: { choices: { value: string; text: unknown }[] }[] }[])[0]?.elements[0];
    expect(level?.choices.find((c) => c.value === "__proto__")?.text).toEqual({ default: "层级 __proto__", "zh-tw": "層級 __proto__" });
    expect(({} as Record<string, unknown>).default).toBeUndefined();
  });

  it("escapes the separators of the path scheme in names and values", () => {
    const texts = localisableTexts({ elements: [{ type: "radiogroup", name: "a/b:c", title: "题", choices: [{ value: "x@y#1%", text: "选" }] }] });
    expect(texts.map((t) => t.path)).toEqual(["question:a%2Fb%3Ac/title", "question:a%2Fb%3Ac/choices:x%40y%231%25/text"]);
  });
});

describe("fillSimplified", () => {
  it("fills zh-Hans from zh-Hant where a questionnaire arrived in Traditional characters", () => {
    const json: JsonObject = {
      locale: "zh-tw",
      title: "社會組織黨建調查",
      elements: [
        { type: "checkbox", name: "q", title: "軟體與網路", choices: [{ value: 1, text: "資訊" }], validators: [{ type: "answercount", maxCount: 3, text: "最多選三項" }] },
      ],
    };
    const result = fillSimplified(json, { standard: "tw", converted: [] });
    const texts = localisableTexts(result.json);
    expect(texts.map((t) => [t.path, t.read("zh-Hans")])).toEqual([
      ["survey/title", "社会组织党建调查"],
      ["question:q/title", "软体与网路"],
      ["question:q/validators:0/text", "最多选三项"],
      ["question:q/choices:1/text", "资讯"],
    ]);
    expect(result.converted).toEqual(texts.map((t) => `${t.path}@zh-Hans`));
    // The default text stays the Traditional one the questionnaire came with.
    expect(result.json.title).toEqual({ default: "社會組織黨建調查", "zh-cn": "社会组织党建调查" });
  });

  it("moves default texts typed in Traditional script to zh-tw, as written, and puts Simplified in their place", () => {
    const json: JsonObject = {
      title: "寶雞市社會組織黨建調查",
      elements: [{ type: "radiogroup", name: "q", title: "黨組織建立方式", choices: ["單獨建立", "联合建立", "北京"] }],
    };
    const result = fillSimplified(json, { standard: "tw", converted: [] });
    expect(result.json).toEqual({
      title: { default: "宝鸡市社会组织党建调查", "zh-tw": "寶雞市社會組織黨建調查" },
      elements: [
        {
          type: "radiogroup",
          name: "q",
          title: { default: "党组织建立方式", "zh-tw": "黨組織建立方式" },
          // The values are data: they stay as typed.
          choices: [{ value: "單獨建立", text: { "zh-tw": "單獨建立", default: "单独建立" } }, "联合建立", "北京"],
        },
      ],
    });
    expect(result.converted).toEqual(["survey/title@zh-Hans", "question:q/title@zh-Hans", "question:q/choices:單獨建立/text@zh-Hans"]);
    // Run again: the Simplified texts are the converted ones, made again from the Traditional ones a person wrote.
    const again = fillSimplified(result.json, { standard: "tw", converted: result.converted });
    expect(again.json).toEqual(result.json);
    expect(again.count).toBe(0);
    expect(fillTraditional(result.json, { standard: "tw", converted: [] }).count).toBe(2);
  });

  it("writes Simplified Chinese into the default text when the default language is Simplified and the default is missing", () => {
    const result = fillSimplified({ elements: [{ type: "text", name: "q", title: { "zh-tw": "網絡", en: "Network" } }] }, { standard: "hk", converted: [] });
    expect((result.json.elements as JsonObject[])[0]?.title).toEqual({ "zh-tw": "網絡", en: "Network", default: "网络" });
  });
});
