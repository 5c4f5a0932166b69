import { describe, expect, it } from "vitest";
import { publishSurvey } from "../../src/services/surveys.js";
import { respondentPages } from "./respondent-pages.js";

const SCREENS = "/tmp/screens/first-use";

const t = (zh: string, en: string) => ({ default: zh, en });
const survey = {
  title: t("填写体验问卷", "Form test"),
  showProgressBar: true,
  pages: [
    {
      name: "p1",
      elements: [
        {
          type: "radiogroup",
          name: "has_org",
          title: t("是否建立党组织", "Has a party organisation"),
          choices: [
            { value: "是", text: t("是", "Yes") },
            { value: "否", text: t("否", "No") },
          ],
        },
        {
          type: "checkbox",
          name: "problems",
          title: t("主要问题（最多选三项）", "Main problems (at most three)"),
          maxSelectedChoices: 3,
          choices: ["a", "b", "c", "d", "e"].map((v, i) => ({ value: v, text: t(`问题${i + 1}`, `Problem ${i + 1}`) })),
        },
        {
          type: "text",
          name: "staff",
          title: t("从业人员数", "Staff"),
          inputType: "number",
          min: 0,
          validators: [
            { type: "numeric", minValue: 0, maxValue: 1000000 },
            { type: "regex", regex: "^\\d+$", text: t("请填写非负整数", "Please enter a whole number (0 or more)") },
          ],
        },
        { type: "text", name: "budget", title: t("经费（万元）", "Budget (10,000 yuan)"), inputType: "number" },
      ],
    },
    { name: "p2", visibleIf: "{has_org} = '是'", elements: [{ type: "comment", name: "org_note", title: t("党组织情况", "About the organisation") }] },
    { name: "p3", elements: [{ type: "comment", name: "note", title: t("备注", "Notes") }] },
  ],
};

const pages = respondentPages({
  viewport: { width: 900, height: 1100 },
  screens: SCREENS,
  seed: async (database) => {
    await publishSurvey(database.db, "form", survey);
  },
});

async function open(query = "") {
  await pages.page.goto(`${pages.server.origin}/s/form${query}`);
  await pages.page.locator(".sd-root-modern").waitFor();
}
// The page count of a page progress bar ("第 1 页，共 2 页"), above the questions.
const progress = () => pages.page.locator(".sd-progress-buttons__page-title").first().innerText();
const question = (name: string) => pages.page.locator(`[data-name="${name}"]`);

describe("the page count", () => {
  it("follows the language switch and the pages skip logic reveals, at once", async () => {
    await open();
    expect(await progress()).toBe("第 1 页，共 2 页");
    await pages.page.getByText("是", { exact: true }).click();
    expect(await progress()).toBe("第 1 页，共 3 页");
    await pages.page.screenshot({ path: `${SCREENS}/page-count-zh-Hans.png` });
    await pages.page.locator('#dj-lang button[data-locale="en"]').click();
    expect(await progress()).toBe("Page 1 of 3");
    await pages.page.getByText("No", { exact: true }).click();
    expect(await progress()).toBe("Page 1 of 2");
    await pages.page.screenshot({ path: `${SCREENS}/page-count-en.png` });
    await pages.page.locator('#dj-lang button[data-locale="zh-cn"]').click();
    expect(await progress()).toBe("第 1 页，共 2 页");
  });
});

describe("a checkbox with at most three choices", () => {
  for (const [lang, query, choice, note] of [
    ["zh-Hans", "", "问题", "最多选 3 项"],
    ["en", "?lang=en", "Problem ", "at most 3"],
  ] as const) {
    it(`greys out the other options once three are chosen and says why (${lang})`, async () => {
      await open(query);
      const items = question("problems").locator(".sd-item");
      for (const n of [1, 2, 3]) await question("problems").getByText(`${choice}${n}`, { exact: true }).click();
      const fourth = items.nth(3);
      await expect.poll(() => fourth.locator("input").isDisabled()).toBe(true);
      const opacity = Number(await fourth.evaluate((el) => getComputedStyle(el.querySelector(".sd-item__decorator") ?? el).opacity));
      const labelColor = await fourth.evaluate((el) => getComputedStyle(el.querySelector(".sd-item__control-label") ?? el).color);
      const firstColor = await items.nth(0).evaluate((el) => getComputedStyle(el.querySelector(".sd-item__control-label") ?? el).color);
      expect(opacity < 1 || labelColor !== firstColor).toBe(true);
      const said = question("problems").locator(".dj-choice-limit");
      await expect.poll(() => said.isVisible()).toBe(true);
      expect(await said.innerText()).toContain(note);
      expect(await fourth.locator("input").getAttribute("aria-describedby")).toContain(await said.getAttribute("id"));
      await question("problems").screenshot({ path: `${SCREENS}/choice-limit-${lang}.png` });
      // Taking one back frees the others and the note goes.
      await question("problems").getByText(`${choice}1`, { exact: true }).click();
      await expect.poll(() => fourth.locator("input").isDisabled()).toBe(false);
      expect(await said.isVisible()).toBe(false);
    });
  }
});

describe("number boxes", () => {
  for (const [lang, query, next, wholeNumber, notANumber, atLeast, numericValidator] of [
    ["zh-Hans", "", "下一页", "请填写非负整数", "请填写数字", "不能小于 0", "答案必须是个数字"],
    ["en", "?lang=en", "Next", "Please enter a whole number (0 or more)", "Please enter a number", "less than 0", "should be numeric"],
  ] as const) {
    it(`keep what was typed and say why it is refused (${lang})`, async () => {
      await open(query);
      const staff = question("staff").locator("input");
      const budget = question("budget").locator("input");
      const errors = (name: string) => question(name).locator(".sd-question__erbox").first().innerText();
      for (const [typed, why] of [
        ["-3", atLeast],
        // Staff's own validators refuse these, in their own words; no second message.
        ["1e3", wholeNumber],
        ["12人", numericValidator],
        ["12.5", wholeNumber],
      ]) {
        await staff.fill("");
        await staff.pressSequentially(typed);
        expect(await staff.inputValue()).toBe(typed);
        await pages.page.getByRole("button", { name: next, exact: true }).click();
        expect(await staff.inputValue()).toBe(typed);
        await expect.poll(() => errors("staff")).toContain(why);
        expect(await errors("staff")).not.toContain(notANumber);
        if (typed === "12人") await question("staff").screenshot({ path: `${SCREENS}/number-refused-${lang}.png` });
      }
      // A number question without validators refuses text that is no number, and keeps it.
      await staff.fill("");
      await staff.pressSequentially("12");
      await budget.pressSequentially("12万");
      await pages.page.getByRole("button", { name: next, exact: true }).click();
      expect(await budget.inputValue()).toBe("12万");
      await expect.poll(() => errors("budget")).toContain(notANumber);
      await question("budget").screenshot({ path: `${SCREENS}/number-not-a-number-${lang}.png` });
      // What is a number goes in as a number.
      await budget.fill("");
      await budget.pressSequentially("-1.5");
      await staff.blur();
      expect(await pages.page.evaluate(() => (window as unknown as { survey: { data: Record<string, unknown> } }).survey.data)).toMatchObject({ staff: 12, budget: -1.5 });
      await pages.page.getByRole("button", { name: next, exact: true }).click();
      await expect.poll(() => progress()).toMatch(/2/);
    });
  }
});
