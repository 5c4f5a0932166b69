import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { tokens, users } from "../../src/db/schema/index.js";
import { runScript } from "../helpers/spawn.js";

const work = mkdtempSync(join(tmpdir(), "djs-user-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The embedded database in a fresh folder, as `npm run cli` uses it on a new machine.
const env = { DATABASE_URL: "", DATA_DIR: join(work, "data") };
const cli = (args: string[], input?: string) => runScript("src/cli/index.ts", args, env, input);

async function readBack() {
  const database = await openDatabase({ dataDir: join(work, "data", "pglite") });
  try {
    return { users: await database.db.select().from(users), tokens: await database.db.select().from(tokens) };
  } finally {
    await database.close();
  }
}

describe("npm run cli -- user", () => {
  it("prints its usage for --help and does nothing else", async () => {
    const help = await cli(["user", "create", "zhangsan", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("create <login> [--admin] [--name <name>]");
    expect(existsSync(env.DATA_DIR)).toBe(false);
    expect((await cli(["--help"])).stdout).toContain("user create <login>");
  }, 30_000);

  it("creates an account with the password from standard input, stored as an argon2id hash", async () => {
    const made = await cli(["user", "create", "ZhangSan", "--admin", "--name", "张三"], "a good long password\n");
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    expect(made.stdout).toContain("zhangsan");
    const list = await cli(["user", "list"]);
    expect(list.stdout).toMatch(/^zhangsan\t张三\tadmin\tactive$/m);

    const token = await cli(["token", "create", "张三的电脑", "--user", "zhangsan"]);
    expect(token.code).toBe(0);
    const { users: rows, tokens: made2 } = await readBack();
    expect(rows).toMatchObject([{ login: "zhangsan", name: "张三", admin: true }]);
    expect(rows[0].passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(rows)).not.toContain("a good long password");
    expect(made2).toMatchObject([{ label: "张三的电脑", userId: rows[0].id }]);
  }, 180_000);

  it("refuses a short password, a taken login and an unknown --user, creating nothing", async () => {
    const short = await cli(["user", "create", "lisi"], "short\n");
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/8 to 256 characters/);
    const taken = await cli(["user", "create", "ZHANGSAN"], "another long password\n");
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/already an account 'zhangsan'/);
    const nobody = await cli(["token", "create", "x", "--user", "nobody"]);
    expect(nobody.code).toBe(2);
    expect((await readBack()).users).toHaveLength(1);
  }, 180_000);
});
