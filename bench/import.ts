/**
 * Import throughput and memory, through the code behind the API and the CLI, each import in its
 * own process so that its peak RSS is its own.
 *
 *   npx tsx bench/import.ts [--small 2000] [--reference 100000] [--rows 100000] [--keep] [--base postgres://postgres@127.0.0.1:5432]
 *
 * 1. The reference questionnaire: a CSV of `--small` rows (its 1,812 demo answer sets repeated,
 *    each row with its own response id, exported with zh-Hans labels as the platform writes them),
 *    dry run and imported. Baseline, measured in the same run on the same answers: the answer
 *    checker alone (one reused checker, no file, no database), the floor an import cannot go
 *    below; the import's CPU time per row is given as a ratio of it.
 *    Then `--reference` / 5 and `--reference` rows of it dry run as the HTTP route runs them: rows
 *    checked in the server's worker pool (the time target: 100,000 rows in under 30 s; flat memory).
 * 2. Memory against the number of rows: the small questionnaire (test/fixtures/small-survey.json),
 *    `--rows` / 5 and `--rows` rows imported, in this thread (the CLI) and through the pool (the
 *    route): flat memory shows as the same peak RSS at both sizes. V8 grows its heap lazily when
 *    memory is plentiful, so the in-thread import runs once more at both sizes with its old
 *    generation capped at `--heap` MiB (default 64): what it needs, not what it happens to keep.
 *    `--keep` keeps the files.
 *
 * Uses (and recreates) the database `bench_import` on that server. Results go to
 * bench/results/import.json; copy the table into bench/README.md.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { getHeapSpaceStatistics } from "node:v8";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase } from "../src/db/client.js";
import { generateDemoResponses } from "../src/demo/index.js";
import { createHeavyJobs } from "../src/jobs/index.js";
import { hashJson } from "../src/lib/canonical-hash.js";
import { readQuestions } from "../src/questionnaire/read-version.js";
import { Visibility } from "../src/questionnaire/visibility.js";
import { AnswerCheckers } from "../src/services/answer-checkers.js";
import { prepareExport } from "../src/services/export/index.js";
import { importResponses } from "../src/services/import/index.js";
import { insertResponses } from "../src/services/import/store.js";
import { getSurveyVersion, publishSurvey } from "../src/services/surveys.js";
import reference from "../surveys/dangjian-innovation-2023.json" with { type: "json" };
import small from "../test/fixtures/small-survey.json" with { type: "json" };

const SURVEY = "dangjian-innovation-2023";
const SMALL = "small-survey";
const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    small: { type: "string", default: "2000" },
    base: { type: "string", default: "postgres://postgres@127.0.0.1:5432" },
    child: { type: "string" },
    survey: { type: "string" },
    file: { type: "string" },
    pool: { type: "boolean", default: false },
    reference: { type: "string", default: "100000" },
    keep: { type: "boolean", default: false },
    heap: { type: "string", default: "64" },
  },
});
const url = `${values.base}/bench_import`;

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function memory(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Child: the checker alone on the demo's answer sets, `rows` of them. */
function checkOnly(rows: number): Record<string, unknown> {
  const demo = generateDemoResponses(reference);
  // The server's checker for this version (compiled where the questionnaire allows), as the import uses.
  const check = new AnswerCheckers().get(hashJson(reference), reference);
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < rows; i++) check(demo[i % demo.length].data, { complete: true });
  return { rows, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSince(cpu), peakRssMiB: memory() };
}

/**
 * Child: one import of a file into a survey, a dry run unless `store`; with `pool`, the rows are
 * checked in the worker threads as the HTTP route checks them (the server's pool, HEAVY_JOBS=2).
 */
