import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { attachmentHeader } from "../../src/lib/attachment-header.js";
import { XLSFORM_BODY_LIMIT } from "../../src/routes/xlsform.js";
import { publishSurvey } from "../../src/services/surveys.js";
import { readBook, writeBook } from "../../src/services/xlsform/workbook.js";
import { fromXlsForm } from "../../src/questionnaire/xlsform/from-xlsform.js";
import { signedInCookie } from "../helpers/accounts.js";
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

const SURVEY = "dangjian-innovation-2023";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const reference = JSON.parse(readFileSync(`surveys/${SURVEY}.json`, "utf8"));
let database: Database;
let app: ReturnType<typeof testApp>;
let bearer: string;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  bearer = (await researcherHeaders(database)).authorization;
  await publishSurvey(database.db, SURVEY, reference);
});
afterAll(async () => database.close());

const download = (query = "", headers: Record<string, string> = { authorization: bearer }) => app.request(`/api/surveys/${SURVEY}/questionnaire.xlsx${query}`, { headers });
const upload = (body: BodyInit, headers: Record<string, string> = {}) =>
  app.request("/api/questionnaires/from-xlsx", { method: "POST", headers: { authorization: bearer, "content-type": XLSX, ...headers }, body });

describe("happy path", () => {
  it("writes a survey's version as a workbook that reads back into its questionnaire", async () => {
    const res = await download("?version=1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX);
    expect(res.headers.get("content-disposition")).toBe(attachmentHeader(`${SURVEY}.v1.xlsx`, `${SURVEY}.v1.xlsx`));
    const bytes = new Uint8Array(await res.arrayBuffer());
    const book = await readBook(bytes);
    expect([...book.keys()]).toEqual(["survey", "choices", "settings", "notes"]);
    const back = await upload(bytes);
    expect(back.status).toBe(200);
    const json = (await back.json()) as { title: unknown; pages: { name: string }[] };
    expect(json.title).toEqual(reference.title);
    expect(json.pages.map((p) => p.name)).toEqual(reference.pages.map((p: { name: string }) => p.name));
  });

  it("offers the template: the reference study's first page, ready to read", async () => {
    const res = await app.request("/api/questionnaires/template.xlsx", { headers: { authorization: bearer } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(attachmentHeader("questionnaire-template.xlsx", "问卷模板.xlsx"));
    const result = fromXlsForm(await readBook(new Uint8Array(await res.arrayBuffer())));
    expect(result.ok && result.json.pages).toEqual([reference.pages[0]]);
  });
});

describe("errors", () => {
  it("answers 422 with every problem by sheet, row, column and value, in the reader's language", async () => {
    const bytes = await writeBook([
      {
        name: "survey",
        headers: ["type", "name", "label", "relevant"],
        rows: [
          { row: 2, cells: ["select_one nolist", "a", "A", ""] },
          { row: 3, cells: ["text", "b", "B", "pulldata('x')"] },
        ],
      },
    ]);
    const res = await upload(bytes, { "accept-language": "zh-Hant" });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    const body = (await res.json()) as { detail: string; errors: Record<string, unknown>[] };
    expect(body.detail).toBe("活頁簿中有 2 個問題，未轉換任何內容。請改正後重新上傳整個活頁簿。");
    expect(body.errors).toEqual([
      { question: "survey!type:2", sheet: "survey", row: 2, column: "type", value: "select_one nolist", code: "unknown_list", message: "choices 工作表中沒有選項表「nolist」。" },
      {
        question: "survey!relevant:3",
        sheet: "survey",
        row: 3,
        column: "relevant",
        value: "pulldata('x')",
        code: "unsupported_expression",
        message: expect.stringContaining("「pulldata()」無法轉換"),
      },
    ]);
  });

  it("refuses what is not a workbook (422), an empty body (400) and a body over the limit (413)", async () => {
    expect((await upload("type,name\ntext,a\n")).status).toBe(422);
    expect((await upload(new Uint8Array(0))).status).toBe(400);
    expect((await upload(new Uint8Array(XLSFORM_BODY_LIMIT + 1))).status).toBe(413);
  });

  it("answers 404 for a version the survey does not have", async () => {
    expect((await download("?version=99")).status).toBe(404);
  });
});

describe("security", () => {
  it("asks for a researcher (401), and to a non-member the survey does not exist (404)", async () => {
    expect((await download("", {})).status).toBe(401);
    expect((await upload(new Uint8Array([1]), { authorization: "" })).status).toBe(401);
    expect((await app.request("/api/questionnaires/template.xlsx")).status).toBe(401);
    const cookie = await signedInCookie(app, database, "outsider");
    expect((await download("", { cookie })).status).toBe(404);
    expect((await app.request("/api/questionnaires/template.xlsx", { headers: { cookie } })).status).toBe(200);
  });
});
