/**
 * The editor's Chinese auto-fill and question bank in Chromium against the real app: a new
 * survey's Simplified title filled into Traditional (marked until confirmed, saved with the
 * draft's list of converted texts, previewed in 繁體中文), the Taiwan/Hong Kong choice kept per
 * survey on the server (seen from another browser), and a shipped question found by 层级 and inserted (renamed: its name was taken).
 * Screenshots go to /tmp/editor-screens (not committed).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { editorSession, SCREENS } from "./editor-session.js";
import { ADMIN } from "./workspace-server.js";

const NAME = "bank-study";
const s = editorSession();
let page: Page;

const url = s.url;
const preview = s.preview;
const field = s.field;
/** The form field of one text, marked as converted. */
const marked = (name: string) => page.locator(".element-form .field-converted").filter({ has: page.locator(`[data-field="${name}"]`) });
const outlineNames = s.outlineNames;
const draftOnServer = () => s.draftOnServer(NAME);
const save = s.save;

describe("the editor's Chinese auto-fill and question bank", () => {
  it("fills zh-Hant with a mark to confirm, and inserts a bank question after the selection", async () => {
    page = await s.open();
    const made = await s.context.request.post(url("/api/surveys/new"), { data: { name: NAME, from: { kind: "empty" }, title: "繁体测试问卷" } });
    expect(made.status()).toBe(201);
    await page.goto(url(`/w/surveys/${NAME}/edit`));
    await preview().waitFor();

    await page.getByLabel("新题目的题型").selectOption({ label: "单选" });
    await page.getByRole("button", { name: "添加题目", exact: true }).click();
    await field("name").fill("level");
    await field("title-zh-Hans").fill("您所在的层级");
    await field("choices").fill("city=市\ndistrict=区");

    // Hong Kong, kept for this survey.
    await page.getByLabel("繁体标准").selectOption("hk");
    await page.getByRole("button", { name: "自动填写繁体" }).click();
    await page
      .locator(".chinese-panel [role=status]")
      .getByText(/已自动填写 \d+ 处文字/)
      .waitFor();
    await expect(field("title-zh-Hant").inputValue()).resolves.toBe("您所在的層級");
    const mark = marked("title-zh-Hant");
    await mark.getByText("自动转换").waitFor();
    // A text a person wrote is never marked.
    await expect(
      page
        .locator(".field-converted")
        .filter({ has: field("title-zh-Hans") })
        .count(),
    ).resolves.toBe(0);
    await page.locator(".element-form").screenshot({ path: `${SCREENS}/converted-marks.png` });
    await page.locator(".editor-bar").screenshot({ path: `${SCREENS}/convert-toolbar.png` });
    await save();
    expect((await draftOnServer()).converted).toContain("question:level/title@zh-Hant");

    // The preview in Traditional shows the converted title.
    await page.locator(".editor-preview").getByRole("button", { name: "繁體中文" }).click();
    await preview().getByText("您所在的層級").first().waitFor();

    // Confirming removes the mark, and the entry from the saved list.
    await mark.getByRole("button", { name: "确认" }).click();
    await expect(
      page
        .locator(".field-converted")
        .filter({ has: field("title-zh-Hant") })
        .count(),
    ).resolves.toBe(0);
    await save();
    const confirmed = await draftOnServer();
    expect(confirmed.converted ?? []).not.toContain("question:level/title@zh-Hant");
    expect(confirmed.json.pages[0].elements[0]).toMatchObject({ title: { default: "您所在的层级", "zh-tw": "您所在的層級" } });

    // Typing into a converted field removes its mark too: the choices' texts were converted.
    await field("description-zh-Hans").fill("请按网络上的名称选择一项");
    await page.getByRole("button", { name: "自动填写繁体" }).click();
    const described = marked("description-zh-Hant");
    await described.getByText("自动转换").waitFor();
    // Filled by the survey's standard, Hong Kong's: 网络 is 網絡 there (網路 in Taiwan).
    await expect(field("description-zh-Hant").inputValue()).resolves.toBe("請按網絡上的名稱選擇一項");
    await field("description-zh-Hant").fill("請選擇一項。");
    await expect(described.count()).resolves.toBe(0);
    // Nothing left to fill: said so, rather than "0 texts".
    await page.getByRole("button", { name: "自动填写繁体" }).click();
    await page.locator(".chinese-panel [role=status]").getByText("没有需要填写的").waitFor();

    // A rename carries the question's marks (here its choices') to the new name.
    await field("name").fill("tier");
    await save();
    const renamed = (await draftOnServer()).converted ?? [];
    expect(renamed).toContain("question:tier/choices:city/text@zh-Hant");
    expect(renamed.filter((e) => e.startsWith("question:level/"))).toEqual([]);
    await field("name").fill("level");

    // The standard is the survey's, kept on the server: after a reload, and in another browser.
    await save();
    expect((await draftOnServer()).traditionalStandard).toBe("hk");
    await page.reload();
    await preview().waitFor();
    await expect(page.getByLabel("繁体标准").inputValue()).resolves.toBe("hk");
    const other = await s.workspace.browser.newContext({ locale: "zh-CN" });
    const elsewhere = await other.newPage();
    await other.request.post(url("/api/session"), { data: { login: ADMIN.login, password: ADMIN.password } });
    await elsewhere.goto(url(`/w/surveys/${NAME}/edit`));
    await expect(elsewhere.getByLabel("繁体标准").inputValue()).resolves.toBe("hk");
    await other.close();

    // The bank: 层级 finds the shipped question; inserted after `level`, renamed since `level` is taken.
    await page.locator('.outline-row[data-name="level"] .outline-pick').click();
    await page.locator(".bank summary").click();
    await page.getByLabel("搜索题库").fill("层级");
    const hit = page.locator(".bank-results li").filter({ hasText: "您所在单位的层级" }).first();
    await hit.waitFor();
    await expect(hit.innerText()).resolves.toContain("单选");
    await page.locator(".editor-outline").screenshot({ path: `${SCREENS}/bank-panel.png` });
    await hit.getByRole("button", { name: "插入" }).click();
    await page.locator(".bank [role=status]").getByText("level 已改名为 level_2").waitFor();
    await expect(outlineNames()).resolves.toEqual(["page1", "level", "level_2"]);
    await expect(page.locator('.outline-row[data-name="level_2"] .outline-pick').getAttribute("aria-current")).resolves.toBe("true");
    await expect(field("name").inputValue()).resolves.toBe("level_2");
    await preview().getByText("您所在单位的层级").first().waitFor();
    await page.locator(".editor-preview").getByRole("button", { name: "繁體中文" }).click();
    await preview().getByText("您所在單位的層級").first().waitFor();
    await page.screenshot({ path: `${SCREENS}/bank-inserted.png` });

    // Its validator reads staff_count, which this draft lacks: a warning names it (`level` it has).
    await page.getByLabel("搜索题库").fill("党员");
    const member = page.locator(".bank-results li").filter({ hasText: "其中中共党员人数" }).first();
    await member.getByRole("button", { name: "插入" }).click();
    await page.locator(".bank [role=status]").getByText("已插入 member_count").waitFor();
    await expect(page.locator(".bank [role=status] .problem").innerText()).resolves.toBe("它的逻辑引用了本草稿中没有的题目：staff_count。");
    await expect(outlineNames()).resolves.toEqual(["page1", "level", "level_2", "member_count"]);
    await save();
    expect((await draftOnServer()).json.pages[0].elements.map((e) => e.name)).toEqual(["level", "level_2", "member_count"]);
  }, 120_000);
});
