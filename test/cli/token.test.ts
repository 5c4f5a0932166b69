import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { tokens } from "../../src/db/schema/index.js";
import { zonedDateTime } from "../../src/lib/time-zone.js";
import { runScript } from "../helpers/spawn.js";

const work = mkdtempSync(join(tmpdir(), "djs-token-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The machine's clock is set to Beijing time, as at the research groups.
const env = { DATABASE_URL: "", DATA_DIR: join(work, "data"), TZ: "Asia/Shanghai" };
const cli = (args: string[], input?: string) => runScript("src/cli/index.ts", args, env, input);

describe("npm run cli -- token list", () => {
  it("prints a header and the times in the machine's time zone with its offset", async () => {
    expect((await cli(["user", "create", "wangwu"], "a good long password\n")).code).toBe(0);
    expect((await cli(["token", "create", "王五的电脑", "--user", "wangwu"])).code).toBe(0);
    const list = await cli(["token", "list"]);
    expect(list.stderr).toBe("");
    const [header, line] = list.stdout.trimEnd().split("\n");
    expect(header.split("\t")).toEqual(["编号 id", "名称 label", "账户 account", "创建 created", "状态 state"]);

    const database = await openDatabase({ dataDir: join(work, "data", "pglite") });
    const [token] = await database.db.select().from(tokens);
    await database.close();
    expect(line.split("\t")).toEqual([String(token.id), "王五的电脑", "wangwu", zonedDateTime(token.createdAt.getTime(), "Asia/Shanghai"), "active"]);
    expect(line).toMatch(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+08:00\tactive$/);
  }, 180_000);
});
