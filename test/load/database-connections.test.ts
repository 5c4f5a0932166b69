import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoadClient, waitUntil } from "../helpers/load-client.js";
import { type LoadTarget, openLoadTarget, terminateConnections } from "../helpers/load-target.js";
import { freePort, killServer, type ServerProcess, startServer } from "../helpers/server-process.js";

const body = (id: string) => ({ id, data: { level: "市", main_problems: ["管理体制不顺畅"] } });

// pg_terminate_backend needs a PostgreSQL server; the embedded database has no connections to drop.
describe.skipIf(!process.env.DATABASE_URL)("the database's connections terminated under load (PostgreSQL)", () => {
  let target: LoadTarget;
  let server: ServerProcess;
  beforeAll(async () => {
    target = await openLoadTarget();
    server = await startServer(target.env, await freePort());
  }, 180_000);
  afterAll(async () => {
    if (server) await killServer(server, "SIGTERM");
    await target?.close();
  });

  it("answers 503 with Retry-After (never 500), stays up, recovers, and stores every acknowledged id exactly once", async () => {
    const client = new LoadClient(() => `${server.origin}/api/surveys/small/responses`, body);
    client.start(24);
    // Under way first (the first submissions also warm the questionnaire's checker up).
    await waitUntil(() => client.acknowledged.size >= 30, 60_000, "30 submissions before the faults");
    const before = client.acknowledged.size;
    let terminated = 0;
    for (let i = 0; i < 5; i++) {
      terminated += await terminateConnections(target.databaseName as string);
      await sleep(300);
    }
    const afterFaults = client.acknowledged.size;
    // Recovery by itself: submissions are acknowledged again once the connections are back.
    await waitUntil(() => client.acknowledged.size >= afterFaults + 30, 30_000, "30 submissions after the faults");
    await client.stop(Date.now() + 15_000).catch((err) => {
      throw new Error(`${err.message}; server exit ${server.child.exitCode ?? server.child.signalCode}:\n${server.output().slice(-2000)}`);
    });
    const stored = await target.storedIds();

    console.log(`terminated ${terminated} connections; acknowledged ${before} before, ${client.acknowledged.size} in all; outcomes`, Object.fromEntries(client.outcomes));
    expect(server.child.exitCode, server.output()).toBeNull();
    expect(server.child.signalCode).toBeNull();
    expect(terminated).toBeGreaterThan(0);
    // The faults hit requests in flight: some were answered 503, none 500.
    expect(client.count(503)).toBeGreaterThan(0);
    expect(client.count(500)).toBe(0);
    for (const f of client.failures) {
      expect(f.status).toBe(503);
      expect(f.contentType).toMatch(/^application\/problem\+json/);
      expect(Number(f.retryAfter)).toBeGreaterThan(0);
      expect(JSON.parse(f.body)).toMatchObject({ status: 503, type: "/problems/unavailable" });
    }
    expect(stored.length).toBe(client.acknowledged.size);
    expect(new Set(stored)).toEqual(client.acknowledged);
  }, 120_000);
});
