import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../i18n/language.js";
import { phrase, say } from "../../i18n/phrase.js";
import { CATALOGUES, words } from "../../i18n/words.js";

/** A stand-in for any parameter: it reads as a string, a number and a list. */
const anything = Object.assign(["甲"], { toString: () => "7", valueOf: () => 7 });
const params = new Proxy({}, { get: () => anything });

/** Every leaf of a catalogue by its path: "string", or "function/<arity>" with what it says. */
function leaves(node: unknown, path = "", out = new Map<string, { kind: string; text: string }>()) {
  if (typeof node === "string") out.set(path, { kind: "string", text: node });
  else if (typeof node === "function") {
    const fn = node as (...args: unknown[]) => unknown;
    // Sentences take one parameter object; chart, table, report and page words take positional values.
    const said = path.startsWith("sentences.") ? fn(params) : fn(anything, anything, anything, anything);
    out.set(path, { kind: `function/${fn.length}`, text: typeof said === "string" ? said : "" });
  } else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) leaves(value, path ? `${path}.${key}` : key, out);
  } else out.set(path, { kind: typeof node, text: "" });
  return out;
}

describe("the catalogues", () => {
  const reference = leaves(CATALOGUES.en);

  it.each(LANGUAGES)("%s has every entry the others have, of the same kind", (lang) => {
    const own = leaves(CATALOGUES[lang]);
    expect([...own.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [path, { kind }] of own) expect(`${path}: ${kind}`).toBe(`${path}: ${reference.get(path)!.kind}`);
  });

  it.each(LANGUAGES)("%s says something for every entry", (lang) => {
    const empty = [...leaves(CATALOGUES[lang])].filter(([, { kind, text }]) => (kind === "string" || kind.startsWith("function") ? text.length === 0 : true));
    expect(empty.map(([path]) => path)).toEqual([]);
  });

  it("is really translated: Traditional Chinese is not Simplified Chinese copied", () => {
    const hans = leaves(CATALOGUES["zh-Hans"]);
    const hant = leaves(CATALOGUES["zh-Hant"]);
    const same = [...hant].filter(([path, { text }]) => path.startsWith("sentences.") && /[\u4e00-\u9fff]/.test(text) && hans.get(path)?.text === text);
    const chinese = [...hant].filter(([path, { text }]) => path.startsWith("sentences.") && /[\u4e00-\u9fff]/.test(text));
    // A few sentences are written alike in both scripts (答卷、其他、答案); nearly all differ.
    expect(same.length / chinese.length).toBeLessThan(0.1);
  });

  it("keeps the wording the platform had", () => {
    expect(words("zh-Hant").chart.weighting).toBe("加權");
    expect(words("en").export.notAsked).toBe("Not asked (skipped)");
    expect(words("zh-Hans").choices.dontknow).toBe("不知道");
    expect(words("en").problems.titles.unprocessable).toBe("Unprocessable content");
  });

  it("says a phrase with nested phrases in one language", () => {
    const why = phrase("analysis.wrongKindField", { name: "q", type: "text", what: phrase("roles.crosstabRow"), kinds: [phrase("kinds.single"), phrase("kinds.multiple")] });
    expect(say("en", why)).toBe("'q' is a text question; the row of a cross-tab must be a single-choice or multi-select question");
    expect(say("zh-Hans", why)).toBe("“q”是 text 题；交叉表的行须为单选或多选题");
    expect(say("zh-Hant", why)).toBe("「q」是 text 題；交叉表的列須為單選或複選題");
  });
});
