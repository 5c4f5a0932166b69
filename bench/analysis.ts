/**
 * Analysis on a million responses: a weighted cross-tab, a multi-select frequency and a
 * grouped ratio through the HTTP API (the real app, served on loopback), each beside the
 * naive way — stream the answers into Node and count there — with only the needed keys
 * fetched as a second, kinder baseline.
 *
 *   npx tsx bench/analysis.ts [--rows 1000000] [--runs 5] [--reload]
 *
 * Uses the database `bench` on the PostgreSQL server of BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/bench), creating it when absent. The responses are
 * the reference study's 1,812 demo answers repeated and perturbed in SQL (INSERT …
 * SELECT over generate_series), loaded once and kept for later runs (--reload redoes it).
 */
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import postgres from "postgres";
import { createApp } from "../src/app.js";
import { openDatabase } from "../src/db/client.js";
import { generateDemoResponses } from "../src/demo/index.js";
import { createToken } from "../src/services/tokens.js";
import { loadSurveyFiles } from "../src/services/survey-files.js";
import { getSurveyVersion } from "../src/services/surveys.js";
import { frequencies, postStratify, ratioOfTotals, weightedCrosstab, type Calibration } from "../analysis/index.js";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    runs: { type: "string", default: "5" },
    reload: { type: "boolean", default: false },
  },
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
const SURVEY = "dangjian-innovation-2023";
const BAOJI = { 社会团体: 793, 民办非企业单位: 750, 基金会: 6, 社会中介组织: 54, 城乡社区社会组织: 5 };

