/**
 * `WORKERS=N npm start`: N processes on one port over PostgreSQL, the start-up work done once,
 * a dead process replaced; on the embedded database, which belongs to one process, refused.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { descendants } from "../helpers/process-tree.js";
import { freePort } from "../helpers/server-process.js";
import { runScript, startScript, stopScript } from "../helpers/spawn.js";

const work = mkdtempSync(join(tmpdir(), "djs-cluster-"));
const surveysDir = join(work, "surveys");
mkdirSync(surveysDir);
writeFileSync(join(surveysDir, "small.json"), JSON.stringify(small));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The workers: tsx (`root`) runs node, the primary, whose children they are. */
function workers(root: number): number[] {
  const tree = descendants(root);
  const primary = tree.find((p) => p.ppid === root)?.pid;
  return tree.filter((p) => p.ppid === primary).map((p) => p.pid);
}

describe("WORKERS on the embedded database", () => {
  it("is refused with the reason, and starts nothing", async () => {
    const port = await freePort();
    const result = await runScript("src/index.ts", [], {
      DATABASE_URL: "",
      WORKERS: "2",
      DATA_DIR: join(work, "data"),
      SURVEYS_DIR: surveysDir,
      PORT: String(port),
      HOST: "127.0.0.1",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("WORKERS above 1 needs PostgreSQL (DATABASE_URL)");
  });
});

describe.runIf(process.env.DATABASE_URL)("WORKERS=2 on PostgreSQL", () => {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const url = new URL(process.env.DATABASE_URL ?? "postgres://x/y");
  url.pathname = `/${name}`;
  const admin = postgres(process.env.DATABASE_URL ?? "postgres://x/y", { max: 1, onnotice: () => {} });
  afterAll(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("serves from two processes, did the start-up once, and replaces a process that dies", { timeout: 180_000 }, async () => {
    await admin.unsafe(`create database ${name}`);
    const port = await freePort();
    const env = { DATABASE_URL: url.toString(), WORKERS: "2", SURVEYS_DIR: surveysDir, PORT: String(port), HOST: "127.0.0.1", SUBMIT_RATE_LIMIT: "0" };
    const server = await startScript("src/index.ts", env, /listening on/);
    try {
      const banner = server.output();
      expect(banner.match(/listening on/g)).toHaveLength(1);
      expect(banner).toContain("server processes: 2");
      const root = server.child.pid as number;
      const first = workers(root);
      expect(first).toHaveLength(2);

      const post = (id: string) =>
        fetch(`http://127.0.0.1:${port}/api/surveys/small/responses`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ id, data: { level: "市", main_problems: ["管理体制不顺畅"] } }),
        });
      const ids = Array.from({ length: 40 }, () => crypto.randomUUID());
      expect((await Promise.all(ids.map(post))).map((r) => r.status)).toEqual(ids.map(() => 201));

      // One process dies outright: the other keeps answering, and a new one takes its place.
      process.kill(first[0], "SIGKILL");
      // A kept-alive connection to the dead process is reset; a client sends again, as the respondent page does.
      const again = crypto.randomUUID();
      let status = 0;
      for (let attempt = 0; attempt < 3 && status === 0; attempt++)
        status = await post(again).then(
          (r) => r.status,
          () => 0,
        );
      expect(status).toBe(201);
      let now: number[] = [];
      for (let i = 0; i < 200 && !(now.length === 2 && !now.includes(first[0])); i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        now = workers(root);
      }
      expect(now).toHaveLength(2);
      expect(now).not.toContain(first[0]);
    } finally {
      await stopScript(server.child);
    }
    const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      // Published once, not once per process; the 41 responses stored.
      const [versions] = await db`select count(*)::int as n from survey_versions`;
      expect(versions.n).toBe(1);
      const [publications] = await db`select count(*)::int as n from audit_events where action = 'survey.publish'`;
      expect(publications.n).toBe(1);
      const [stored] = await db`select count(*)::int as n from responses`;
      expect(stored.n).toBe(41);
    } finally {
      await db.end();
    }
    // Stopped, no process is left behind.
    expect(descendants(server.child.pid as number)).toEqual([]);
  });
});
