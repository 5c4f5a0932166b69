/**
 * Whether heavy work starves submissions: submissions per second (wrk, POSTs of the small
 * questionnaire) and `/healthz` latency (one probe every 50 ms), first alone, then while the
 * reference study's report is built over and over and a 20,000-row CSV import runs, then alone
 * again, in the same run against the same server. The heavy phase is compared with the mean of
 * the two quiet ones, so that a warming server or a machine whose load drifts does not pass for
 * an effect of the heavy work. Prints the three phases and the ratios.
 *
 *   npx tsx bench/heavy-work.ts [--rows 20000] [--port 18310] [--connections 8]
 *
 * With DATABASE_URL set the server runs on that PostgreSQL server in the database
 * `bench_heavy` (recreated); otherwise on a fresh PGlite folder. Needs wrk (apt-get install wrk).
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import small from "../test/fixtures/small-survey.json" with { type: "json" };
import { projectRoot, runScript, startScript, stopScript } from "../test/helpers/spawn.js";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "20000" },
    port: { type: "string", default: "18310" },
    connections: { type: "string", default: "8" },
    alone: { type: "string", default: "15" },
  },
});
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), "djs-heavy-"));
mkdirSync(join(work, "surveys"));
const name = `bench-${Date.now()}`;
writeFileSync(join(work, "surveys", `${name}.json`), JSON.stringify(small));
const REFERENCE = "dangjian-innovation-2023";
// The reference study: its demo responses are what the report is built from.
copyFileSync(join(projectRoot, "surveys", `${REFERENCE}.json`), join(work, "surveys", `${REFERENCE}.json`));

/** A fresh database on the PostgreSQL server for this bench. */
async function benchDatabaseUrl(url: string): Promise<string> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe("drop database if exists bench_heavy with (force)");
  await admin.unsafe("create database bench_heavy");
  await admin.end();
  const own = new URL(url);
  own.pathname = "/bench_heavy";
  return own.toString();
}

/** The 20,000-row file: the small questionnaire, every row its own response id. */
function importFile(size: number): string {
  const levels = ["市", "区(县)", "街道(乡镇)", "社区(村)", "社会组织"];
  const problems = ["管理体制不顺畅", "创新动力不足", "有效覆盖不高", "顶层设计不到位", "经费不足"];
  const out = ["response_id,level,staff_count,main_problems,suggestions"];
  for (let i = 0; i < size; i++) {
    const level = levels[i % levels.length];
    out.push(`${randomUUID()},${level},${level === "社会组织" ? i % 500 : ""},"${problems[i % 5]};${problems[(i + 2) % 5]}",意见 ${i}`);
  }
  return `\uFEFF${out.join("\r\n")}\r\n`;
}

const WRK_SCRIPT = `
math.randomseed(os.time() + os.clock() * 1000000)
local levels = {"市", "区(县)", "街道(乡镇)", "社区(村)"}
local problems = {"管理体制不顺畅", "创新动力不足", "有效覆盖不高", "顶层设计不到位", "经费不足"}
local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function (c)
    return string.format("%x", c == "x" and math.random(0, 15) or math.random(8, 11))
  end))
end
request = function()
  local i = math.random(1, 4)
  local body = '{"id":"' .. uuid() .. '","data":{"level":"' .. levels[i] .. '","main_problems":["' .. problems[i] .. '","' .. problems[i + 1] .. '"],"suggestions":"建议"}}'
  return wrk.format("POST", nil, { ["content-type"] = "application/json" }, body)
end
`;
const wrkScript = join(work, "submit.lua");
writeFileSync(wrkScript, WRK_SCRIPT);

/** One wrk run of `seconds`: requests done, and those answered otherwise than 2xx. */
function wrk(seconds: number): Promise<{ requests: number; seconds: number; failed: number }> {
  return new Promise((resolve, reject) => {
    execFile(
      "wrk",
      ["-t1", `-c${values.connections}`, `-d${seconds}s`, "-s", wrkScript, `${base}/api/surveys/${name}/responses`],
      { timeout: (seconds + 30) * 1000 },
      (error, stdout) => {
        if (error) return reject(error);
        const done = /(\d+) requests in ([\d.]+)(m?s)/.exec(stdout);
        if (!done) return reject(new Error(`wrk said:\n${stdout}`));
        const failed = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
        resolve({ requests: Number(done[1]), seconds: Number(done[2]) / (done[3] === "ms" ? 1000 : 1), failed });
      },
    );
  });
}

/** Probes /healthz every 50 ms until stopped; its latencies in ms. */
function probe(): { stop: () => Promise<number[]> } {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      const res = await fetch(`${base}/healthz`);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return latencies;
    },
  };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** Submissions for `chunks` wrk runs of 5 s while `busy()` holds (at least one), with the probe's latencies. */
