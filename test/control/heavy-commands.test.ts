import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { projectRoot, runScript, startScript, stopScript } from "../helpers/spawn.js";
import { freePort } from "../helpers/server-process.js";

const work = mkdtempSync(join(tmpdir(), "djs-heavy-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const GOOD_CSV = `\uFEFFresponse_id,level,staff_count,main_problems,suggestions\r\n${Array.from(
  { length: 30 },
  (_, i) => `BJ-${i},${["市", "区(县)", "社会组织"][i % 3]},${i % 3 === 2 ? 10 + i : ""},"管理体制不顺畅;经费不足",建议 ${i}`,
).join("\r\n")}\r\n`;
// Row 3: a level that is no choice; row 4: more than three problems.
const BAD_CSV = `response_id,level,staff_count,main_problems,suggestions\r\nX-1,市,,管理体制不顺畅,\r\nX-2,省,,管理体制不顺畅,\r\nX-3,市,,"管理体制不顺畅;创新动力不足;有效覆盖不高;经费不足",\r\n`;

const DEFINITION = {
  title: "小型报告",
  analyses: [
    { type: "frequencies", title: "层级", question: "level" },
    { type: "crosstab", title: "主要问题与层级", row: "main_problems", column: "level" },
  ],
};

/** Masks what differs between two runs of a command: durations and rates of the bars and summaries. */
const steady = (text: string) =>
  text
    .replace(/\d+(\.\d+)? ?s\b/g, "#s")
    .replace(/\d+\/s/g, "#/s")
    .replace(/ETA \d+s/g, "ETA #s");

// The embedded database is one process's: while the server holds it, demo, export, import and
// report send their work to it over the control socket, and must do what they do without it.
describe("the command line while the server runs on the embedded database", () => {
  it("loads the demo, imports, exports and reports through the server, with the same files and outcomes as without it", async () => {
    const surveysDir = join(work, "surveys");
    mkdirSync(surveysDir);
    writeFileSync(join(surveysDir, "small.json"), JSON.stringify(small));
    // demo load publishes the command line's surveys/ first: the census is the quick demo set.
    const demoSurveys = join(work, "demo-surveys");
    mkdirSync(demoSurveys);
    copyFileSync(join(projectRoot, "surveys", "org-coverage-census.json"), join(demoSurveys, "org-coverage-census.json"));
    writeFileSync(join(work, "good.csv"), GOOD_CSV);
    writeFileSync(join(work, "bad.csv"), BAD_CSV);
    writeFileSync(join(work, "definition.json"), JSON.stringify(DEFINITION));
    const port = await freePort();
    const env = { DATABASE_URL: "", DATA_DIR: join(work, "data"), SURVEYS_DIR: surveysDir, PORT: String(port), HOST: "127.0.0.1" };
    const cli = (args: string[], extra: Record<string, string> = {}) => runScript("src/cli/index.ts", args, { ...env, ...extra });

    // A loaded machine (other test runs) can take minutes to start the server.
    const server = await startScript("src/index.ts", env, /listening on/, 300_000);
    const live: Record<string, Awaited<ReturnType<typeof cli>>> = {};
    try {
      live.badImport = await cli(["import", "small", join(work, "bad.csv")]);
      live.dryRun = await cli(["import", "small", join(work, "good.csv"), "--dry-run"]);
      live.import = await cli(["import", "small", join(work, "good.csv")]);
      live.export = await cli(["export", "small", "--format", "csv", "--out", join(work, "live.csv")]);
      live.xlsx = await cli(["export", "small", "--format", "xlsx", "--labels", "en", "--out", join(work, "live.xlsx")]);
      live.report = await cli(["report", "small", "--definition", join(work, "definition.json"), "--out", join(work, "live-report")]);
      live.badReport = await cli(["report", "nosuch", "--definition", join(work, "definition.json"), "--out", join(work, "nothing")]);
      live.demo = await cli(["demo", "load"], { SURVEYS_DIR: demoSurveys });
      // The server answered all of that while it kept serving.
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await stopScript(server.child);
    }

    expect(live.import.stderr).not.toMatch(/in use/);
    expect(live.import.code).toBe(0);
    expect(live.import.stdout).toBe(`${join(work, "good.csv")}: 30 rows checked, 30 added, 0 already there\n`);
    expect(live.import.stderr).toMatch(/检查 check .*30\/30/);
    expect(live.import.stderr).toMatch(/写入 store .*30\/30/);
    expect(live.dryRun.stdout).toBe(`${join(work, "good.csv")}: 30 rows checked, 30 would add, 0 already there\n`);
    expect(live.badImport.code).toBe(1);
    expect(live.badImport.stderr).toMatch(/^3\tB3\tlevel\t省\t/m);
    expect(live.badImport.stderr).toMatch(/^4\tD4\tmain_problems\t/m);
    expect(live.export.code).toBe(0);
    expect(live.export.stdout).toBe(
      `${join(work, "live.csv")}: 30 responses, ${live.export.stdout.match(/(\d+) variables/)?.[1]} variables\n${join(work, "live.codebook.csv")}: codebook\n`,
    );
    expect(readFileSync(join(work, "live.csv"), "utf8")).toContain("建议 29");
    expect(existsSync(join(work, "live.codebook.csv"))).toBe(true);
    expect(live.xlsx.code).toBe(0);
    expect(live.report.code).toBe(0);
    expect(live.report.stdout).toMatch(/report\.html: 2 analyses of 30 complete responses/);
    expect(
      readFileSync(join(work, "live-report", "charts", "01-level.png"))
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    expect(live.badReport.code).toBe(2);
    expect(live.badReport.stderr).toMatch(/nosuch/);
    expect(existsSync(join(work, "nothing"))).toBe(false);
    expect(live.demo.code).toBe(0);
    expect(live.demo.stdout).toBe("org-coverage-census: 196 added, 0 already there\n");

    // The same commands with the server stopped open the database themselves: the same answers.
    const own: Record<string, Awaited<ReturnType<typeof cli>>> = {};
    own.badImport = await cli(["import", "small", join(work, "bad.csv")]);
    own.import = await cli(["import", "small", join(work, "good.csv")]);
    own.export = await cli(["export", "small", "--format", "csv", "--out", join(work, "own.csv")]);
    own.report = await cli(["report", "small", "--definition", join(work, "definition.json"), "--out", join(work, "own-report")]);
    own.badReport = await cli(["report", "nosuch", "--definition", join(work, "definition.json"), "--out", join(work, "nothing")]);
    own.demo = await cli(["demo", "load"], { SURVEYS_DIR: demoSurveys });

    expect({ code: own.badImport.code, stderr: own.badImport.stderr }).toEqual({ code: live.badImport.code, stderr: live.badImport.stderr });
    expect(own.import.stdout).toBe(`${join(work, "good.csv")}: 30 rows checked, 0 added, 30 already there\n`);
    expect(readFileSync(join(work, "own.csv"))).toEqual(readFileSync(join(work, "live.csv")));
    expect(readFileSync(join(work, "own.codebook.csv"))).toEqual(readFileSync(join(work, "live.codebook.csv")));
    expect(steady(own.export.stdout.replaceAll("own.", "live."))).toBe(steady(live.export.stdout));
    expect(steady(own.export.stderr)).toBe(steady(live.export.stderr));
    for (const file of ["charts/01-level.svg", "charts/01-level.png", "charts/02-main_problems-by-level.vl.json", "definition.json"]) {
      expect(readFileSync(join(work, "own-report", file)), file).toEqual(readFileSync(join(work, "live-report", file)));
    }
    expect(steady(own.report.stdout.replaceAll("own-report", "live-report"))).toBe(steady(live.report.stdout));
    expect({ code: own.badReport.code, stderr: own.badReport.stderr }).toEqual({ code: live.badReport.code, stderr: live.badReport.stderr });
    expect(own.demo.stdout).toBe("org-coverage-census: 0 added, 196 already there\n");
  }, 1_200_000);
});
