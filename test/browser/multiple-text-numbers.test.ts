/**
 * Number items of a multiple-text question keep what was typed, as number questions do (issue 11):
 * SurveyJS's own number box made "-3" 3, "1e3" 13 and "12人" 12. Here the typed text stays, a
 * number goes in as a number, and what is no number is refused in the page's language, in all
 * three languages.
 */
import { describe, expect, it } from "vitest";
import { publishSurvey } from "../../src/services/surveys.js";
import { respondentPages } from "./respondent-pages.js";

const SCREENS = "/tmp/screens/multiple-text-numbers";

const t = (zh: string, hant: string, en: string) => ({ default: zh, "zh-tw": hant, en });
const survey = {
  title: t("多项填空测试", "多項填空測試", "Multiple text test"),
  pages: [
    {
      name: "p1",
      elements: [
        {
          type: "multipletext",
          name: "org",
          title: t("组织情况", "組織情況", "The organisation"),
          items: [
            { name: "members", title: t("党员人数", "黨員人數", "Party members"), inputType: "number", min: 0, validators: [{ type: "numeric", minValue: 0 }] },
            { name: "budget", title: t("经费（万元）", "經費（萬元）", "Budget (10,000 yuan)"), inputType: "number" },
            { name: "secretary", title: t("书记姓名", "書記姓名", "Secretary") },
          ],
        },
      ],
    },
    { name: "p2", elements: [{ type: "comment", name: "note", title: t("备注", "備註", "Notes") }] },
  ],
};

const pages = respondentPages({
  viewport: { width: 900, height: 900 },
  screens: SCREENS,
  seed: async (database) => {
    await publishSurvey(database.db, "multi", survey);
  },
});

const question = () => pages.page.locator('[data-name="org"]');
const item = (index: number) => question().locator("input").nth(index);
/** Every error shown in the question: its own and its items'. */
const errors = async () => (await question().locator('[class*="erbox"]').allInnerTexts()).join(" ");
const data = () => pages.page.evaluate(() => (window as unknown as { survey: { data: Record<string, unknown> } }).survey.data);

describe("number items of a multiple-text question", () => {
  for (const [lang, query, next, notANumber] of [
    ["zh-Hans", "", "下一页", "请填写数字"],
    ["zh-Hant", "?lang=zh-Hant", "下一頁", "請填寫數字"],
    ["en", "?lang=en", "Next", "Please enter a number"],
  ] as const) {
    it(`keep what was typed and say why it is refused (${lang})`, async () => {
      await pages.page.goto(`${pages.server.origin}/s/multi${query}`);
      await question().waitFor();
      const members = item(0);
      const budget = item(1);
      expect(await members.getAttribute("type")).toBe("text");
      expect(await members.getAttribute("inputmode")).toBe("decimal");
      // Refused, kept as typed: "-3" by the item's validator (at least 0), the others as no number.
      for (const typed of ["-3", "1e3", "12人"]) {
        await members.fill("");
        await members.pressSequentially(typed);
        expect(await members.inputValue()).toBe(typed);
        await pages.page.getByRole("button", { name: next, exact: true }).click();
        expect(await members.inputValue()).toBe(typed);
        await expect.poll(() => errors()).not.toBe("");
        // The validator reads "1e3" as a number; the page says it is none. "12人" the validator refuses, in its words only.
        if (typed === "1e3") expect(await errors()).toContain(notANumber);
        if (typed === "12人") expect(await errors()).not.toContain(notANumber);
        if (typed === "12人") await question().screenshot({ path: `${SCREENS}/refused-${lang}.png` });
      }
      // An item without validators refuses text that is no number, and keeps it.
      await members.fill("");
      await members.pressSequentially("12");
      await budget.pressSequentially("12万");
      await pages.page.getByRole("button", { name: next, exact: true }).click();
      expect(await budget.inputValue()).toBe("12万");
      await expect.poll(() => errors()).toContain(notANumber);
      await question().screenshot({ path: `${SCREENS}/not-a-number-${lang}.png` });
      await budget.fill("");
      // Numbers go in as numbers, the text item as text.
      await budget.pressSequentially("-1.5");
      await item(2).pressSequentially("张三");
      await item(2).blur();
      expect(await data()).toMatchObject({ org: { members: 12, budget: -1.5, secretary: "张三" } });
      await pages.page.getByRole("button", { name: next, exact: true }).click();
      await pages.page.locator('[data-name="note"]').waitFor();
    });
  }
});