async function measure(busy: () => boolean, maxChunks: number) {
  const health = probe();
  let requests = 0;
  let seconds = 0;
  let failed = 0;
  for (let chunk = 0; chunk < maxChunks && (chunk === 0 || busy()); chunk++) {
    const run = await wrk(5);
    requests += run.requests;
    seconds += run.seconds;
    failed += run.failed;
  }
  const latencies = await health.stop();
  return {
    perSecond: requests / seconds,
    failed,
    seconds,
    healthP50: quantile(latencies, 0.5),
    healthP99: quantile(latencies, 0.99),
    healthMax: Math.max(...latencies),
    probes: latencies.length,
  };
}

const databaseUrl = process.env.DATABASE_URL ? await benchDatabaseUrl(process.env.DATABASE_URL) : "";
const env = { PORT: String(port), HOST: "127.0.0.1", DATA_DIR: join(work, "data"), SURVEYS_DIR: join(work, "surveys"), DATABASE_URL: databaseUrl };
// On a loaded machine the first start (the demo responses validated and stored) takes minutes.
const server = await startScript("src/index.ts", env, /listening on/, 600_000);
try {
  const cli = async (args: string[], input?: string) => {
    const run = await runScript("src/cli/index.ts", args, { ...env, SURVEYS_DIR: join(projectRoot, "surveys") }, input);
    if (run.code !== 0) throw new Error(`cli ${args.join(" ")}: ${run.stderr}`);
    return run.stdout;
  };
  // PGlite loads the demo on its first start; PostgreSQL on purpose.
  if (databaseUrl) await cli(["demo", "load"]);
  await cli(["user", "create", "bench", "--admin"], "bench-password-2026\n");
  const token = (await cli(["token", "create", "bench", "--user", "bench"])).match(/[A-Za-z0-9_-]{30,}/)?.[0];
  if (!token) throw new Error("no token printed");
  const auth = { authorization: `Bearer ${token}` };
  const definition = readFileSync(join(projectRoot, "surveys", "reports", `${REFERENCE}.report.json`), "utf8");
  const csv = importFile(Number(values.rows));

  // Warm-up: checkers built, a report and a small import through once (workers started).
  await wrk(5);
  const warm = await fetch(`${base}/api/surveys/${REFERENCE}/report`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: definition });
  if (warm.status !== 200) throw new Error(`report: ${warm.status} ${await warm.text()}`);
  await warm.arrayBuffer();

  const alone = await measure(() => true, Math.ceil(Number(values.alone) / 5));

  let importing = true;
  let reports = 0;
  const started = performance.now();
  // Progress lines (NDJSON) answer at once: a long import does not run into the client's header timeout.
  const importDone = fetch(`${base}/api/surveys/${name}/import`, {
    method: "POST",
    headers: { ...auth, "content-type": "text/csv", accept: "application/x-ndjson" },
    body: csv,
  }).then(async (res) => {
    const lines = (await res.text()).trim().split("\n");
    importing = false;
    const last = JSON.parse(lines[lines.length - 1]) as { type: string; status?: number; result?: { created: number } };
    if (last.type !== "result" || last.status !== 201) throw new Error(`import: ${lines[lines.length - 1].slice(0, 500)}`);
    return { created: last.result?.created, seconds: (performance.now() - started) / 1000 };
  });
  const reportsDone = (async () => {
    while (importing) {
      const res = await fetch(`${base}/api/surveys/${REFERENCE}/report`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: definition });
      if (res.status !== 200) throw new Error(`report: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      reports++;
    }
  })();
  const during = await measure(() => importing, 60);
  const imported = await importDone;
  await reportsDone;
  const after = await measure(() => true, Math.ceil(Number(values.alone) / 5));
  const quiet = { perSecond: (alone.perSecond + after.perSecond) / 2, healthP99: (alone.healthP99 + after.healthP99) / 2 };

  const figures = {
    database: databaseUrl ? "postgres" : "pglite",
    alone,
    during: { ...during, reports, imported },
    after,
    ratio: { submissions: during.perSecond / quiet.perSecond, healthP99: during.healthP99 / quiet.healthP99 },
  };
  console.log(JSON.stringify(figures, null, 2));
  const r = (x: number) => x.toFixed(1);
  console.log(
    `| ${figures.database} | ${r(alone.perSecond)} / ${r(after.perSecond)} | ${r(during.perSecond)} | ${(figures.ratio.submissions * 100).toFixed(0)} % | ${r(alone.healthP99)} / ${r(after.healthP99)} | ${r(during.healthP50)} / ${r(during.healthP99)} / ${r(during.healthMax)} | ${reports} | ${imported.created} in ${r(imported.seconds)} s |`,
  );
} finally {
  await stopScript(server.child);
  rmSync(work, { recursive: true, force: true });
}
