import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoadClient, waitUntil } from "../helpers/load-client.js";
import { type LoadTarget, openLoadTarget } from "../helpers/load-target.js";
import { freePort, killServer, type ServerProcess, startServer } from "../helpers/server-process.js";

const body = (id: string) => ({ id, data: { level: "市", main_problems: ["管理体制不顺畅"] } });

// The server killed outright (power cut, OOM killer) while submissions pour in, then started again
// on the same data: what it acknowledged must be there, once, and the clients' retries of what it
// did not acknowledge must land exactly once too. On PGlite this also opens the data folder again
// after a kill (stale lock file, database recovery).
describe(`SIGKILL of the server under load (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let target: LoadTarget;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    target = await openLoadTarget();
  });
  afterAll(async () => {
    if (server) await killServer(server, "SIGTERM");
    await target?.close();
  });

  it("loses no acknowledged response and stores every retried one exactly once", async () => {
    const t0 = Date.now();
    const phase = (what: string) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s ${what}`);
    const port = await freePort();
    server = await startServer(target.env, port);
    const first = server;
    phase("started");
    const client = new LoadClient(() => `http://127.0.0.1:${port}/api/surveys/small/responses`, body);
    client.start(24);
    await waitUntil(() => client.acknowledged.size >= 30, 60_000, "30 submissions before the kill");
    phase("30 acknowledged");
    await killServer(first, "SIGKILL");
    const beforeKill = client.acknowledged.size;
    // The requests in flight at the kill get no answer; the clients keep retrying their ids meanwhile.
    server = await startServer(target.env, port);
    phase("restarted");
    await waitUntil(() => client.acknowledged.size >= beforeKill + 30, 60_000, "30 submissions after the restart");
    await client.stop(Date.now() + 15_000);
    phase("stopped");
    // PGlite is one process's database: read it back once the server has let it go.
    if (target.kind === "pglite") {
      await killServer(server, "SIGTERM");
      server = undefined;
    }
    const stored = await target.storedIds();

    console.log(`acknowledged ${beforeKill} before the kill, ${client.acknowledged.size} in all; outcomes`, Object.fromEntries(client.outcomes));
    expect(first.child.signalCode).toBe("SIGKILL");
    expect(client.count("network")).toBeGreaterThan(0);
    expect(client.count(500)).toBe(0);
    expect(stored.length).toBe(client.acknowledged.size);
    expect(new Set(stored)).toEqual(client.acknowledged);
  }, 300_000);
});
