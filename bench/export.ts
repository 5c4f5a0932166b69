/**
 * Export throughput and memory: a million responses of the reference study on PostgreSQL,
 * exported to CSV and .sav (and, on request, XLSX and JSON Lines) through the same code as the
 * API and the CLI, each export in its own process so that its peak RSS is its own.
 *
 *   npx tsx bench/export.ts [--rows 1000000] [--formats csv,sav] [--base postgres://postgres@127.0.0.1:5432]
 *
 * Uses (and creates) the database `bench_export` on that server. Rows are bulk-inserted with SQL
 * (the 1,812 demo responses repeated, one millisecond apart), not through HTTP. Results go to
 * bench/results/export.json; copy the table into bench/README.md.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase } from "../src/db/client.js";
import { generateDemoResponses } from "../src/demo/index.js";
import { prepareExport, type ExportFormat } from "../src/services/export/index.js";
import { getSurveyVersion, publishSurvey } from "../src/services/surveys.js";
import reference from "../surveys/dangjian-innovation-2023.json" with { type: "json" };

const SURVEY = "dangjian-innovation-2023";
const START = Date.parse("2023-05-01T00:00:00Z");
const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    formats: { type: "string", default: "csv,sav" },
    base: { type: "string", default: "postgres://postgres@127.0.0.1:5432" },
    child: { type: "boolean", default: false },
    format: { type: "string" },
    out: { type: "string" },
    limit: { type: "string" },
  },
});
const url = `${values.base}/bench_export`;

/** Child: one export to a file; prints rows, seconds and memory as JSON. */
async function child(): Promise<void> {
  const database = await openDatabase({ url });
  const limit = Number(values.limit);
  const rss: number[] = [];
  let rows = 0;
  const started = performance.now();
  const prepared = await prepareExport(database.db, SURVEY, {
    format: values.format as ExportFormat,
    labels: "zh-Hans",
    // The first `limit` responses: they were stored one millisecond apart.
    filter: { to: new Date(START + limit) },
    onProgress: (done) => {
      rows = done;
      if (done % 50_000 < 2_000) rss.push(process.memoryUsage().rss);
    },
  });
  await pipeline(Readable.from(prepared.body), createWriteStream(values.out!));
  const seconds = (performance.now() - started) / 1000;
  await database.close();
  process.stdout.write(
    JSON.stringify({
      format: values.format,
      rows,
      seconds,
      bytes: statSync(values.out!).size,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      rssSamplesMiB: rss.map((r) => Math.round(r / 1048576)),
    }),
  );
}

/** Creates the database and fills it up to `rows` responses. */
async function prepare(rows: number): Promise<void> {
  const admin = postgres(`${values.base}/postgres`, { max: 1, onnotice: () => {} });
  const exists = await admin`select 1 from pg_database where datname = 'bench_export'`;
  if (exists.length === 0) await admin.unsafe("create database bench_export");
  await admin.end();
  const database = await openDatabase({ url });
  await publishSurvey(database.db, SURVEY, reference);
  const survey = await getSurveyVersion(database.db, SURVEY);
  const counted = await database.db.execute(sql`select count(*)::int as n from responses where survey_id = ${survey.surveyId}`);
  const have = Number((counted as unknown as { n: number }[])[0].n);
  if (have < rows) {
    const templates = generateDemoResponses(reference).map((r) => r.data);
    await database.db.execute(sql`create temporary table bench_templates (n int primary key, data jsonb not null)`);
    await database.db.execute(
      sql`insert into bench_templates select (t.ordinality - 1)::int, t.value from jsonb_array_elements(${JSON.stringify(templates)}::jsonb) with ordinality as t`,
    );
    for (let from = have; from < rows; from += 100_000) {
      const to = Math.min(rows, from + 100_000);
      await database.db.execute(sql`insert into responses (id, survey_id, version, data, complete, body_hash, created_at, updated_at, completed_at)
        select gen_random_uuid(), ${survey.surveyId}, ${survey.version}, t.data, true, 'bench',
          ${new Date(START).toISOString()}::timestamptz + g * interval '1 millisecond', now(), now()
        from generate_series(${from}::int, ${to - 1}::int) as g join bench_templates t on t.n = g % ${templates.length}`);
      process.stderr.write(`inserted ${to} / ${rows}\n`);
    }
    await database.db.execute(sql`analyze responses`);
  }
  await database.close();
}

function runChild(format: string, limit: number, out: string): Promise<Record<string, unknown>> {
  const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
  return new Promise((resolve, reject) => {
    const proc = spawn(tsx, [fileURLToPath(import.meta.url), "--child", "--format", format, "--limit", String(limit), "--out", out, "--base", values.base!]);
    let stdout = "";
    let stderr = "";
    proc.stdout.on("data", (d) => (stdout += d));
    proc.stderr.on("data", (d) => (stderr += d));
    proc.on("close", (code) => (code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(stderr))));
  });
}

async function main(): Promise<void> {
  const rows = Number(values.rows);
  const formats = values.formats!.split(",");
  await prepare(rows);
  const work = join(tmpdir(), `bench-export-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const results: Record<string, unknown>[] = [];
  try {
    // A tenth of the rows as well: flat memory shows as the same peak RSS at both sizes.
    for (const limit of [Math.round(rows / 10), rows]) {
      for (const format of formats) {
        const result = await runChild(format, limit, join(work, `export.${format}`));
        const perSecond = Math.round((result.rows as number) / (result.seconds as number));
        results.push({ ...result, rowsPerSecond: perSecond });
        console.log(
          `${format}\t${result.rows} rows\t${(result.seconds as number).toFixed(1)} s\t${perSecond} rows/s\t${((result.bytes as number) / 1048576).toFixed(0)} MiB\tpeak RSS ${(result.peakRssMiB as number).toFixed(0)} MiB`,
        );
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const resultsDir = fileURLToPath(new URL("./results", import.meta.url));
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    join(resultsDir, "export.json"),
    JSON.stringify({ date: new Date().toISOString(), node: process.version, database: "PostgreSQL (bench_export)", results }, null, 2) + "\n",
  );
}

await (values.child ? child() : main());
