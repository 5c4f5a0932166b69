/**
 * Submissions per second against the same server's `/healthz` rate, both measured by wrk in
 * the same run, so the ratio compares across machines; then a soak at a fraction of the
 * measured submission rate with the server's memory sampled.
 *
 *   npx tsx bench/submit-wrk.ts [--workers 1] [--seconds 10] [--connections 64] [--threads 2]
 *                               [--soak 60] [--soak-share 0.8] [--port 3918]
 *
 * With DATABASE_URL set the server runs on that PostgreSQL server, in a database of its own
 * (`bench_wrk`, dropped and created again each run); otherwise on a fresh PGlite folder.
 * Needs wrk (Debian: `apt-get install -y wrk`). Every request posts a new id (bench/wrk/submit.lua),
 * so each is validated and stored; the stored rows are counted afterwards and must be at least
 * the 201s wrk saw (the exact-once check under faults is test/load's).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import postgres from "postgres";
import small from "../test/fixtures/small-survey.json" with { type: "json" };
import { openDatabase } from "../src/db/client.js";
import { pglitePath } from "../src/lib/paths.js";
import { treeRssMb } from "../test/helpers/process-tree.js";
import { startScript, stopScript } from "../test/helpers/spawn.js";

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    workers: { type: "string", default: "1" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "64" },
    threads: { type: "string", default: "2" },
    soak: { type: "string", default: "60" },
    "soak-share": { type: "string", default: "0.8" },
    port: { type: "string", default: "3918" },
  },
});
const port = Number(values.port);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

interface WrkResult {
  requests: number;
  seconds: number;
  created: number;
  other: number;
  socketErrors: number;
  p50: number;
  p99: number;
}

async function wrk(script: string, url: string, duration: number, env: Record<string, string> = {}): Promise<WrkResult> {
  const args = ["-t", values.threads as string, "-c", String(connections), "-d", `${duration}s`, "--timeout", "10s", "-s", script, url];
  const { stdout } = await run("wrk", args, { env: { ...process.env, ...env }, maxBuffer: 1 << 24 });
  const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  return JSON.parse(line.slice(7)) as WrkResult;
}

async function benchDatabaseUrl(url: string): Promise<string> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe("drop database if exists bench_wrk with (force)");
  await admin.unsafe("create database bench_wrk");
  await admin.end();
  const own = new URL(url);
  own.pathname = "/bench_wrk";
  return own.toString();
}

const work = mkdtempSync(join(tmpdir(), "djs-wrk-"));
mkdirSync(join(work, "surveys"));
const name = "bench-wrk";
writeFileSync(join(work, "surveys", `${name}.json`), JSON.stringify(small));
const databaseUrl = process.env.DATABASE_URL ? await benchDatabaseUrl(process.env.DATABASE_URL) : "";
const dataDir = join(work, "data");
const kind = databaseUrl ? "postgres" : "pglite";

const server = await startScript(
  "src/index.ts",
  { PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, SURVEYS_DIR: join(work, "surveys"), DATABASE_URL: databaseUrl, WORKERS: values.workers, SUBMIT_RATE_LIMIT: "0" },
  /listening on/,
);
const pid = server.child.pid as number;
const base = `http://127.0.0.1:${port}`;
const submitPath = `/api/surveys/${name}/responses`;
let created = 0;
const results: Record<string, unknown> = {};
try {
  // Warm-up: builds the answer checker and fills the caches in every process.
  await wrk("bench/wrk/submit.lua", base + submitPath, 2, { SUBMIT_PATH: submitPath, RUN: "0000ffff" }).then((r) => (created += r.created));
  const health = await wrk("bench/wrk/get.lua", `${base}/healthz`, seconds);
  const submit = await wrk("bench/wrk/submit.lua", base + submitPath, seconds, { SUBMIT_PATH: submitPath, RUN: "00000001" });
  created += submit.created;
  const healthRate = health.created / health.seconds;
  const submitRate = submit.created / submit.seconds;
  results.health = { ...health, rate: Math.round(healthRate) };
  results.submit = { ...submit, rate: Math.round(submitRate), ratio: Number((submitRate / healthRate).toFixed(4)) };
  console.log(`database ${kind}, WORKERS=${values.workers}, wrk -t${values.threads} -c${connections} -d${seconds}s`);
  console.log(`/healthz: ${Math.round(healthRate)}/s, p50 ${health.p50.toFixed(2)} ms, p99 ${health.p99.toFixed(2)} ms`);
  console.log(
    `submissions: ${Math.round(submitRate)}/s, p50 ${submit.p50.toFixed(2)} ms, p99 ${submit.p99.toFixed(2)} ms, non-201 ${submit.other}, socket errors ${submit.socketErrors}; ratio ${(submitRate / healthRate).toFixed(4)}`,
  );

  const soakSeconds = Number(values.soak);
  if (soakSeconds > 0) {
    // wrk cannot hold a rate; a pause per connection between requests approximates one.
    const target = submitRate * Number(values["soak-share"]);
    const delayMs = Math.max(0, Math.round((connections * 1000) / target - submit.p50));
    const samples: number[] = [treeRssMb(pid)];
    const timer = setInterval(() => samples.push(treeRssMb(pid)), 5000);
    const soak = await wrk("bench/wrk/submit.lua", base + submitPath, soakSeconds, { SUBMIT_PATH: submitPath, RUN: "00000002", DELAY_MS: String(delayMs) });
    clearInterval(timer);
    samples.push(treeRssMb(pid));
    created += soak.created;
    results.soak = { ...soak, target: Math.round(target), rate: Math.round(soak.created / soak.seconds), rssMb: samples };
    console.log(
      `soak ${soakSeconds}s at ~${Math.round(target)}/s: ${Math.round(soak.created / soak.seconds)}/s, p99 ${soak.p99.toFixed(2)} ms, non-201 ${soak.other}, socket errors ${soak.socketErrors}; RSS MB every 5 s: ${samples.join(" ")}`,
    );
  }
} finally {
  await stopScript(server.child);
}

// Every 201 is a row.
const database = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir: pglitePath(dataDir) });
const rows = await database.db.execute<{ n: number }>("select count(*)::int as n from responses" as never);
const stored = Number((rows as unknown as { rows?: { n: number }[] }).rows?.[0]?.n ?? (rows as unknown as { n: number }[])[0]?.n);
await database.close();
// wrk stops without reading the answers to requests still in flight: those rows are stored but not counted as 201s.
console.log(`acknowledged (201) ${created}, stored ${stored} (the rest were in flight when wrk stopped)`);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
console.log(`RESULTS ${JSON.stringify({ kind, workers: Number(values.workers), connections, ...results, created, stored })}`);
rmSync(work, { recursive: true, force: true });
if (stored < created) process.exitCode = 1;
