import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { responses } from "../../src/db/schema/index.js";
import { createLink } from "../../src/services/links.js";
import { publishSurvey } from "../../src/services/surveys.js";
import { createToken } from "../../src/services/tokens.js";
import { respondentPages } from "./respondent-pages.js";

const SCREENS = "/tmp/screens";

let token: string;
const pages = respondentPages({
  viewport: { width: 900, height: 1000 },
  screens: SCREENS,
  seed: async (database) => {
    await publishSurvey(database.db, "linked", {
      title: { default: "街道党建工作调查", "zh-tw": "街道黨建工作調查", en: "Street party-building survey" },
      pages: [{ name: "p1", elements: [{ type: "text", name: "org_name", title: { default: "单位名称", "zh-tw": "單位名稱", en: "Organisation" } }] }],
    });
    token = (await createToken(database.db, "browser")).token;
  },
});

describe("answering through a collection link", () => {
  it("sends the link's code with the answers, and the stored response has the unit", async () => {
    const link = await createLink(pages.database.db, "linked", { unit: "朝阳区" });
    await pages.page.goto(`${pages.server.origin}/s/linked?c=${link.code}`);
    await pages.page.locator(".sd-root-modern").waitFor();
    await pages.page.getByRole("textbox").fill("红星社区党委");
    const posted = pages.page.waitForRequest((r) => r.url().endsWith("/api/surveys/linked/responses") && r.method() === "POST");
    const answered = pages.page.waitForResponse((r) => r.url().endsWith("/api/surveys/linked/responses"));
    await pages.page.getByRole("button", { name: "提交问卷", exact: true }).click();
    const body = (await posted).postDataJSON() as { id: string; link?: string };
    expect(body.link).toBe(link.code);
    expect((await answered).status()).toBe(201);
    const [row] = await pages.database.db.select({ unit: responses.unit, data: responses.data }).from(responses).where(eq(responses.id, body.id));
    expect(row).toEqual({ unit: "朝阳区", data: { org_name: "红星社区党委" } });
  });
});

describe("the sheet of cards", () => {
  it.each(["zh-Hans", "zh-Hant", "en"])("prints in %s with no script running and the unit's name as text", async (lang) => {
    if (lang === "zh-Hans") {
      await createLink(pages.database.db, "linked", { unit: "海淀区", label: "区委组织部", expected: 120 });
      await createLink(pages.database.db, "linked", { unit: "<img src=x onerror=alert(1)>", label: "测试" });
    }
    let dialogs = 0;
    pages.page.on("dialog", (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await pages.page.setExtraHTTPHeaders({ authorization: `Bearer ${token}` });
    const res = await pages.page.goto(`${pages.server.origin}/api/surveys/linked/links/cards?lang=${lang}`);
    expect(res?.status()).toBe(200);
    await pages.page.screenshot({ path: `${SCREENS}/link-cards-${lang}.png`, fullPage: true });
    expect(dialogs).toBe(0);
    expect(await pages.page.locator(".card img").count()).toBe(0);
    await expect(pages.page.locator(".unit").allInnerTexts()).resolves.toContain("<img src=x onerror=alert(1)>");
    expect(await pages.page.locator(".card svg").count()).toBeGreaterThanOrEqual(3);
  });
});
