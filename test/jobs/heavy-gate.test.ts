import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createHeavyJobs, HeavyGate, HeavyJobsBusy, type HeavyJobs } from "../../src/jobs/index.js";
import { publishSurvey } from "../../src/services/surveys.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

describe("HeavyGate", () => {
  it("lets `limit` jobs in, refuses the next with the time the running ones still need, and counts each leave once", () => {
    let now = 0;
    const gate = new HeavyGate(2, () => now);
    const first = gate.enter();
    const second = gate.enter();
    now = 2000;
    const refused = (() => {
      try {
        gate.enter();
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(HeavyJobsBusy);
    expect((refused as HeavyJobsBusy).status).toBe(429);
    // Jobs are assumed to take 5 s until some have finished; the oldest has run 2 s.
    expect((refused as HeavyJobsBusy).retryAfter).toBe(3);
    first();
    first();
    expect(gate.active).toBe(1);
    const third = gate.enter();
    expect(gate.active).toBe(2);
    second();
    third();
    expect(gate.active).toBe(0);
    expect(() => new HeavyGate(0)).toThrow(/limit/);
  });
});

describe("reports, imports and exports beyond the bound", () => {
  let database: Database;
  let jobs: HeavyJobs;
  let app: ReturnType<typeof testApp>;
  let auth: Record<string, string>;
  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = createHeavyJobs(1);
    app = testApp(database, { jobs });
    auth = { authorization: (await researcherHeaders(database)).authorization };
    await publishSurvey(database.db, "small", small);
  });
  afterAll(async () => {
    await jobs.pool.close();
    await database.close();
  });

  it("answers 429 with Retry-After and a problem in the caller's language while the bound is taken, and serves again once it is free", async () => {
    const leave = jobs.gate.enter();
    const csv = "level,main_problems\r\n市,经费不足\r\n";
    // Each call made only when asked for: the bound counts every request that has started.
    const calls = [
      () => app.request("/api/surveys/small/export?format=csv", { headers: auth }),
      () => app.request("/api/surveys/small/import?dryRun=true", { method: "POST", headers: { ...auth, "content-type": "text/csv" }, body: csv }),
      () =>
        app.request("/api/surveys/small/report?lang=en", {
          method: "POST",
          headers: { ...auth, "content-type": "application/json" },
          body: JSON.stringify({ analyses: [{ type: "frequencies", title: "Level", question: "level" }] }),
        }),
    ];
    for (const res of await Promise.all(calls.map((call) => call()))) {
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
      const body = (await res.json()) as { detailCode: string; detail: string };
      expect(body.detailCode).toBe("jobs.busy");
      expect(body.detail).toMatch(/服务器|try again/);
    }
    leave();
    const exported = await calls[0]();
    expect(exported.status).toBe(200);
    expect(jobs.gate.active).toBe(1);
    await exported.arrayBuffer();
    // The export's place was held until its body had been read.
    expect(jobs.gate.active).toBe(0);
    const dryRun = await calls[1]();
    expect(dryRun.status).toBe(200);
    expect(await dryRun.json()).toMatchObject({ rows: 1, created: 1, dryRun: true });
    expect(jobs.gate.active).toBe(0);
  }, 120_000);
});
