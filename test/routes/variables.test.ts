/**
 * Derived variables through the HTTP API (issue 14, item 2), on the demo data loaded through the
 * real submission path: the census sentence (most of the district's 196 organisations have fewer
 * than 10 staff; over 98 % have no party member) from bins and a number condition; the reference
 * study's recode of party_org_form to 已建立/未建立 crossed with another 2-level variable, with
 * Fisher's test against scipy; the variable's name in filters, weights, `by`, charts and exports;
 * and every refusal as a 422 naming the field in the caller's language.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSav } from "../services/export/sav-reader.js";
import { DEMO_TIMEOUT, near, openAnalysisDatabase, rawAnswers, REFERENCE } from "../services/analysis/setup.js";

const CENSUS = "org-coverage-census";
const oracle = JSON.parse(readFileSync(new URL("../fixtures/oracle/variables-fisher.json", import.meta.url), "utf8"));

let env: Awaited<ReturnType<typeof openAnalysisDatabase>>;

beforeAll(async () => {
  env = await openAnalysisDatabase({ demo: true });
}, DEMO_TIMEOUT);
afterAll(async () => env?.database.close());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = env.headers) {
  const res = await env.app.request(`/api/surveys/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text };
}
const define = (survey: string, body: unknown, headers?: Record<string, string>) => call("POST", `${survey}/variables`, body, headers);

const STAFF_BANDS = {
  name: "staff_band",
  label: { "zh-Hans": "从业人员规模", "zh-Hant": "從業人員規模", en: "Staff size" },
  from: "staff_count",
  bins: [
    { label: "1–9", max: 10 },
    { label: "10–49", min: 10, max: 50 },
    { label: "50+", min: 50 },
  ],
};
const NO_MEMBER = { name: "no_member", label: "没有党员", from: "member_count", equals: 0 };
const HAS_ORG = {
  name: "has_org",
  label: { "zh-Hans": "是否已建立党组织", en: "Party organisation set up" },
  from: "party_org_form",
  groups: { 已建立: ["单独建立", "联合建立", "挂靠依托"], 未建立: ["未建立"] },
};
const HAS_INSTRUCTOR = { name: "has_instructor", from: "instructor", equals: "是" };

describe("the census sentence by derived variables", () => {
  it("of the district's 196 organisations most have fewer than 10 staff, and over 98 % have no party member", async () => {
    expect((await define(CENSUS, STAFF_BANDS)).status).toBe(201);
    expect((await define(CENSUS, NO_MEMBER)).status).toBe(201);
    const rows = (await rawAnswers(env.db, CENSUS)).map((r) => r.data as Record<string, number>);
    expect(rows.length).toBe(196);

    const staff = await env.post(CENSUS, "frequencies", { question: "staff_band" });
    expect(staff.status).toBe(200);
    expect(staff.body.n).toBe(196);
    expect(staff.body.question).toMatchObject({ name: "staff_band", title: "从业人员规模", type: "derived" });
    expect(staff.body.categories.map((c: { value: string }) => c.value)).toEqual(["1–9", "10–49", "50+"]);
    const small = rows.filter((r) => r.staff_count < 10).length;
    expect(staff.body.counts).toEqual([small, rows.filter((r) => r.staff_count >= 10 && r.staff_count < 50).length, rows.filter((r) => r.staff_count >= 50).length]);
    expect(staff.body.casePercent[0]).toBeGreaterThan(0.5);

    const members = await env.post(CENSUS, "frequencies", { question: "no_member", lang: "en" });
    expect(members.status).toBe(200);
    expect(members.body.n).toBe(196);
    expect(members.body.labels).toEqual(["Yes", "No"]);
    expect(members.body.counts[0]).toBe(rows.filter((r) => r.member_count === 0).length);
    expect(members.body.casePercent[0]).toBeGreaterThan(0.98);
  });

  it("lists the stored definitions as sent, for viewers too", async () => {
    const res = await call("GET", `${CENSUS}/variables`);
    expect(res.status).toBe(200);
    expect(res.body.variables.map((v: { name: string }) => v.name)).toEqual(["staff_band", "no_member"]);
    expect(res.body.variables[0]).toEqual(STAFF_BANDS);
  });
});

describe("a recoded 2×2 and Fisher's test", () => {
  it("has_org (单独建立/联合建立/挂靠依托 → 已建立, 未建立) by has_instructor gives the counts and Fisher p scipy gives", async () => {
    expect((await define(REFERENCE, HAS_ORG)).status).toBe(201);
    expect((await define(REFERENCE, HAS_INSTRUCTOR)).status).toBe(201);
    const res = await env.post(REFERENCE, "crosstab", { row: "has_org", column: "has_instructor" });
    expect(res.status).toBe(200);
    const rows = (await rawAnswers(env.db, REFERENCE)).map((r) => r.data as Record<string, string>);
    const org = rows.filter((r) => r.party_org_form !== undefined && r.instructor !== undefined);
    const count = (set: boolean, yes: boolean) => org.filter((r) => (r.party_org_form !== "未建立") === set && (r.instructor === "是") === yes).length;
    const counts = [
      [count(true, true), count(true, false)],
      [count(false, true), count(false, false)],
    ];
    expect(res.body.counts).toEqual(counts);
    expect(res.body.counts).toEqual(oracle.hasOrgByInstructor.counts);
    expect(res.body.rowLabels).toEqual(["已建立", "未建立"]);
    expect(res.body.columnLabels).toEqual(["是", "否"]);
    expect(near(res.body.tests.fisher.p, oracle.hasOrgByInstructor.fisherP, 1e-9), `${res.body.tests.fisher.p} ≈ ${oracle.hasOrgByInstructor.fisherP}`).toBe(true);
    expect(near(res.body.tests.pearson.p, oracle.hasOrgByInstructor.pearsonP, 1e-9)).toBe(true);
  });

  it("by city (a 2-level question) too, with scipy's Fisher p", async () => {
    const res = await env.post(REFERENCE, "crosstab", { row: "has_org", column: "city" });
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual(oracle.hasOrgByCity.counts);
    expect(near(res.body.tests.fisher.p, oracle.hasOrgByCity.fisherP, 1e-9), `${res.body.tests.fisher.p} ≈ ${oracle.hasOrgByCity.fisherP}`).toBe(true);
  });
});

describe("a variable's name wherever a question's goes", () => {
  it("filters: the organisations that have set one up, as a filter on has_org, equal a filter on the source's three choices", async () => {
    const byVariable = await env.post(REFERENCE, "frequencies", { question: "instructor", filter: { question: "has_org", in: ["已建立"] } });
    const bySource = await env.post(REFERENCE, "frequencies", { question: "instructor", filter: { question: "party_org_form", in: ["单独建立", "联合建立", "挂靠依托"] } });
    expect(byVariable.status).toBe(200);
    expect(byVariable.body.counts).toEqual(bySource.body.counts);
    expect(byVariable.body.filter[0]).toMatchObject({ question: "has_org", in: ["已建立"], labels: ["已建立"] });
    const unknown = await env.post(REFERENCE, "frequencies", { question: "instructor", filter: { question: "has_org", in: ["单独建立"] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].question).toBe("filter.0.in.0");
  });

  it("weights: post-stratified to a population of has_org, the weighted shares are the population's", async () => {
    const res = await env.post(REFERENCE, "frequencies", { question: "has_org", weight: { poststratify: { question: "has_org", population: { 已建立: 600, 未建立: 400 } } } });
    expect(res.status).toBe(200);
    expect(res.body.weighted).toBe(true);
    expect(res.body.casePercent[0]).toBeCloseTo(0.6, 10);
  });

  it("ratio and numeric `by` a variable; crosstab column a variable", async () => {
    const ratio = await env.post(REFERENCE, "ratio", { numerator: "member_count", denominator: "staff_count", by: "has_org" });
    expect(ratio.status).toBe(200);
    expect(ratio.body.groups.map((g: { label: string }) => g.label)).toEqual(["已建立", "未建立"]);
    const numeric = await env.post(REFERENCE, "numeric", { question: "staff_count", by: "has_org" });
    expect(numeric.status).toBe(200);
    expect(numeric.body.groups.length).toBe(2);
    const crosstab = await env.post(REFERENCE, "crosstab", { row: "org_type", column: "has_org" });
    expect(crosstab.status).toBe(200);
    expect(crosstab.body.columnLabels).toEqual(["已建立", "未建立"]);
  });

  it("every format of a chart and table", async () => {
    for (const format of ["vega-lite", "svg", "png", "xlsx", "csv"]) {
      const res = await env.app.request(`/api/surveys/${CENSUS}/analysis/frequencies`, {
        method: "POST",
        headers: env.headers,
        body: JSON.stringify({ question: "staff_band", format }),
      });
      expect(res.status, format).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes.length, format).toBeGreaterThan(100);
      if (format === "csv") expect(new TextDecoder().decode(bytes)).toContain("1–9");
    }
    const chart = await env.post(CENSUS, "crosstab", { row: "staff_band", column: "no_member", format: "vega-lite", chart: "stacked" });
    expect(chart.status).toBe(200);
    expect(JSON.stringify(chart.body)).toContain("10–49");
  });

  it("report definitions: a bundle with the census variables' tables and charts", async () => {
    const definition = {
      analyses: [
        { type: "frequencies", title: "从业人员规模", question: "staff_band" },
        { type: "crosstab", title: "规模与党员", row: "staff_band", column: "no_member", filter: { question: "no_member", in: [true, false] } },
      ],
    };
    const res = await env.app.request(`/api/surveys/${CENSUS}/report`, { method: "POST", headers: env.headers, body: JSON.stringify(definition) });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toContain("charts/01-staff_band.svg");
    const html = strFromU8(files["report.html"]);
    expect(html).toContain("10–49");
    expect(html).toContain("从业人员规模");
  });

  it("a numeric analysis of a variable is refused: it holds categories", async () => {
    const res = await env.post(CENSUS, "numeric", { question: "staff_band" });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].question).toBe("question");
  });
});

describe("exports: the variables as extra columns after the questions", () => {
  const get = (query: string) => env.app.request(`/api/surveys/${CENSUS}/export${query}`, { headers: env.headers });

  it("CSV and XLSX: one labelled column per variable, last; .sav: coded with value labels; the codebook lists them", async () => {
    const rows = (await rawAnswers(env.db, CENSUS)).map((r) => r.data as Record<string, number>);
    const csv = await (await get("?format=csv&labels=zh-Hans")).text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    const header = lines[0].split(",");
    expect(header.slice(-2)).toEqual(["staff_band", "no_member"]);
    const bands = lines.slice(1).map((l) => l.split(",").at(-2));
    expect(bands.filter((b) => b === "1–9").length).toBe(rows.filter((r) => r.staff_count < 10).length);
    expect(lines.slice(1).filter((l) => l.endsWith(",是")).length).toBe(rows.filter((r) => r.member_count === 0).length);

    const xlsx = await get("?format=xlsx&labels=en");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const last = sheet.getRow(1).cellCount;
    expect(sheet.getRow(1).getCell(last).value).toBe("no_member");
    expect(new Set(sheet.getColumn(last).values.slice(2))).toEqual(new Set(["Yes", "No"]));

    const sav = readSav(Buffer.from(await (await get("?format=sav")).arrayBuffer()));
    const band = sav.variables.find((v) => v.name === "staff_band")!;
    expect(band.label).toBe("从业人员规模");
    expect([1, 2, 3].map((code) => band.valueLabels.get(code))).toEqual(["1–9", "10–49", "50+"]);
    expect(band.valueLabels.has(-1)).toBe(true);
    expect(band.missing).toEqual([-1]);
    const column = sav.variables.indexOf(band);
    expect(sav.rows.filter((r) => r[column] === 1).length).toBe(rows.filter((r) => r.staff_count < 10).length);

    const codebook = await (await get("/codebook?format=json")).json();
    expect(JSON.stringify(codebook)).toContain("staff_band");
  });

  it("an export with the variables' columns imports again: those columns are computed, so skipped", async () => {
    const csv = await (await get("?format=csv&labels=values")).text();
    const res = await env.app.request(`/api/surveys/${CENSUS}/import`, { method: "POST", headers: { ...env.headers, "content-type": "text/csv" }, body: csv });
    const body = await res.text();
    expect(body).not.toContain("unknown_column");
    expect(res.status, body).toBeLessThan(300);
  });
});

describe("redefining and deleting", () => {
  it("PUT renames and redefines; the old name is gone, the new one analyses", async () => {
    await define(CENSUS, { name: "tmp", from: "reg_level", equals: "市" });
    const put = await call("PUT", `${CENSUS}/variables/tmp`, { name: "tmp2", from: "reg_level", groups: { 市级: ["市"], 区及以下: ["区(县)", "街道(乡镇)"] } });
    expect(put.status).toBe(200);
    expect((await env.post(CENSUS, "frequencies", { question: "tmp" })).status).toBe(422);
    const res = await env.post(CENSUS, "frequencies", { question: "tmp2" });
    expect(res.status).toBe(200);
    expect(res.body.n).toBe(196);
    expect((await call("DELETE", `${CENSUS}/variables/tmp2`)).status).toBe(204);
    expect((await call("DELETE", `${CENSUS}/variables/tmp2`)).status).toBe(404);
    expect((await call("PUT", `${CENSUS}/variables/nope`, { name: "nope", from: "reg_level", equals: "市" })).status).toBe(404);
  });

  it("PUT keeps a variable's own name without calling it taken", async () => {
    const res = await call("PUT", `${CENSUS}/variables/no_member`, NO_MEMBER);
    expect(res.status).toBe(200);
  });
});

describe("refusals: 422 naming the field and why, in the caller's language", () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ["an unknown from question", { name: "x", from: "nope", equals: 1 }, "from", "unknown_question"],
    ["a variable as the source", { name: "x", from: "staff_band", equals: "1–9" }, "from", "derived_source"],
    ["a choice groups does not offer", { name: "x", from: "reg_level", groups: { a: ["省"] } }, "groups.a.0", "not_a_choice"],
    ["a choice in two groups", { name: "x", from: "reg_level", groups: { a: ["市"], b: ["区(县)", "市"] } }, "groups.b.1", "choice_in_two_groups"],
    ["an empty group", { name: "x", from: "reg_level", groups: { a: [] } }, "groups.a", "empty_group"],
    ["no group at all", { name: "x", from: "reg_level", groups: {} }, "groups", "no_group"],
    ["groups of a number question", { name: "x", from: "staff_count", groups: { a: [1] } }, "from", "wrong_kind"],
    [
      "overlapping bins",
      {
        name: "x",
        from: "staff_count",
        bins: [
          { label: "a", max: 10 },
          { label: "b", min: 5 },
        ],
      },
      "bins.1",
      "overlapping_bins",
    ],
    ["an empty bin", { name: "x", from: "staff_count", bins: [{ label: "a", min: 10, max: 10 }] }, "bins.0", "empty_bin"],
    ["no bin", { name: "x", from: "staff_count", bins: [] }, "bins", "no_bin"],
    ["bins of a choice question", { name: "x", from: "reg_level", bins: [{ label: "a", max: 1 }] }, "from", "wrong_kind"],
    ["option of a single choice", { name: "x", from: "reg_level", option: "市" }, "from", "wrong_kind"],
    ["equals text on a number", { name: "x", from: "staff_count", equals: "0" }, "equals", "not_a_number"],
    ["a name that is a question's", { name: "staff_count", from: "staff_count", equals: 0 }, "name", "name_taken"],
    ["a name another variable has", { name: "no_member", from: "staff_count", equals: 0 }, "name", "name_taken"],
    ["toString", { name: "toString", from: "staff_count", equals: 0 }, "name", "bad_name"],
    ["__proto__", { name: "__proto__", from: "staff_count", equals: 0 }, "name", "bad_name"],
    ["quotes", { name: 'a"b', from: "staff_count", equals: 0 }, "name", "bad_name"],
    ["a single quote", { name: "a'b", from: "staff_count", equals: 0 }, "name", "bad_name"],
    ["a space", { name: "a b", from: "staff_count", equals: 0 }, "name", "bad_name"],
  ];
  it.each(cases)("%s", async (_, body, field, code) => {
    const before = (await call("GET", `${CENSUS}/variables`)).body.variables.length;
    const zh = await define(CENSUS, body);
    expect(zh.status, JSON.stringify(zh.body)).toBe(422);
    expect(zh.type).toContain("application/problem+json");
    expect(zh.body.errors).toContainEqual(expect.objectContaining({ question: field, code }));
    expect(zh.body.detail).toMatch(/[\u4e00-\u9fff]/);
    const en = await define(CENSUS, body, { ...env.headers, "accept-language": "en" });
    expect(en.status).toBe(422);
    const entry = en.body.errors.find((e: { question: string }) => e.question === field);
    const zhEntry = zh.body.errors.find((e: { question: string }) => e.question === field);
    expect(entry.message).toMatch(/[a-z]{3,} [a-z]{2,}/);
    expect(zhEntry.message).toMatch(/[\u4e00-\u9fff]/);
    expect(entry.message).not.toBe(zhEntry.message);
    expect((await call("GET", `${CENSUS}/variables`)).body.variables.length).toBe(before);
  });

  it("a choice of a multi-select that it does not offer", async () => {
    const res = await define(REFERENCE, { name: "x", from: "main_problems", option: "不存在" });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ question: "option", code: "not_a_choice" });
  });

  it("two rules, or none, in zh-Hant", async () => {
    const two = await define(CENSUS, { name: "x", from: "staff_count", equals: 0, bins: [{ label: "a" }] }, { ...env.headers, "accept-language": "zh-TW" });
    expect(two.status).toBe(422);
    expect(two.body.errors[0].message).toContain("須且只須");
    const none = await define(CENSUS, { name: "x", from: "staff_count" });
    expect(none.status).toBe(422);
  });

  it("a group named __proto__ or toString is kept as a group, not a property", async () => {
    // A JSON text: in a JavaScript literal `__proto__:` would set the prototype, not a key.
    const res = await call("POST", `${REFERENCE}/variables`, JSON.parse('{"name":"proto_groups","from":"city","groups":{"toString":["南京"],"__proto__":["北京"]}}'));
    expect(res.status).toBe(201);
    const freq = await env.post(REFERENCE, "frequencies", { question: "proto_groups" });
    expect(freq.status).toBe(200);
    // In the order sent, not jsonb's order of keys.
    expect(freq.body.labels).toEqual(["toString", "__proto__"]);
    expect(freq.body.n).toBe(1812);
  });

  it("a non-member gets 404 and a bad body never half-stores", async () => {
    const res = await call("GET", "nope/variables");
    expect(res.status).toBe(404);
  });
});
