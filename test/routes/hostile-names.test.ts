/**
 * Names and values that are properties of every plain object (issue 11), through the whole path:
 * publication, submission, every analysis in every format, every export, import back, the report.
 * The respondent page is driven in test/browser/hostile-names.test.ts.
 */
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { responses, surveys, surveyVersions } from "../../src/db/schema/index.js";
import { canonicalJson, hashJson } from "../../src/lib/canonical-hash.js";
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";
import { HOSTILE_VALUES, PROTOTYPE_NAMES, PUNCTUATED, hostileAnswers, hostileSurvey } from "../fixtures/hostile-names.js";

const SURVEY = "hostile-names";
const COUNT = 12;
let database: Database;
let app: ReturnType<typeof testApp>;
let headers: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  headers = await researcherHeaders(database);
});
afterAll(async () => database?.close());

const publish = (name: string, json: unknown) => app.request("/api/surveys", { method: "POST", headers, body: JSON.stringify({ name, json }) });
const submit = (name: string, body: unknown) =>
  app.request(`/api/surveys/${name}/responses`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const post = (path: string, body: unknown) => app.request(`/api/surveys/${SURVEY}/${path}`, { method: "POST", headers, body: JSON.stringify(body) });
const get = (path: string) => app.request(`/api/surveys/${SURVEY}/${path}`, { headers });
const text = async (res: Response) => Buffer.from(await res.arrayBuffer()).toString("utf8");
const problemOf = async (res: Response) => ({
  status: res.status,
  type: res.headers.get("content-type"),
  body: (await res.json()) as { errors?: { question: string; code?: string }[] },
});

describe("publication", () => {
  it.each([...PROTOTYPE_NAMES, "CONSTRUCTOR"])("refuses a question named %s, which survey-core cannot hold (422 naming it)", async (name) => {
    const res = await problemOf(
      await publish("refused", {
        elements: [
          { type: "text", name: "fine" },
          { type: "text", name },
        ],
      }),
    );
    expect(res.status).toBe(422);
    expect(res.type).toContain("application/problem+json");
    expect(res.body.errors).toEqual([expect.objectContaining({ question: `elements[1] (${name})`, code: "bad_name" })]);
  });

  it("refuses such names for what survey-core keys answers by, and a name survey-core would change", async () => {
    const json = {
      elements: [
        { type: "text", name: "q1", valueName: "toString" },
        { type: "matrixdropdown", name: "md", rows: ["r", "__proto__"], columns: [{ name: "constructor", cellType: "text" }] },
        { type: "matrix", name: "m", rows: ["toString"], columns: ["toString"] },
        { type: "multipletext", name: "mt", items: [{ name: "a" }, { name: "__proto__" }] },
        { type: "paneldynamic", name: "pd", templateElements: [{ type: "text", name: "valueOf" }] },
        { type: "text", name: 'a"{},\\b' },
      ],
    };
    const res = await problemOf(await publish("refused", json));
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => [e.question, e.code])).toEqual([
      ["elements[0] (q1)", "bad_name"],
      ["elements[1] (md).rows[1]", "bad_name"],
      ["elements[1] (md).columns[0] (constructor)", "bad_name"],
      ["elements[2] (m).rows[0]", "bad_name"],
      ["elements[3] (mt).items[1] (__proto__)", "bad_name"],
      ["elements[4].templateElements[0] (valueOf)", "bad_name"],
      ['elements[5] (a"{},\\b)', "bad_name"],
    ]);
  });

  it("publishes every other use of those names", async () => {
    const res = await publish(SURVEY, hostileSurvey());
    expect(res.status).toBe(201);
  });
});

