import { describe, expect, it } from "vitest";
import { publishSurvey } from "../../src/services/surveys.js";
import { respondentPages } from "./respondent-pages.js";

const SCREENS = "/tmp/screens";

/** One question in three languages. */
const survey = {
  title: { default: "语言测试问卷", "zh-tw": "語言測試問卷", en: "Language test" },
  completeText: { default: "提交问卷", "zh-tw": "提交問卷", en: "Submit" },
  pages: [
    {
      name: "p1",
      elements: [
        {
          type: "radiogroup",
          name: "level",
          title: { default: "层级", "zh-tw": "層級", en: "Level" },
          choices: [
            { value: "市", text: { default: "市", "zh-tw": "市", en: "City" } },
            { value: "区", text: { default: "区", "zh-tw": "區", en: "District" } },
          ],
        },
      ],
    },
  ],
};

const pages = respondentPages({
  viewport: { width: 900, height: 800 },
  screens: SCREENS,
  expected: (p) => p.includes("422"),
  seed: async (database) => {
    await publishSurvey(database.db, "languages", survey);
  },
});

/**
 * Answers the question, and on the way to the real server turns the answer into one that is
 * not a choice (the form itself would never send it), so the server's own refusal comes back.
 */
async function submitRefused(query: string, choice: string, submit: string): Promise<string | undefined> {
  let language: string | undefined;
  await pages.page.route(`${pages.server.origin}/api/surveys/languages/responses`, async (route) => {
    const request = route.request();
    language = request.headers()["accept-language"];
    const body = request.postDataJSON() as { data: Record<string, unknown> };
    body.data.level = "火星";
    await route.continue({ postData: JSON.stringify(body) });
  });
  await pages.page.goto(`${pages.server.origin}/s/languages${query}`);
  await pages.page.locator(".sd-root-modern").waitFor();
  await pages.page.getByText(choice, { exact: true }).click();
  await pages.page.getByRole("button", { name: submit, exact: true }).click();
  await expect.poll(() => pages.page.locator("#dj-edit").count(), { timeout: 10_000 }).toBe(1);
  return language;
}

describe("the server's refusal in the page's language", () => {
  it("shows a 422 in Traditional Chinese on the zh-tw page", async () => {
    const language = await submitRefused("?lang=zh-tw", "區", "提交問卷");
    expect(language).toBe("zh-TW");
    const status = await pages.page.locator("#dj-status").innerText();
    expect(status).toContain("答卷未被接受");
    expect(status).toContain('層級："火星" 不是選項之一。');
    await pages.page.screenshot({ path: `${SCREENS}/respondent-refusal-zh-tw.png`, fullPage: true });
  });

  it("shows a 422 in English on the en page", async () => {
    const language = await submitRefused("?lang=en", "District", "Submit");
    expect(language).toBe("en");
    const status = await pages.page.locator("#dj-status").innerText();
    expect(status).toContain("Answers not accepted");
    expect(status).toContain('Level: "火星" is not one of the choices.');
    await pages.page.screenshot({ path: `${SCREENS}/respondent-refusal-en.png`, fullPage: true });
  });
});
