import { unzipSync } from "fflate";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.js";
import type { Database } from "../../src/db/client.js";
import { attachmentHeader } from "../../src/lib/attachment-header.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";
import { publishReferenceWithDemo } from "../services/export/demo-fixture.js";
import { readSav } from "../services/export/sav-reader.js";

const SURVEY = "dangjian-innovation-2023";
let database: Database;
let app: ReturnType<typeof testApp>;
let auth: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  auth = { authorization: (await researcherHeaders(database)).authorization };
  await publishReferenceWithDemo(database.db, SURVEY, 120);
  // Twenty responses on 1 May 2023 (Beijing), the rest on 2 May.
  await database.db.execute(sql`update responses set created_at = case when id in (select id from responses order by id limit 20)
    then '2023-05-01T12:00:00+08:00'::timestamptz else '2023-05-02T12:00:00+08:00'::timestamptz end`);
});
afterAll(async () => database.close());

const get = (query: string, headers = auth) => app.request(`/api/surveys/${SURVEY}/export${query}`, { headers });
const problem = async (res: Response) => ({
  status: res.status,
  type: res.headers.get("content-type"),
  body: (await res.json()) as { detail: string; errors?: { question: string }[] },
});

describe("happy path", () => {
  it("streams CSV with a UTF-8 file name for the Chinese title", async () => {
    const res = await get("?format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${SURVEY}.csv"; filename*=UTF-8''${encodeURIComponent("社会组织党建工作创新调查问卷.csv")}`);
    expect(res.body).toBeInstanceOf(ReadableStream);
    // Response.text() would drop the byte-order mark: look at the bytes.
    const text = Buffer.from(await res.arrayBuffer()).toString("utf8");
    expect(text.startsWith("\uFEFFresponse_id,version,complete,")).toBe(true);
    expect(text.trimEnd().split("\r\n")).toHaveLength(121);
  });

  it("answers every format", async () => {
    const sav = await get("?format=sav&labels=en");
    expect(sav.headers.get("content-type")).toBe("application/x-spss-sav");
    const file = readSav(Buffer.from(await sav.arrayBuffer()));
    expect(file.cases).toBe(120);
    expect(file.variables.find((v) => v.name === "city")!.valueLabels.get(1)).toBe("Beijing");

    const xlsx = await get("?format=xlsx&labels=zh-Hant");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["答卷資料", "變數說明 codebook"]);
    expect(workbook.worksheets[0].rowCount).toBe(121);

    const jsonl = await get("?format=jsonl&labels=values");
    expect(jsonl.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const lines = (await jsonl.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(120);
    expect(["北京", "南京"]).toContain(lines[0].city);
  });

  it("filters by date (Beijing days), completeness and version", async () => {
    const count = async (query: string) => (await (await get(`?format=jsonl${query}`)).text()).trim().split("\n").filter(Boolean).length;
    expect(await count("&from=2023-05-01&to=2023-05-01")).toBe(20);
    expect(await count("&from=2023-05-02")).toBe(100);
    expect(await count("&to=2023-04-30")).toBe(0);
    expect(await count("&complete=false")).toBe(0);
    expect(await count("&complete=true&version=1")).toBe(120);
  });

  it("bundles data and codebook in a zip, and serves the codebook alone", async () => {
    const zip = await get("?format=sav&bundle=zip");
    expect(zip.headers.get("content-type")).toBe("application/zip");
    expect(Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())))).toEqual([`${SURVEY}.sav`, `${SURVEY}.codebook.csv`, `${SURVEY}.codebook.json`]);
    const codebook = await app.request(`/api/surveys/${SURVEY}/export/codebook?format=json&labels=en`, { headers: auth });
    const body = (await codebook.json()) as { variables: { variable: string; label: string }[] };
    expect(body.variables.find((v) => v.variable === "org_type")!.label).toBe("Type of your organisation");
    const csv = await app.request(`/api/surveys/${SURVEY}/export/codebook?format=csv`, { headers: auth });
    expect(csv.headers.get("content-disposition")).toContain("codebook.csv");
    expect(Buffer.from(await csv.arrayBuffer()).toString("utf8")).toMatch(/^\uFEFF变量名,题目,变量标签/);
  });
});

describe("errors", () => {
  it("needs a researcher token", async () => {
    const res = await get("?format=csv", {});
    expect(res.status).toBe(401);
  });

  it("says which parameter is wrong", async () => {
    for (const [query, field] of [
      ["?format=pdf", "format"],
      ["?labels=fr", "labels"],
      ["?complete=maybe", "complete"],
      ["?from=yesterday", "from"],
      ["?version=0", "version"],
      ["?bundle=tar", "bundle"],
    ]) {
      const res = await problem(await get(query));
      expect(res.status, query).toBe(400);
      expect(res.type).toContain("application/problem+json");
      expect(res.body.errors![0].question).toBe(field);
    }
  });

  it("answers 404 for an unknown survey or version", async () => {
    expect((await app.request("/api/surveys/nope/export", { headers: auth })).status).toBe(404);
    expect((await get("?version=9")).status).toBe(404);
  });
});

describe("security", () => {
  it("keeps header injection and path characters out of the file name", () => {
    const header = attachmentHeader('a"b.csv', '问卷/..\\"\r\nx.csv');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(`attachment; filename="a_b.csv"; filename*=UTF-8''${encodeURIComponent("问卷_.._x.csv")}`);
  });
});