const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bench");
await createDatabaseIfAbsent(url);
const database = await openDatabase({ url: url.toString() });
const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
try {
  await loadSurveyFiles(database.db, new URL("../surveys", import.meta.url).pathname);
  const survey = await getSurveyVersion(database.db, SURVEY);
  await loadResponses(survey.surveyId, survey.version, survey.json);

  const app = createApp({ db: database.db, kind: database.kind });
  const { token } = await createToken(database.db, "bench");
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const port = (server.address() as { port: number }).port;
  const api = async (call: string, body: unknown) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/surveys/${SURVEY}/analysis/${call}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status !== 200) throw new Error(`${call}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  type Answers = Record<string, any>;
  /**
   * Streams every complete response's answers into Node (a cursor, 10,000 rows a batch):
   * the whole answer set (`data`), or — a kinder baseline — only the keys the analysis reads.
   */
  const eachAnswer = async (keys: string[], whole: boolean, use: (answers: Answers) => void) => {
    const columns = whole ? sql`data` : sql.unsafe(keys.map((k) => `data->'${k}' as "${k}"`).join(", "));
    await sql`select ${columns} from responses where survey_id = ${survey.surveyId} and complete`.cursor(10_000, (rows) => {
      for (const row of rows) use(whole ? row.data : row);
    });
  };

  const cases: { name: string; http: () => Promise<Record<string, unknown>>; naive: (whole: boolean) => Promise<unknown>; check: (a: any, b: any) => boolean }[] = [
    {
      name: "weighted cross-tab: party_org_form × hub among 社会组织, post-stratified to the Baoji org-type counts, Rao–Scott",
      http: () =>
        api("crosstab", {
          row: "party_org_form",
          column: "hub",
          filter: { question: "level", in: ["社会组织"] },
          weight: { poststratify: { question: "org_type", population: BAOJI } },
        }),
      naive: naiveWeightedCrosstab,
      check: (a, b) => close(a.tests.raoScott.F, b.tests.raoScott.F),
    },
    {
      name: "multi-select frequency: main_problems, percent of cases and of responses",
      http: () => api("frequencies", { question: "main_problems" }),
      naive: naiveMultiFrequency,
      check: (a, b) => a.counts[0] === b.counts[0] && a.n === b.n,
    },
    {
      name: "grouped ratio: member_count / staff_count by org_type",
      http: () => api("ratio", { numerator: "member_count", denominator: "staff_count", by: "org_type" }),
      naive: naiveRatio,
      check: (a, b) => close(a.ratio, b.overall.ratio) && close(a.se, b.overall.se),
    },
  ];

  const count = (await sql`select count(*)::int as n from responses where survey_id = ${survey.surveyId} and complete`)[0].n;
  const size = (await sql`select pg_size_pretty(pg_table_size('responses')) as s`)[0].s;
  console.log(`\n${count} complete responses (table ${size}); median of ${RUNS} API runs after a warm-up, of 3 naive runs`);
  console.log("| analysis | API (SQL aggregates) | naive: answer sets into Node | naive: only the needed keys | speed-up |");
  console.log("|---|---:|---:|---:|---:|");
  for (const c of cases) {
    const viaApi = await c.http();
    for (const whole of [true, false]) {
      if (!c.check(viaApi, await c.naive(whole))) throw new Error(`${c.name}: the API and the naive count disagree`);
    }
    const apiMs = await median(RUNS, c.http);
    const wholeMs = await median(3, () => c.naive(true));
    const keysMs = await median(3, () => c.naive(false));
    console.log(`| ${c.name} | ${apiMs.toFixed(0)} ms | ${wholeMs.toFixed(0)} ms | ${keysMs.toFixed(0)} ms | ${(wholeMs / apiMs).toFixed(1)}× / ${(keysMs / apiMs).toFixed(1)}× |`);
  }
  server.close();

  /** The naive ways: every answer travels to Node, which counts. */
  async function naiveWeightedCrosstab(whole: boolean) {
    const types = Object.keys(BAOJI);
    const rowLabels = ["单独建立", "联合建立", "挂靠依托", "未建立"];
    const columnLabels = ["是", "否", "不清楚", "本身是枢纽型组织"];
    const cellN = types.map(() => 0);
    const counts = types.map(() => rowLabels.map(() => columnLabels.map(() => 0)));
    await eachAnswer(["level", "org_type", "party_org_form", "hub"], whole, (a) => {
      if (a.level !== "社会组织") return;
      const g = types.indexOf(a.org_type);
      if (g < 0) return;
      cellN[g]++;
      const i = rowLabels.indexOf(a.party_org_form);
      const j = columnLabels.indexOf(a.hub);
      if (i >= 0 && j >= 0) counts[g][i][j]++;
    });
    const calibration: Calibration = postStratify(
      types.map((t, g) => ({ key: [t], n: cellN[g] })),
      BAOJI,
    );
    return weightedCrosstab({ calibration, rowLabels, columnLabels, counts });
  }

  async function naiveMultiFrequency(whole: boolean) {
    const element = (survey.json as any).pages.flatMap((p: any) => p.elements).find((e: any) => e.name === "main_problems");
    const labels = [...element.choices.map((c: any) => c.value), "other"];
    const counts = labels.map(() => 0);
    let valid = 0;
    let rows = 0;
    await eachAnswer(["main_problems"], whole, (a) => {
      rows++;
      const answer = a.main_problems;
      if (!Array.isArray(answer) || answer.length === 0) return;
      valid++;
      for (const v of answer) counts[labels.indexOf(v)]++;
    });
    return frequencies({ labels, counts, multiple: true, valid, missing: rows - valid });
  }

  async function naiveRatio(whole: boolean) {
    const types = Object.keys(BAOJI);
    const sums = types.map((label) => ({ label, n: 0, sumWX: 0, sumWY: 0, sumW2X2: 0, sumW2Y2: 0, sumW2XY: 0 }));
    const all = { n: 0, sumWX: 0, sumWY: 0, sumW2X2: 0, sumW2Y2: 0, sumW2XY: 0 };
    let rows = 0;
    await eachAnswer(["org_type", "staff_count", "member_count"], whole, (a) => {
      rows++;
      const x = a.staff_count;
      const y = a.member_count;
      if (typeof x !== "number" || typeof y !== "number") return;
      for (const s of [all, sums[types.indexOf(a.org_type)]]) {
        if (!s) continue;
        s.n++;
        s.sumWX += x;
        s.sumWY += y;
        s.sumW2X2 += x * x;
        s.sumW2Y2 += y * y;
        s.sumW2XY += x * y;
      }
    });
    return {
      overall: ratioOfTotals({ groups: [all], designSize: rows }).overall,
      groups: ratioOfTotals({ groups: sums, designSize: rows }).groups,
    };
  }
} finally {
  await sql.end({ timeout: 5 });
  await database.close();
}

/** Bulk load: the demo answers go in once as a seed table, then INSERT … SELECT repeats and perturbs them. */
async function loadResponses(surveyId: number, version: number, json: unknown) {
  const [{ n }] = await sql`select count(*)::int as n from responses where survey_id = ${surveyId}`;
  if (n === ROWS && !values.reload) {
    console.log(`bench database already holds ${n} responses to ${SURVEY}; --reload to load them again`);
    return;
  }
  console.log(`loading ${ROWS} responses into ${url.pathname.slice(1)} (had ${n})…`);
  await sql`delete from responses where survey_id = ${surveyId}`;
  const demo = generateDemoResponses(json).map((r) => r.data);
  await sql`create temp table seed as
    select (ordinality - 1)::int as i, value as data from jsonb_array_elements(${sql.json(demo as never)}::jsonb) with ordinality`;
  const size = demo.length;
  const batch = 100_000;
  const started = performance.now();
  for (let from = 0; from < ROWS; from += batch) {
    const to = Math.min(ROWS, from + batch) - 1;
    // Each row: a demo answer (by a scattering of g), with its city redrawn, one answer in
    // three given another respondent's main problems or management verdict, and staff
    // counts nudged up (members never exceed staff).
    await sql`
      insert into responses (id, survey_id, version, data, complete, body_hash, completed_at)
      select gen_random_uuid(), ${surveyId}, ${version},
        (s.data - 'main_problems' - 'main_problems-Comment')
          || jsonb_build_object('city', case when random() < 0.8 then '北京' else '南京' end)
          || jsonb_strip_nulls(jsonb_build_object(
               'main_problems', case when random() < 0.3 then t.data->'main_problems' else s.data->'main_problems' end,
               'main_problems-Comment', null))
          || case when random() < 0.3 then jsonb_build_object('multi_dept', t.data->'multi_dept') else '{}'::jsonb end
          || case when s.data ? 'staff_count'
               then jsonb_build_object('staff_count', (s.data->>'staff_count')::int + floor(random() * 3)::int)
               else '{}'::jsonb end,
        true, 'bench', now()
      from generate_series(${from}::int, ${to}::int) as g
      join seed s on s.i = (g::bigint * 7919) % ${size}
      join seed t on t.i = (g::bigint * 104729 + 17) % ${size}`;
    const done = to + 1;
    const seconds = (performance.now() - started) / 1000;
    console.log(`  ${done.toLocaleString("en")} / ${ROWS.toLocaleString("en")} rows, ${seconds.toFixed(1)} s`);
  }
  await sql`drop table seed`;
  await sql`vacuum analyze responses`;
  console.log(`loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function createDatabaseIfAbsent(target: URL) {
  const admin = new URL(target);
  admin.pathname = "/postgres";
  const client = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    const name = target.pathname.slice(1);
    const [exists] = await client`select 1 from pg_database where datname = ${name}`;
    if (!exists) await client.unsafe(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function median(runs: number, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
