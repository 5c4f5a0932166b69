/**
 * The variables page in Chromium (issue 14, item 2): the census's derived variables made by
 * clicks alone — staff counts binned into ranges, member_count = 0, reg_level's choices ticked
 * into groups — and each one's frequencies as the page shows them, read against the API's
 * figures; a response arriving updates the open check (live results); a variable edited and
 * deleted. Screenshots in zh-Hans and en under /tmp/screens/variables/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCensusResponses } from "../../src/demo/index.js";
import { AnswerCheckers } from "../../src/services/answer-checkers.js";
import { loadDemoData } from "../../src/services/demo.js";
import { publishSurvey } from "../../src/services/surveys.js";
import { newPage, openWorkspace, signInByApi, submit, type Workspace } from "./workspace-server.js";

const CENSUS = "org-coverage-census";
const SCREENS = "/tmp/screens/variables";
const censusJson = JSON.parse(readFileSync(new URL("../../surveys/org-coverage-census.json", import.meta.url), "utf8"));

let workspace: Workspace;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  workspace = await openWorkspace();
  await publishSurvey(workspace.database.db, CENSUS, censusJson);
  // Only the census is published here, so only its 196 organisations are loaded.
  await loadDemoData(workspace.database.db, new AnswerCheckers());
  mkdirSync(SCREENS, { recursive: true });
}, 300_000);
afterAll(async () => {
  await context?.close();
  await workspace?.close();
});

const url = (path: string) => `${workspace.server.origin}${path}`;

/** The API's frequencies of a question or variable, with the page's own session. */
async function apiFrequencies(question: string) {
  const res = await context.request.post(url(`/api/surveys/${CENSUS}/analysis/frequencies`), { data: { question } });
  expect(res.status()).toBe(200);
  return (await res.json()) as { labels: string[]; counts: number[]; n: number; casePercent: number[] };
}

/** The figures the page's check shows for a variable. */
async function pageFrequencies(name: string) {
  const check = page.locator(`.variable-check[data-variable="${name}"]`);
  await check.locator(".base").waitFor();
  const labels = await check.locator("tbody th").allTextContents();
  const counts = await check.locator("tbody td[data-count]").evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-count"))));
  const n = Number(await check.locator(".base").getAttribute("data-n"));
  return { labels, counts, n };
}

