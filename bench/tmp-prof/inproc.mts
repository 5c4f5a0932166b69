import { createApp } from "../../src/app.js";
import { openDatabase } from "../../src/db/client.js";
import { publishSurvey } from "../../src/services/surveys.js";
import small from "../../test/fixtures/small-survey.json" with { type: "json" };
import { Session } from "node:inspector/promises";
const url = process.env.DATABASE_URL;
const database = await openDatabase(url ? { url } : { dataDir: "memory://" });
await publishSurvey(database.db, "small", small);
const app = createApp({ db: database.db, kind: database.kind });
const body = (i: number) => JSON.stringify({ id: crypto.randomUUID(), data: { level: "市", main_problems: ["经费不足", "创新动力不足"], suggestions: `建议 ${i}` } });
async function run(n: number) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < n) {
        const i = next++;
        const r = await app.request("/api/surveys/small/responses", { method: "POST", headers: { "content-type": "application/json" }, body: body(i) });
        if (r.status !== 201) throw new Error(String(r.status) + (await r.text()));
      }
    }),
  );
}
await run(300);
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.start");
const c0 = process.cpuUsage();
const t0 = performance.now();
const N = Number(process.env.N ?? 3000);
await run(N);
const cpu = process.cpuUsage(c0);
const wall = performance.now() - t0;
const { profile } = await session.post("Profiler.stop");
const fs = await import("node:fs");
fs.writeFileSync("/tmp/prof2/req.cpuprofile", JSON.stringify(profile));
console.log(`${database.kind}: ${N} in ${wall.toFixed(0)} ms wall = ${((N / wall) * 1000).toFixed(0)}/s; CPU ${((cpu.user + cpu.system) / N).toFixed(0)} µs per submission`);
await database.close();