async function importOnce(survey: string, file: string, store: boolean, pool: boolean): Promise<Record<string, unknown>> {
  const database = await openDatabase({ url });
  const jobs = pool ? createHeavyJobs(2) : undefined;
  const bytes = readFileSync(file);
  const rss: number[] = [];
  // This thread's heap at its largest (the worker's own heap shows only in the process's RSS).
  let heapMiB = 0;
  const spaces: Record<string, number> = {};
  let external = 0;
  let checked = 0;
  let checkSeconds = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await importResponses(database.db, new AnswerCheckers(), survey, bytes, {
    dryRun: !store,
    check: jobs ? (input) => jobs.pool.run("checkRows", input) : undefined,
    onProgress: (phase, done) => {
      if (phase === "check") {
        checked = done;
        checkSeconds = (performance.now() - started) / 1000;
      }
      const now = process.memoryUsage();
      heapMiB = Math.max(heapMiB, now.heapTotal / 1048576);
      for (const space of getHeapSpaceStatistics()) spaces[space.space_name] = Math.max(spaces[space.space_name] ?? 0, Math.round(space.space_size / 1048576));
      external = Math.max(external, Math.round(now.external / 1048576));
      if (done % 10_000 < 500) rss.push(now.rss);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  await jobs?.pool.close();
  await database.close();
  const cpuSeconds = cpuSince(cpu);
  return {
    rows: result.rows,
    created: result.created,
    checked,
    checkSeconds,
    seconds,
    cpuSeconds,
    peakRssMiB: memory(),
    mainHeapMiB: Math.round(heapMiB),
    spaces,
    external,
    rssSamplesMiB: rss.map((r) => Math.round(r / 1048576)),
  };
}

/** A fresh `bench_import` with both surveys published, and CSV files of the reference questionnaire's demo data. */
async function prepare(work: string, sizes: number[]): Promise<Map<number, string>> {
  const admin = postgres(`${values.base}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe("drop database if exists bench_import with (force)");
  await admin.unsafe("create database bench_import");
  await admin.end();
  const database = await openDatabase({ url });
  await publishSurvey(database.db, SMALL, small);
  await publishSurvey(database.db, SURVEY, reference);
  const survey = await getSurveyVersion(database.db, SURVEY);
  const specs = readQuestions(reference);
  const visibility = new Visibility();
  const demo = generateDemoResponses(reference);
  await insertResponses(
    database.db,
    survey.surveyId,
    demo.map((r) => ({
      id: r.id,
      version: survey.version,
      data: r.data,
      complete: true,
      bodyHash: hashJson({ data: r.data, complete: true, version: null }),
      notAsked: specs.filter((spec) => !visibility.asked(spec, r.data)).map((spec) => spec.key),
    })),
  );
  const chunks: Uint8Array[] = [];
  for await (const chunk of (await prepareExport(database.db, SURVEY, { format: "csv", labels: "zh-Hans", filter: {} })).body) chunks.push(chunk);
  // Imports go into an empty survey: the demo responses were only there to be exported.
  await database.db.execute(sql`delete from responses`);
  await database.close();
  const [header, ...lines] = Buffer.concat(chunks).toString("utf8").replace(/\r\n$/, "").split("\r\n");
  const files = new Map<number, string>();
  for (const size of sizes) {
    const out = [header];
    for (let i = 0; i < size; i++) out.push(lines[i % lines.length].replace(/^[0-9a-f-]{36}/, randomUUID()));
    const file = join(work, `reference-${size}.csv`);
    writeFileSync(file, `${out.join("\r\n")}\r\n`);
    files.set(size, file);
  }
  return files;
}

/**
 * A CSV file of `size` rows for the small questionnaire (test/fixtures/small-survey.json), every
 * row different: answers drawn from a fixed seed, a number and a comment of their own.
 */
function smallFile(work: string, size: number): string {
  const levels = ["市", "区(县)", "街道(乡镇)", "社区(村)", "社会组织"];
  const problems = ["管理体制不顺畅", "创新动力不足", "有效覆盖不高", "顶层设计不到位", "经费不足"];
  let seed = 1;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const out = ["response_id,level,staff_count,main_problems,suggestions"];
  for (let i = 0; i < size; i++) {
    const level = levels[Math.floor(next() * levels.length)];
    const chosen = problems.filter(() => next() < 0.4).slice(0, 3);
    out.push(`${randomUUID()},${level},${level === "社会组织" ? Math.floor(next() * 500) : ""},"${(chosen.length > 0 ? chosen : problems.slice(0, 1)).join(";")}",意见 ${i}`);
  }
  const file = join(work, `small-${size}.csv`);
  writeFileSync(file, `\uFEFF${out.join("\r\n")}\r\n`);
  return file;
}

function runChild(args: string[], heapMiB?: number): Promise<Record<string, unknown>> {
  const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
  const env = heapMiB ? { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${heapMiB}` } : process.env;
  return new Promise((resolve, reject) => {
    const proc = spawn(tsx, [fileURLToPath(import.meta.url), "--base", values.base!, ...args], { env });
    let stdout = "";
    let stderr = "";
    proc.stdout.on("data", (d) => (stdout += d));
    proc.stderr.on("data", (d) => (stderr += d));
    proc.on("close", (code) => (code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(stderr))));
  });
}

/** Rows per second over `seconds`. */
const perSecond = (r: Record<string, unknown>, seconds = r.seconds as number) => Math.round((r.rows as number) / seconds);

async function main(): Promise<void> {
  const rows = Number(values.rows);
  const few = Number(values.small);
  const reference = Number(values.reference);
  const work = join(tmpdir(), `bench-import-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const results: Record<string, unknown>[] = [];
  const report = (run: string, result: Record<string, unknown>, baseline?: Record<string, unknown>) => {
    const rate = perSecond(result, (result.checkSeconds ?? result.seconds) as number);
    const cpuMs = ((result.cpuSeconds as number) * 1000) / (result.rows as number);
    const ratio = baseline ? cpuMs / (((baseline.cpuSeconds as number) * 1000) / (baseline.rows as number)) : undefined;
    results.push({ run, ...result, checkRowsPerSecond: rate, cpuMsPerRow: cpuMs, ...(ratio ? { cpuOfChecker: ratio } : {}) });
    console.log(
      `${run}\t${result.rows} rows\tchecked in ${((result.checkSeconds ?? result.seconds) as number).toFixed(1)} s (${rate} rows/s)\ttotal ${(result.seconds as number).toFixed(1)} s` +
        `\tCPU ${cpuMs.toFixed(2)} ms/row${ratio ? ` (${ratio.toFixed(2)}× the checker alone)` : ""}\tpeak RSS ${(result.peakRssMiB as number).toFixed(0)} MiB${result.mainHeapMiB ? ` (main heap ${result.mainHeapMiB} MiB)` : ""}`,
    );
  };
  try {
    const files = await prepare(work, [few, Math.round(reference / 5), reference]);
    // The reference questionnaire: what an import adds to the answer checks themselves.
    const baseline = await runChild(["--child", "check", "--file", String(few)]);
    report("reference: checker alone", baseline);
    report("reference: dry run", await runChild(["--child", "dry", "--survey", SURVEY, "--file", files.get(few)!]), baseline);
    report("reference: import", await runChild(["--child", "store", "--survey", SURVEY, "--file", files.get(few)!]), baseline);
    // The route's path: the rows checked in the worker threads; the time target and flat memory (the same peak RSS at both sizes).
    for (const size of [Math.round(reference / 5), reference]) {
      report("reference: dry run, worker pool", await runChild(["--child", "dry", "--pool", "--survey", SURVEY, "--file", files.get(size)!]), baseline);
    }
    // Memory against the number of rows, stored: the small questionnaire, in this thread (the CLI) and through the pool (the route).
    for (const pool of [false, true]) {
      for (const size of [Math.round(rows / 5), rows]) {
        report(
          `small: import${pool ? ", worker pool" : ""}`,
          await runChild(["--child", "store", ...(pool ? ["--pool"] : []), "--survey", SMALL, "--file", smallFile(work, size)]),
        );
      }
    }
    // The same in-thread import with the old generation capped: it finishes at both sizes only if what it retains stays small.
    for (const size of [Math.round(rows / 5), rows]) {
      const heap = Number(values.heap);
      report(`small: import, old generation ≤ ${heap} MiB`, await runChild(["--child", "store", "--survey", SMALL, "--file", smallFile(work, size)], heap));
    }
  } finally {
    if (values.keep) console.log(`files kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  const resultsDir = fileURLToPath(new URL("./results", import.meta.url));
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    join(resultsDir, "import.json"),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, database: "PostgreSQL (bench_import)", results }, null, 2)}\n`,
  );
}

if (values.child === "check") process.stdout.write(JSON.stringify(checkOnly(Number(values.file))));
else if (values.child) process.stdout.write(JSON.stringify(await importOnce(values.survey!, values.file!, values.child === "store", values.pool)));
else await main();
