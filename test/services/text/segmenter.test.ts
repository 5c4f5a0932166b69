import { describe, expect, it } from "vitest";
import { DOMAIN_TERMS } from "../../../src/services/text/domain-terms.js";
import { normalForm, Segmenter } from "../../../src/services/text/segmenter.js";
import { stopWords } from "../../../src/services/text/stop-words.js";

// Sentences in the words of the reference study's report (shared/domain.md) and of the
// demo's suggestions (src/demo/closing-answers.ts).
const withTerms = new Segmenter(DOMAIN_TERMS);
const plain = new Segmenter([]);

describe("the field's terms stay whole with the survey dictionary and are cut without it", () => {
  const cases: [string, string[]][] = [
    ["支部坚持三会一课制度，党建指导员每月来一次。", ["三会一课", "党建指导员"]],
    ["发挥枢纽型社会组织的作用，带动两新组织建立联合党组织。", ["枢纽型社会组织", "两新组织", "联合党组织"]],
    ["选优配强党建指导员，加强对党务工作者的培训。", ["党建指导员", "党务工作者"]],
    ["畅通党员组织关系转接渠道，解决“口袋党员”问题。", ["口袋党员"]],
  ];
  for (const [sentence, terms] of cases) {
    it(sentence, () => {
      const whole = withTerms.segment(sentence).words;
      const cut = plain.segment(sentence).words;
      for (const term of terms) {
        expect(whole).toContain(term);
        expect(cut).not.toContain(term);
      }
    });
  }

  it("jieba's own cut of the five named terms, so the test above shows what the dictionary changes", () => {
    expect(plain.segment("三会一课").words).toEqual(["三会", "一课"]);
    expect(plain.segment("党建指导员").words).toEqual(["党建", "指导员"]);
    expect(plain.segment("枢纽型社会组织").words).toEqual(["枢纽", "型", "社会", "组织"]);
    expect(plain.segment("两新组织").words).toEqual(["两新", "组织"]);
    expect(plain.segment("联合党组织").words).toEqual(["联合", "党组织"]);
  });

  it("a term inside a longer run is found wherever it starts, the longest term first", () => {
    const s = new Segmenter(["社会组织", "枢纽型社会组织"]);
    expect(s.segment("市级枢纽型社会组织和区级社会组织").words).toEqual(["市级", "枢纽型社会组织", "区级", "社会组织"]);
  });
});

describe("stop words, punctuation and negation", () => {
  it("drops the shipped stop words and punctuation, keeps the content words in order", () => {
    expect(withTerms.segment("党建活动形式单一，经费不足。").words).toEqual(["党建", "活动", "形式", "单一", "经费不足"]);
    expect(stopWords().has("的")).toBe(true);
    expect(stopWords().has("the")).toBe(true);
  });

  it("keeps a negation with its word: 不明确 is not 明确", () => {
    expect(withTerms.segment("多个管理部门，职责不明确").words).toEqual(["多个", "管理", "部门", "职责", "不明确"]);
  });

  it("makes phrases of neighbouring words only, never across punctuation or a stop word", () => {
    const { phrases } = withTerms.segment("党建活动形式单一，经费不足");
    expect(phrases).toEqual(["党建活动", "活动形式", "形式单一"]);
    expect(phrases).not.toContain("单一经费不足");
  });

  it("counts each word once per answer", () => {
    expect(withTerms.segment("培训、培训、还是培训").words).toEqual(["培训"]);
  });

  it("a dictionary term is never a stop word", () => {
    expect(new Segmenter([]).segment("一些").words).toEqual([]);
    expect(new Segmenter(["一些"]).segment("一些").words).toEqual(["一些"]);
  });
});

describe("Traditional, English and mixed answers", () => {
  it("segments Traditional characters as their Simplified form, so both count as one word", () => {
    expect(normalForm("黨建活動形式單一")).toBe("党建活动形式单一");
    expect(withTerms.segment("黨建指導員太少，三會一課流於形式").words).toEqual(withTerms.segment("党建指导员太少，三会一课流于形式").words);
    expect(withTerms.segment("黨建指導員太少").words).toContain("党建指导员");
  });

  it("a Traditional dictionary term matches Simplified answers and the other way round", () => {
    expect(new Segmenter(["聯合黨組織"]).segment("联合党组织").words).toEqual(["联合党组织"]);
  });

  it("splits English on words, lower-cased, without English stop words; hyphenated words stay one", () => {
    expect(withTerms.segment("The Party-building activities lack FUNDING and training.").words).toEqual(["party-building", "activities", "lack", "funding", "training"]);
    expect(withTerms.segment("lack funding").phrases).toEqual(["lack funding"]);
  });

  it("mixed answers: Chinese cut by jieba, Latin words whole, full-width letters folded, bare numbers dropped", () => {
    expect(withTerms.segment("开展ＯＮＬＩＮＥ培训 3 次").words).toEqual(["开展", "online", "培训", "次"]);
    expect(withTerms.segment("微信群培训").phrases).toContain("微信群培训");
  });

  it("an empty or punctuation-only answer has no words", () => {
    expect(withTerms.segment("").words).toEqual([]);
    expect(withTerms.segment("……！！").words).toEqual([]);
  });
});
