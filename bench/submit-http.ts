/**
 * Submissions per second through the HTTP API: the real server (a child process, as
 * `npm start` runs it) and this process as the client, both on this machine.
 *
 *   npx tsx bench/submit-http.ts [--requests 4000] [--concurrency 32] [--survey small]
 *
 * With DATABASE_URL set the server runs on that PostgreSQL server, in a database of its
 * own (`bench_submit`, created when missing); otherwise on a fresh PGlite folder under the
 * system temp directory.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import small from "../test/fixtures/small-survey.json" with { type: "json" };
import { startScript, stopScript } from "../test/helpers/spawn.js";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "4000" },
    concurrency: { type: "string", default: "32" },
    port: { type: "string", default: "3917" },
  },
});
const total = Number(values.requests);
const concurrency = Number(values.concurrency);
const port = Number(values.port);

const work = mkdtempSync(join(tmpdir(), "djs-bench-"));
mkdirSync(join(work, "surveys"));
// A fresh survey name per run keeps runs on a shared PostgreSQL apart.
const name = `bench-${Date.now()}`;
writeFileSync(join(work, "surveys", `${name}.json`), JSON.stringify(small));

const levels = ["市", "区(县)", "街道(乡镇)", "社区(村)"];
const problems = ["管理体制不顺畅", "创新动力不足", "有效覆盖不高", "顶层设计不到位", "经费不足"];
function body(i: number) {
  return JSON.stringify({
    id: crypto.randomUUID(),
    data: { level: levels[i % 4], main_problems: [problems[i % 5], problems[(i + 2) % 5]], suggestions: `建议 ${i}` },
  });
}

/** The bench's own database on the server, so it never adds rows to anyone else's. */
async function benchDatabaseUrl(url: string): Promise<string> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = 'bench_submit'`;
  if (!exists) await admin.unsafe("create database bench_submit");
  await admin.end();
  const own = new URL(url);
  own.pathname = "/bench_submit";
  return own.toString();
}

const databaseUrl = process.env.DATABASE_URL ? await benchDatabaseUrl(process.env.DATABASE_URL) : "";
const server = await startScript(
  "src/index.ts",
  { PORT: String(port), HOST: "127.0.0.1", DATA_DIR: join(work, "data"), SURVEYS_DIR: join(work, "surveys"), DATABASE_URL: databaseUrl },
  /listening on/,
);
try {
  const url = `http://127.0.0.1:${port}/api/surveys/${name}/responses`;
  // Warm-up: the first submission builds the answer checker.
  for (let i = 0; i < 50; i++) await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: body(i) });

  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: body(i) });
        await res.arrayBuffer();
        if (res.status !== 201) failures++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  console.log(`database: ${process.env.DATABASE_URL ? "postgres" : "pglite"}; ${total} submissions, concurrency ${concurrency}`);
  console.log(`throughput: ${(total / seconds).toFixed(0)} submissions/s; latency ms p50 ${pct(50)} p95 ${pct(95)} p99 ${pct(99)}; failures ${failures}`);
} finally {
  await stopScript(server.child);
  rmSync(work, { recursive: true, force: true });
}