describe("submission", () => {
  it("stores answers that use every hostile value and key", async () => {
    for (let i = 0; i < COUNT; i++) {
      const res = await submit(SURVEY, { id: crypto.randomUUID(), data: hostileAnswers(i) });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const [row] = await database.db.select({ data: responses.data }).from(responses).limit(1);
    expect(row.data).toEqual(hostileAnswers(0));
  });

  it("refuses a value that is not a choice even when it names a property", async () => {
    const res = await problemOf(await submit(SURVEY, { id: crypto.randomUUID(), data: { level: "isPrototypeOf" } }));
    expect(res.status).toBe(422);
    expect(res.body.errors?.[0].question).toBe("level");
    const unknown = await problemOf(await submit(SURVEY, { id: crypto.randomUUID(), data: JSON.parse('{"level":"toString","__proto__":"x","hasOwnProperty":1}') }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors?.map((e) => e.question).sort()).toEqual(["__proto__", "hasOwnProperty"]);
  });
});

const population = JSON.parse(`{${HOSTILE_VALUES.map((v) => `"${v}": 10`).join(",")}}`) as Record<string, number>;
// Charts render to PNG in every format: room for a machine shared with other suites.
const RENDER_TIMEOUT = 180_000;
const ANALYSES: [string, Record<string, unknown>][] = [
  ["frequencies", { question: "level", weight: { poststratify: { question: "level", population } } }],
  ["frequencies", { question: "picks", filter: { question: "level", in: ["toString", "__proto__", "constructor"] } }],
  ["frequencies", { question: PUNCTUATED }],
  ["crosstab", { row: "picks", column: "level" }],
  ["crosstab", { row: PUNCTUATED, column: "level", weight: { rake: [{ question: "level", population }] } }],
  ["ratio", { numerator: "members", denominator: "staff", by: "level" }],
  ["numeric", { question: "members", by: "level" }],
  ["frequencies", { question: "rate" }],
  ["crosstab", { row: "rate", column: PUNCTUATED }],
];

describe("analysis", () => {
  it.each(ANALYSES)(
    "%s %j answers in every format",
    async (kind, body) => {
      const json = await post(`analysis/${kind}`, body);
      expect(json.status, await json.clone().text()).toBe(200);
      const result = JSON.stringify(await json.json());
      expect(result).toContain("toString");
      for (const format of ["vega-lite", "svg", "png", "xlsx", "csv"]) {
        const res = await post(`analysis/${kind}`, { ...body, format });
        expect(res.status, `${format}: ${res.status === 200 ? "" : await res.clone().text()}`).toBe(200);
        expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
      }
    },
    RENDER_TIMEOUT,
  );

  it("writes the choice labels into the chart", async () => {
    const svg = await text(await post("analysis/frequencies", { question: "level", format: "svg" }));
    for (const value of HOSTILE_VALUES) expect(svg).toContain(value);
  });
});

describe("export, import back and report", () => {
  it.each(["csv", "xlsx", "jsonl", "sav"])("exports %s", async (format) => {
    const res = await get(`export?format=${format}`);
    expect(res.status, res.status === 200 ? "" : await res.clone().text()).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (format === "jsonl") {
      const lines = bytes
        .toString("utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toHaveLength(COUNT);
      expect(lines.every((line) => line.grid_r1 === "__proto__" && line.mt_b === "__proto__")).toBe(true);
    }
    if (format === "csv") expect(bytes.toString("utf8")).toContain("toString");
  });

  it.each(["csv", "json"])("writes the codebook as %s", async (format) => {
    const res = await get(`export/codebook?format=${format}`);
    expect(res.status, res.status === 200 ? "" : await res.clone().text()).toBe(200);
    expect(await text(res)).toContain("__proto__");
  });

  it.each(["csv", "xlsx"])("imports its own %s export into a copy of the survey", async (format) => {
    const copy = `${SURVEY}-${format}`;
    expect((await publish(copy, hostileSurvey())).status).toBe(201);
    const exported = Buffer.from(await (await get(`export?format=${format}&labels=values`)).arrayBuffer());
    // Response ids are unique across surveys: the copy takes the rows under new ids.
    const res = await app.request(`/api/surveys/${copy}/import?ignore=response_id`, {
      method: "POST",
      headers: { authorization: headers.authorization, "content-type": format === "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      body: exported,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toMatchObject({ rows: COUNT, created: COUNT });
    const original = await database.db
      .select({ id: responses.id, data: responses.data })
      .from(responses)
      .innerJoin(surveys, eq(surveys.id, responses.surveyId))
      .where(eq(surveys.name, SURVEY));
    const copied = await database.db
      .select({ id: responses.id, data: responses.data })
      .from(responses)
      .innerJoin(surveys, eq(surveys.id, responses.surveyId))
      .where(eq(surveys.name, copy));
    const canonical = (rows: { data: unknown }[]) => rows.map((r) => canonicalJson(r.data)).sort();
    expect(canonical(copied)).toEqual(canonical(original));
  });

  it(
    "builds the report",
    async () => {
      const analyses = ANALYSES.map(([type, body], i) => ({ type, title: `分析 ${i}`, ...body }));
      const res = await post("report", { title: "报告", analyses });
      expect(res.status, res.status === 200 ? "" : await res.clone().text()).toBe(200);
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      const html = strFromU8(files["report.html"]);
      for (const value of HOSTILE_VALUES) expect(html).toContain(`层级 ${value}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(files["report.xlsx"]) as never);
      expect(workbook.worksheets.length).toBeGreaterThanOrEqual(ANALYSES.length);
    },
    RENDER_TIMEOUT,
  );
});

describe("a survey published before names were checked", () => {
  it("is not broken by its old version: a corrected version publishes, takes answers, analyses and exports", async () => {
    const name = "had-tostring";
    const broken = {
      elements: [
        { type: "text", name: "toString" },
        { type: "radiogroup", name: "level", choices: ["a", "b"] },
      ],
    };
    // As an older platform stored it, without the check.
    const [survey] = await database.db.insert(surveys).values({ name }).returning({ id: surveys.id });
    await database.db.insert(surveyVersions).values({ surveyId: survey.id, version: 1, json: broken, hash: hashJson(broken) });
    const old = await problemOf(await submit(name, { id: crypto.randomUUID(), data: { level: "a" } }));
    expect(old.status).toBe(422);
    expect(JSON.stringify(old.body)).toContain("toString");

    const fixed = {
      elements: [
        { type: "text", name: "to_string" },
        { type: "radiogroup", name: "level", choices: ["a", "b"] },
      ],
    };
    expect((await publish(name, fixed)).status).toBe(201);
    expect((await submit(name, { id: crypto.randomUUID(), data: { level: "a", to_string: "x" } })).status).toBe(201);
    expect((await submit(name, { id: crypto.randomUUID(), version: 1, data: { level: "a" } })).status).toBe(422);
    const freq = await app.request(`/api/surveys/${name}/analysis/frequencies`, { method: "POST", headers, body: JSON.stringify({ question: "level" }) });
    expect(freq.status).toBe(200);
    for (const format of ["csv", "xlsx", "jsonl", "sav"]) {
      const res = await app.request(`/api/surveys/${name}/export?format=${format}`, { headers });
      expect(res.status).toBe(200);
      // Read to the end: an export streams, and a failure half-way would show only here.
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    expect((await app.request(`/api/surveys/${name}/export/codebook?format=json`, { headers })).status).toBe(200);
    expect((await app.request(`/s/${name}`)).status).toBe(200);
  });
});
