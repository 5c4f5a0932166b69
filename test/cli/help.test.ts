import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runScript } from "../helpers/spawn.js";

const work = mkdtempSync(join(tmpdir(), "djs-help-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Each call gets its own embedded database folder, which must never come to exist: no call
// below may open a database, so none may make a token or an account, or load the demo.
let calls = 0;
async function cli(args: string[]) {
  const dataDir = join(work, `data-${++calls}`);
  const run = await runScript("src/cli/index.ts", args, { DATABASE_URL: "", DATA_DIR: dataDir }, "");
  return { ...run, madeData: existsSync(dataDir) };
}

// Each call with --help or -h somewhere in it, and a line its usage must contain.
const helpCalls: [string[], string][] = [
  [["token", "create", "--help"], "create <label> --user <login>"],
  [["token", "create", "北京课题组", "--user", "zhangsan", "-h"], "create <label> --user <login>"],
  [["token", "list", "--help"], "list "],
  [["token", "revoke", "--help"], "revoke <id>"],
  [["token", "revoke", "3", "-h"], "revoke <id>"],
  [["token", "--help", "create", "x"], "create <label> --user <login>"],
  [["demo", "load", "--help"], "npm run cli -- demo load"],
  [["demo", "-h", "load"], "npm run cli -- demo load"],
  [["export", "--help"], "npm run cli -- export <survey>"],
  [["export", "dangjian-innovation-2023", "--format", "xlsx", "--help"], "npm run cli -- export <survey>"],
  [["import", "dangjian-innovation-2023", "some.csv", "--help"], "npm run cli -- import <survey>"],
  [["report", "dangjian-innovation-2023", "-h"], "npm run cli -- report <survey>"],
  [["user", "create", "--help"], "create <login> [--admin]"],
  [["user", "list", "--help"], "list "],
  [["--help"], "Commands:"],
];

// Unknown options, and the usage that must follow the refusal.
const unknownCalls: [string[], string][] = [
  [["token", "create", "x", "--user", "zhangsan", "--lable", "y"], "create <label> --user <login>"],
  [["token", "list", "--all"], "list "],
  [["token", "revoke", "3", "--force"], "revoke <id>"],
  [["demo", "load", "--fast"], "npm run cli -- demo load"],
  [["export", "dangjian-innovation-2023", "--fromat", "csv"], "npm run cli -- export <survey>"],
  [["import", "dangjian-innovation-2023", "some.csv", "--dryrun"], "npm run cli -- import <survey>"],
  [["report", "dangjian-innovation-2023", "--output", "/tmp/x"], "npm run cli -- report <survey>"],
  [["user", "create", "lisi", "--administrator"], "create <login> [--admin]"],
  [["user", "list", "--verbose"], "list "],
];

describe("npm run cli -- … --help", () => {
  it.each(helpCalls)("%j prints its usage, exits 0 and does nothing else", async (args, usage) => {
    const run = await cli(args);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(usage);
    expect(run.madeData).toBe(false);
  });

  it.each(unknownCalls)("%j refuses the unknown option with the usage, exit 2, nothing done", async (args, usage) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown option/);
    expect(run.stderr).toContain(usage);
    expect(run.stdout).toBe("");
    expect(run.madeData).toBe(false);
  });
});