describe("the census sentence by clicks", () => {
  it("bins staff_count, flags member_count = 0, groups reg_level; the page's figures are the API's", async () => {
    ({ context, page, problems } = await newPage(workspace, { height: 1200 }));
    await signInByApi(workspace, context);
    await page.goto(url(`/w/surveys/${CENSUS}/variables`));
    await page.locator(".variable-form").waitFor();
    await page.screenshot({ path: `${SCREENS}/empty-zh-Hans.png`, fullPage: true });

    // Staff in three ranges.
    await page.getByLabel("名称").fill("staff_band");
    await page.getByLabel("标签").fill("从业人员规模");
    await page.getByLabel("来源题目").selectOption("staff_count");
    await page.getByLabel("数值分段").check();
    const bin = (i: number) => page.locator(`tr[data-bin="${i}"]`);
    await bin(0).locator(".bin-label").fill("1–9");
    await bin(0).locator(".bin-max").fill("10");
    await page.getByRole("button", { name: "添加分段" }).click();
    await bin(1).locator(".bin-label").fill("10–49");
    await bin(1).locator(".bin-min").fill("10");
    await bin(1).locator(".bin-max").fill("50");
    await page.getByRole("button", { name: "添加分段" }).click();
    await bin(2).locator(".bin-label").fill("50+");
    await bin(2).locator(".bin-min").fill("50");
    await page.screenshot({ path: `${SCREENS}/bins-form-zh-Hans.png`, fullPage: true });
    await page.getByRole("button", { name: "定义变量" }).click();
    await page.getByText("已定义 staff_band。").waitFor();

    const staffPage = await pageFrequencies("staff_band");
    const staffApi = await apiFrequencies("staff_band");
    expect(staffPage).toEqual({ labels: staffApi.labels, counts: staffApi.counts, n: staffApi.n });
    expect(staffPage.n).toBe(196);
    // "Most have fewer than 10 staff."
    expect(staffPage.counts[0] / staffPage.n).toBeGreaterThan(0.5);
    await page.screenshot({ path: `${SCREENS}/staff-band-zh-Hans.png`, fullPage: true });

    // No party member: member_count = 0.
    await page.getByLabel("名称").fill("no_member");
    await page.getByLabel("标签").fill("没有党员");
    await page.getByLabel("来源题目").selectOption("member_count");
    await page.getByLabel("等于某值").check();
    await page.locator("#var-number").fill("0");
    await page.getByRole("button", { name: "定义变量" }).click();
    await page.getByText("已定义 no_member。").waitFor();
    const memberPage = await pageFrequencies("no_member");
    const memberApi = await apiFrequencies("no_member");
    expect(memberPage).toEqual({ labels: ["是", "否"], counts: memberApi.counts, n: memberApi.n });
    // "Over 98 % have no party member."
    expect(memberPage.counts[0] / memberPage.n).toBeGreaterThan(0.98);
    await page.screenshot({ path: `${SCREENS}/no-member-zh-Hans.png`, fullPage: true });

    // reg_level's choices ticked into two groups; a choice in one group cannot be ticked in the other.
    await page.getByLabel("名称").fill("city_level");
    await page.getByLabel("来源题目").selectOption("reg_level");
    const group = (i: number) => page.locator(`fieldset[data-group="${i}"]`);
    await group(0).locator(".group-name").fill("市级");
    await group(0).locator('input[data-choice="市"]').check();
    await page.getByRole("button", { name: "添加分组" }).click();
    await group(1).locator(".group-name").fill("区及以下");
    expect(await group(1).locator('input[data-choice="市"]').isDisabled()).toBe(true);
    await group(1).locator('input[data-choice="区(县)"]').check();
    await group(1).locator('input[data-choice="街道(乡镇)"]').check();
    await page.screenshot({ path: `${SCREENS}/groups-form-zh-Hans.png`, fullPage: true });
    await page.getByRole("button", { name: "定义变量" }).click();
    await page.getByText("已定义 city_level。").waitFor();
    const cityPage = await pageFrequencies("city_level");
    const cityApi = await apiFrequencies("city_level");
    expect(cityPage).toEqual({ labels: ["市级", "区及以下"], counts: cityApi.counts, n: cityApi.n });
    expect(cityPage.n).toBe(196);

    // A new organisation arrives: the open check shows it without a reload (live results).
    const organisation = generateCensusResponses(censusJson)[0].data as Record<string, unknown>;
    await submit(workspace.server, CENSUS, { ...organisation, reg_level: "市" });
    await page.locator('.variable-check[data-variable="city_level"] .base[data-n="197"]').waitFor({ timeout: 15_000 });
    expect((await pageFrequencies("city_level")).counts[0]).toBe(cityApi.counts[0] + 1);

    // A refusal in the page's language, naming the field.
    await page.getByLabel("名称").fill("staff_count");
    await page.getByLabel("来源题目").selectOption("member_count");
    await page.getByLabel("等于某值").check();
    await page.locator("#var-number").fill("0");
    await page.getByRole("button", { name: "定义变量" }).click();
    await page.locator(".problem").getByText("name: “staff_count”已是本问卷某道题目的名称").waitFor();
    await page.screenshot({ path: `${SCREENS}/refusal-zh-Hans.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it("edits and deletes a variable", async () => {
    await page.locator('tr[data-variable="city_level"] .edit').click();
    await page.getByText("正在编辑 city_level").waitFor();
    expect(await page.locator("#var-name").inputValue()).toBe("city_level");
    expect(await page.locator('fieldset[data-group="1"] input[data-choice="区(县)"]').isChecked()).toBe(true);
    await page.locator('fieldset[data-group="0"] .group-name').fill("市本级");
    await page.getByRole("button", { name: "保存修改" }).click();
    await page.getByText("已保存 city_level。").waitFor();
    expect((await pageFrequencies("city_level")).labels).toEqual(["市本级", "区及以下"]);
    await page.locator('tr[data-variable="city_level"]').getByRole("button", { name: "删除" }).click();
    await page.locator(".confirm").getByRole("button", { name: "删除" }).click();
    await page.getByText("已删除 city_level。").waitFor();
    const list = await context.request.get(url(`/api/surveys/${CENSUS}/variables`));
    expect(((await list.json()) as { variables: { name: string }[] }).variables.map((v) => v.name)).toEqual(["staff_band", "no_member"]);
    expect(problems).toEqual([]);
  });

  it("in English: the words, the yes/no labels and the figures", async () => {
    await context.close();
    ({ context, page, problems } = await newPage(workspace, { height: 1200, locale: "en-GB" }));
    await signInByApi(workspace, context);
    await page.goto(url(`/w/surveys/${CENSUS}/variables?lang=en`));
    await page.locator('tr[data-variable="no_member"]').getByRole("button", { name: "Frequencies" }).click();
    const memberPage = await pageFrequencies("no_member");
    expect(memberPage.labels).toEqual(["Yes", "No"]);
    expect(memberPage.n).toBe(197);
    await page.getByLabel("From question").selectOption("reg_level");
    await page.screenshot({ path: `${SCREENS}/variables-en.png`, fullPage: true });
    expect(problems).toEqual([]);
  });
});
