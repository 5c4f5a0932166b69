/**
 * Import cells the database cannot keep (issue 11): U+0000 (PostgreSQL's jsonb refuses it) and
 * unpaired UTF-16 surrogates (not text) in a CSV or XLSX cell are findings naming the row and
 * column, in the caller's language, with nothing stored. Property-based over whole CSV bodies
 * too: never a 5xx, never a row stored from a refused file. On PGlite, and on PostgreSQL when
 * DATABASE_URL is set.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { responses } from "../../src/db/schema/index.js";
import { hasForbiddenCharacters } from "../../src/lib/user-text.js";
import { publishSurvey } from "../../src/services/surveys.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
let database: Database;
let app: ReturnType<typeof testApp>;
let auth: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  auth = { authorization: (await researcherHeaders(database)).authorization };
  await publishSurvey(database.db, "small", small);
});
afterAll(async () => database?.close());

type Problem = { status: number; detail: string; errors?: { row: number; column: string | null; cell: string | null; question: string; code: string; message: string }[] };
const count = async () => (await database.db.select({ id: responses.id }).from(responses)).length;
const importCsv = async (text: string, lang = "en") => {
  const res = await app.request("/api/surveys/small/import", {
    method: "POST",
    headers: { ...auth, "content-type": "text/csv; charset=utf-8", "accept-language": lang },
    body: text,
  });
  return { status: res.status, body: (await res.json()) as Problem };
};
/**
 * exceljs drops U+0000 and writes a lone surrogate as U+FFFD; Excel writes such characters with
 * the OOXML escape `_xHHHH_`, which readers (exceljs's too) turn back into the character.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what is escaped.
const excelEscaped = (text: string) => text.replace(/[\u0000\ud800-\udfff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
const importXlsx = async (rows: string[][], lang = "en") => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("data");
  for (const row of rows) sheet.addRow(row.map(excelEscaped));
  const body = new Uint8Array(await workbook.xlsx.writeBuffer());
  const res = await app.request("/api/surveys/small/import", { method: "POST", headers: { ...auth, "content-type": XLSX, "accept-language": lang }, body });
  return { status: res.status, body: (await res.json()) as Problem };
};

const HEADER = ["id", "level", "main_problems", "main_problems_other_text", "suggestions"];
const csvOf = (rows: string[][]) => rows.map((r) => r.join(",")).join("\n");

describe("a cell the database cannot keep", () => {
  // A CSV body is UTF-8, which cannot carry a lone surrogate (it would be invalid UTF-8, read as
  // GB18030): those come in XLSX cells.
  it.each([
    ["U+0000 in a CSV text answer", "csv", ["r2", "市", "经费不足", "", "a\u0000b"], "E3", "suggestions"],
    ["U+0000 in a CSV other-text", "csv", ["r2", "市", "其他", "x\u0000", ""], "D3", "main_problems"],
    ["U+0000 in a CSV id", "csv", ["r\u00002", "市", "经费不足", "", ""], "A3", "(id)"],
    ["a lone surrogate in an XLSX text answer", "xlsx", ["r2", "市", "经费不足", "", "x\ud800y"], "E3", "suggestions"],
    ["a lone low surrogate in an XLSX choice", "xlsx", ["r2", "\udc00", "经费不足", "", ""], "B3", "level"],
    ["U+0000 in an XLSX other-text", "xlsx", ["r2", "市", "其他", "\u0000", ""], "D3", "main_problems"],
  ] as const)("%s is a 422 naming the row and column, nothing stored", async (_, format, line, cell, question) => {
    const before = await count();
    const rows = [HEADER, ["r1", "市", "经费不足", "", "fine"], [...line]];
    const res = format === "csv" ? await importCsv(csvOf(rows)) : await importXlsx(rows);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 3, column: HEADER[cell.charCodeAt(0) - 65], cell, question, code: "unstorable_text" })]);
    expect(res.body.errors?.[0].message).toMatch(/U\+0000/);
    expect(await count()).toBe(before);
  });

  it("says so in the caller's language", async () => {
    const csv = csvOf([HEADER, ["r1", "市", "经费不足", "", "a\u0000b"]]);
    const zh = await importCsv(csv, "zh-CN");
    expect(zh.body.errors?.[0]).toMatchObject({ code: "unstorable_text", message: expect.stringMatching(/无法保存/) });
    const hant = await importCsv(csv, "zh-TW");
    expect(hant.body.errors?.[0]).toMatchObject({ code: "unstorable_text", message: expect.stringMatching(/無法儲存/) });
  });
});

/**
 * Rows that would import but for what is slipped into their cells: mostly good answers, some
 * with a hostile piece put before, inside or after the cell's text (so the other checks do not
 * refuse the file first).
 */
const hostilePiece = fc.constantFrom("\u0000", "\ud800", "\udfff", "\udc00\ud800", "a\u0000b", "=1+1", '"', ",", "\n", "社会组织", " ");
const goodRow = fc.tuple(
  fc.uuid(),
  fc.constantFrom("市", "区(县)", "社区(村)"),
  fc.constantFrom("经费不足", "其他", "创新动力不足;经费不足"),
  fc.constantFrom("", "自有场地"),
  fc.string({ maxLength: 8 }),
);
const spoiled = (cell: string) =>
  fc.option(
    fc.tuple(hostilePiece, fc.nat(cell.length)).map(([piece, at]) => cell.slice(0, at) + piece + cell.slice(at)),
    { nil: cell, freq: 2 },
  );
const rows = fc.array(
  goodRow.chain((row) => fc.tuple(...row.map(spoiled))),
  { minLength: 1, maxLength: 3 },
);

describe("whole CSV bodies, property-based", () => {
  const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

  it("never answer 5xx, store nothing unless 201, and refuse every file holding such a cell", async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (cells) => {
        const text = [HEADER, ...cells].map((r) => r.map(quote).join(",")).join("\n");
        const before = await count();
        const res = await app.request("/api/surveys/small/import", { method: "POST", headers: { ...auth, "content-type": "text/csv; charset=utf-8" }, body: text });
        expect(res.status, `${res.status} for ${JSON.stringify(text)}: ${await res.clone().text()}`).toBeLessThan(500);
        if (res.status !== 201) expect(await count()).toBe(before);
        // Every column here is read. (Lone surrogates leave as U+FFFD: the body is sent as UTF-8.)
        if (hasForbiddenCharacters(new TextDecoder().decode(new TextEncoder().encode(text)))) expect(res.status).toBe(422);
      }),
      { numRuns: 100, seed: 20261202 },
    );
  }, 240_000);
});

describe("whole XLSX sheets, property-based", () => {
  it("never answer 5xx, store nothing unless 201, and refuse every sheet holding such a cell", async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (cells) => {
        const before = await count();
        const res = await importXlsx([HEADER, ...cells]);
        expect(res.status, `${res.status} for ${JSON.stringify(cells)}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
        if (res.status !== 201) expect(await count()).toBe(before);
        if (cells.some((r) => r.some((c) => hasForbiddenCharacters(c)))) expect(res.status).toBe(422);
      }),
      { numRuns: 60, seed: 20261202 },
    );
  }, 240_000);
});
