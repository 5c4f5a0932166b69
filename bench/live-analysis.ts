/**
 * The cost of live results on the server (issue 14, item 3): responses arrive over HTTP while
 * 0, then 50 live analysis streams are open, in the same run; the server's submissions per
 * second and its CPU time per second of wall clock are compared.
 *
 *   npx tsx bench/live-analysis.ts [--seconds 20] [--streams 50] [--seed 600] [--concurrency 4] [--port 18650]
 *
 * The server (the real app on PGlite in memory, the reference questionnaire with `--seed` demo
 * responses) runs in this process; the load — the submitting clients and the stream readers —
 * runs in a child process (this script with --client), so the CPU measured is the server's.
 * The 50 streams watch 5 different analyses (10 viewers each), as pages of a study's team
 * would. Results go to bench/results/live-analysis.json; the table is copied into README.md.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createApp } from "../src/app.js";
import { openDatabase } from "../src/db/client.js";
import { generateDemoResponses } from "../src/demo/index.js";
import { createUser } from "../src/services/accounts/users.js";
import { LiveResults } from "../src/services/analysis/live.js";
import { AnswerCheckers } from "../src/services/answer-checkers.js";
import { submitResponse } from "../src/services/responses.js";
import { publishSurvey } from "../src/services/surveys.js";
import { createToken } from "../src/services/tokens.js";
import reference from "../surveys/dangjian-innovation-2023.json" with { type: "json" };

const SURVEY = "dangjian-innovation-2023";
const socialOrgs = { question: "level", in: ["社会组织"] };
/** What the open pages watch: five analyses, each by a tenth of the streams. */
const WATCHED = [
  { kind: "frequencies", request: { question: "main_problems" } },
  { kind: "crosstab", request: { row: "multi_dept", column: "level" } },
  { kind: "ratio", request: { numerator: "member_count", denominator: "staff_count", by: "org_type", filter: socialOrgs } },
  { kind: "frequencies", request: { question: "level" } },
  { kind: "crosstab", request: { row: "party_org_form", column: "hub", filter: socialOrgs } },
];

const { values: args } = parseArgs({
  options: {
    client: { type: "boolean", default: false },
    seconds: { type: "string", default: "20" },
    streams: { type: "string", default: "50" },
    seed: { type: "string", default: "600" },
    concurrency: { type: "string", default: "4" },
    port: { type: "string", default: "18650" },
    origin: { type: "string" },
  },
});

if (args.client) await client();
else await main();

/** The load: `streams` live streams open for the whole phase, and `concurrency` submitting loops. */
async function client() {
  const origin = args.origin!;
  const token = process.env.BENCH_TOKEN!;
  const streams = Number(args.streams);
  const seconds = Number(args.seconds);
  const answers = generateDemoResponses(reference).map((r) => r.data);
  const controllers: AbortController[] = [];
  let events = 0;
  let opened = 0;
  const readers = Array.from({ length: streams }, async (_, i) => {
    const { kind, request } = WATCHED[i % WATCHED.length];
    const controller = new AbortController();
    controllers.push(controller);
    const res = await fetch(`${origin}/api/surveys/${SURVEY}/analysis/${kind}/live?request=${encodeURIComponent(JSON.stringify(request))}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let first = true;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        const n = text.split("event: result").length - 1;
        if (n > 0 && first) {
          opened++;
          first = false;
        }
        events += n;
      }
    } catch {
      // Aborted at the end of the phase.
    }
  });
  // Every stream has its first result before the clock starts.
  while (opened < streams) await new Promise((r) => setTimeout(r, 50));
  const start = Date.now();
  let submitted = 0;
  let failed = 0;
  let next = 0;
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: Number(args.concurrency) }, async () => {
      while (Date.now() < end) {
        const data = answers[next++ % answers.length];
        const res = await fetch(`${origin}/api/surveys/${SURVEY}/responses`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ id: crypto.randomUUID(), data, complete: true }),
        });
        await res.arrayBuffer();
        if (res.status === 201) submitted++;
        else failed++;
      }
    }),
  );
  const wall = (Date.now() - start) / 1000;
  const eventsBeforeClose = events;
  for (const c of controllers) c.abort();
  await Promise.allSettled(readers);
  process.stdout.write(`${JSON.stringify({ submitted, failed, wall, events: eventsBeforeClose })}\n`);
}

async function main() {
  const database = await openDatabase({ dataDir: "memory://" });
  const admin = await createUser(database.db, { login: "bench", name: "bench", password: "bench password long", admin: true });
  const { token } = await createToken(database.db, "bench", admin.id);
  await publishSurvey(database.db, SURVEY, reference, { owner: admin.id });
  const checkers = new AnswerCheckers();
  const seed = generateDemoResponses(reference).slice(0, Number(args.seed));
  for (const r of seed) await submitResponse(database.db, checkers, SURVEY, { id: r.id, data: r.data, complete: true });
  const live = new LiveResults(database.db);
  const app = createApp({ db: database.db, kind: database.kind, checkers, live });
  const server = await new Promise<{ close: () => void; port: number }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: Number(args.port), hostname: "127.0.0.1" }, (info: AddressInfo) => resolve({ close: () => s.close(), port: info.port }));
  });
  const origin = `http://127.0.0.1:${server.port}`;
  console.log(`seeded ${seed.length} responses; serving on ${origin}`);

  const phases = [];
  // A first phase warms the JIT and the caches and is not reported; then 0, N, 0 streams, so a
  // drift of the machine's other load shows as a difference between the two 0 phases.
  const n = Number(args.streams);
  for (const [i, streams] of [0, 0, n, 0].entries()) {
    const computations = live.computations;
    const checks = live.checks;
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const result = await runClient(origin, token, streams);
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    const phase = {
      streams,
      submissionsPerSecond: result.submitted / result.wall,
      submitted: result.submitted,
      failed: result.failed,
      // The server's CPU seconds per wall-clock second over the whole phase (streams opening included); 2.0 = both cores.
      serverCpu: (used.user + used.system) / 1e6 / wall,
      computations: live.computations - computations,
      stampChecks: live.checks - checks,
      eventsSent: result.events,
    };
    console.log(JSON.stringify({ ...phase, warmUp: i === 0, loadAverage: loadavg()[0] }));
    if (i > 0) phases.push({ ...phase, loadAverage: loadavg()[0] });
  }
  server.close();
  live.close();
  await database.close();
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    seconds: Number(args.seconds),
    seed: seed.length,
    concurrency: Number(args.concurrency),
    watched: WATCHED,
    phases,
  };
  const dir = fileURLToPath(new URL("./results/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}live-analysis.json`, `${JSON.stringify(out, null, 1)}\n`);
  console.log("| open streams | submissions/s | server CPU (cores) | computations | stamp checks | results sent | load average |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|");
  for (const p of phases)
    console.log(
      `| ${p.streams} | ${p.submissionsPerSecond.toFixed(1)} | ${p.serverCpu.toFixed(2)} | ${p.computations} | ${p.stampChecks} | ${p.eventsSent} | ${p.loadAverage.toFixed(1)} |`,
    );
  process.exit(0);
}

function runClient(origin: string, token: string, streams: number): Promise<{ submitted: number; failed: number; wall: number; events: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        fileURLToPath(import.meta.url),
        "--client",
        "--origin",
        origin,
        "--streams",
        String(streams),
        "--seconds",
        args.seconds!,
        "--concurrency",
        args.concurrency!,
      ],
      {
        env: { ...process.env, BENCH_TOKEN: token },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`client exited ${code}`))));
  });
}
