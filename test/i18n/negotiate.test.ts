import { describe, expect, it } from "vitest";
import { languageOfTag, negotiateLanguage } from "../../i18n/negotiate.js";

describe("languageOfTag", () => {
  it.each([
    ["zh-CN", "zh-Hans"],
    ["zh-SG", "zh-Hans"],
    ["zh-Hans", "zh-Hans"],
    ["zh-Hans-CN", "zh-Hans"],
    ["zh", "zh-Hans"],
    ["zh-cn", "zh-Hans"],
    ["zh-TW", "zh-Hant"],
    ["zh-HK", "zh-Hant"],
    ["zh-MO", "zh-Hant"],
    ["zh-Hant", "zh-Hant"],
    ["zh-Hant-TW", "zh-Hant"],
    ["zh_TW", "zh-Hant"],
    ["zh-Hans-HK", "zh-Hans"],
    ["en", "en"],
    ["en-GB", "en"],
    ["EN-us", "en"],
  ])("%s is %s", (tag, lang) => expect(languageOfTag(tag)).toBe(lang));

  it.each(["fr", "de-DE", "", "*", "ja"])("%j is none of the platform's", (tag) => expect(languageOfTag(tag)).toBeNull());
});

describe("negotiateLanguage", () => {
  it("defaults to Simplified Chinese", () => {
    expect(negotiateLanguage({})).toBe("zh-Hans");
    expect(negotiateLanguage({ acceptLanguage: "*" })).toBe("zh-Hans");
  });

  it("answers English to a reader who asks only for other languages", () => {
    expect(negotiateLanguage({ acceptLanguage: "fr-FR, de;q=0.8" })).toBe("en");
  });

  it("takes the first language the platform speaks, in header order", () => {
    expect(negotiateLanguage({ acceptLanguage: "zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7" })).toBe("zh-Hant");
    expect(negotiateLanguage({ acceptLanguage: "fr, en-GB, zh-CN" })).toBe("en");
    expect(negotiateLanguage({ acceptLanguage: "ja, zh-HK" })).toBe("zh-Hant");
  });

  it("honours q-values over order, and q=0 as a refusal", () => {
    expect(negotiateLanguage({ acceptLanguage: "en;q=0.5, zh-TW" })).toBe("zh-Hant");
    expect(negotiateLanguage({ acceptLanguage: "zh-CN;q=0.3, en;q=0.9" })).toBe("en");
    expect(negotiateLanguage({ acceptLanguage: "en;q=0, zh-TW;q=0.1" })).toBe("zh-Hant");
    expect(negotiateLanguage({ acceptLanguage: "en;q=0" })).toBe("zh-Hans");
    expect(negotiateLanguage({ acceptLanguage: "en ; q = 0.2 , zh-Hant ; q = 0.4" })).toBe("zh-Hant");
  });

  it("reads the remembered choice (the dj_lang cookie) after ?lang= and the session, before the header", () => {
    expect(negotiateLanguage({ cookie: "zh-Hant", acceptLanguage: "en" })).toBe("zh-Hant");
    expect(negotiateLanguage({ query: "en", cookie: "zh-Hant" })).toBe("en");
    expect(negotiateLanguage({ session: "en", cookie: "zh-Hant" })).toBe("en");
    // Only the three exact tags: anything else in the cookie is ignored.
    expect(negotiateLanguage({ cookie: "zh-TW", acceptLanguage: "en" })).toBe("en");
    expect(negotiateLanguage({ cookie: "fr" })).toBe("zh-Hans");
  });

  it("lets ?lang= beat the session, and the session beat the header", () => {
    expect(negotiateLanguage({ query: "en", session: "zh-Hant", acceptLanguage: "zh-TW" })).toBe("en");
    expect(negotiateLanguage({ query: "zh-tw", acceptLanguage: "en" })).toBe("zh-Hant");
    expect(negotiateLanguage({ session: "zh-Hant", acceptLanguage: "en" })).toBe("zh-Hant");
    expect(negotiateLanguage({ session: null, acceptLanguage: "en" })).toBe("en");
  });

  it("ignores a ?lang= it does not know", () => {
    expect(negotiateLanguage({ query: "fr", acceptLanguage: "en" })).toBe("en");
    expect(negotiateLanguage({ query: "", acceptLanguage: "zh-HK" })).toBe("zh-Hant");
  });
});
