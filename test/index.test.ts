import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import small from "./fixtures/small-survey.json" with { type: "json" };
import { runScript, startScript, stopScript } from "./helpers/spawn.js";
import { freePort } from "./helpers/server-process.js";

const work = mkdtempSync(join(tmpdir(), "djs-start-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// npm start, as a user runs it: always on the embedded database in a fresh folder,
// because that is the default the README promises.
describe("npm start on the embedded database", () => {
  it("creates ./data, loads surveys/, prints page URLs, and keeps data across a restart", async () => {
    const surveysDir = join(work, "surveys");
    mkdirSync(surveysDir);
    writeFileSync(join(surveysDir, "small.json"), JSON.stringify(small));
    const port = await freePort();
    const env = { DATABASE_URL: "", DATA_DIR: join(work, "data"), SURVEYS_DIR: surveysDir, PORT: String(port), HOST: "127.0.0.1" };

    const first = await startScript("src/index.ts", env, /listening on/);
    try {
      expect(first.output()).toContain(`http://localhost:${port}/s/small`);
      expect(first.output()).toContain(`工作台 workspace: http://localhost:${port}/\n`);
      expect(first.output()).toMatch(new RegExp(`first start, create the administrator: http://localhost:${port}/setup\\?code=`));
      // Signed out, the workspace sends the reader to the sign-in page.
      expect((await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" })).headers.get("location")).toBe("./login");
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ status: "ok", database: "pglite" });
      const id = crypto.randomUUID();
      const res = await fetch(`http://127.0.0.1:${port}/api/surveys/small/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id, data: { level: "市", main_problems: ["管理体制不顺畅"] } }),
      });
      expect(res.status).toBe(201);

      // While the server holds the embedded database, accounts and tokens are made through it…
      const user = await runScript("src/cli/index.ts", ["user", "create", "zhangsan", "--admin"], env, "a good long password\n");
      expect(user.stderr).toBe("");
      expect(user.code).toBe(0);
      const live = await runScript("src/cli/index.ts", ["token", "create", "课题组", "--user", "zhangsan"], env);
      expect(live.code).toBe(0);
      const liveToken = live.stdout.trim();
      expect((await fetch(`http://127.0.0.1:${port}/api/surveys`, { headers: { authorization: `Bearer ${liveToken}` } })).status).toBe(200);
      // …and the server's socket in the data folder is its owner's only.
      expect(statSync(join(env.DATA_DIR, "control.sock")).mode & 0o777).toBe(0o600);
      // The other commands send their work to the server too instead of opening the database (test/control/heavy-commands.test.ts).
      const exported = await runScript("src/cli/index.ts", ["export", "small", "--format", "csv", "--out", join(work, "x.csv")], env);
      expect(exported.stderr).not.toMatch(/in use/);
      expect(exported.code).toBe(0);
      expect(exported.stdout).toMatch(/x\.csv: 1 responses/);
    } finally {
      await stopScript(first.child);
    }

    // With the server stopped, the command line opens the database itself.
    const token = await runScript("src/cli/index.ts", ["token", "create", "课题组", "--user", "zhangsan"], env);
    expect(token.code).toBe(0);
    const text = token.stdout.trim();
    expect(text).toMatch(/^djs_/);

    const second = await startScript("src/index.ts", env, /listening on/);
    try {
      const list = await fetch(`http://127.0.0.1:${port}/api/surveys`, { headers: { authorization: `Bearer ${text}` } });
      expect(list.status).toBe(200);
      const body = (await list.json()) as { surveys: { name: string; version: number; responses: { total: number } }[] };
      // Same survey, still version 1 (unchanged file), and the response survived the restart.
      expect(body.surveys).toMatchObject([{ name: "small", version: 1, responses: { total: 1 } }]);
    } finally {
      await stopScript(second.child);
    }
  }, 300_000);

  it("stops with a message naming the file when a questionnaire in surveys/ is bad", async () => {
    const surveysDir = join(work, "bad-surveys");
    mkdirSync(surveysDir);
    writeFileSync(join(surveysDir, "broken.json"), JSON.stringify({ pages: [{ name: "p", elements: [{ type: "nope", name: "q" }] }] }));
    const result = await runScript("src/index.ts", [], {
      DATABASE_URL: "",
      DATA_DIR: join(work, "data-bad"),
      SURVEYS_DIR: surveysDir,
      PORT: String(await freePort()),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("broken.json");
  }, 60_000);
});

describe("npm start with no account yet", () => {
  it("prints a one-time setup link that creates the first administrator", async () => {
    const surveysDir = join(work, "no-surveys");
    mkdirSync(surveysDir);
    const port = await freePort();
    const env = { DATABASE_URL: "", DATA_DIR: join(work, "data-setup"), SURVEYS_DIR: surveysDir, PORT: String(port), HOST: "127.0.0.1" };
    const server = await startScript("src/index.ts", env, /listening on/);
    try {
      const link = /(http:\/\/localhost:\d+\/setup\?code=[A-Za-z0-9_-]+)/.exec(server.output())?.[1];
      expect(link).toBeDefined();
      const url = link!.replace("localhost", "127.0.0.1");
      expect((await fetch(url)).status).toBe(200);
      const code = new URL(url).searchParams.get("code")!;
      const made = await fetch(`http://127.0.0.1:${port}/setup`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ code, login: "admin", name: "管理员", password: "first admin password" }).toString(),
      });
      expect(made.status).toBe(303);
      expect((await fetch(url)).status).toBe(404);
    } finally {
      await stopScript(server.child);
    }
  }, 300_000);
});

describe("npm run cli", () => {
  it("prints help and refuses unknown commands", async () => {
    const help = await runScript("src/cli/index.ts", ["--help"], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("token create <label> --user <login>");
    const unknown = await runScript("src/cli/index.ts", ["frobnicate"], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown command 'frobnicate'");
  }, 30_000);
});
