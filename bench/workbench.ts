/**
 * The workbench from a click to the drawn chart and table: the reference study's 1,812 demo
 * responses and a survey of 100,000 (the same questionnaire, the demo answers repeated in SQL),
 * in Chromium against the real app on loopback. The page itself measures from the Compute
 * click to the moment both the table and vega's SVG are in the document (`data-drawn-ms`);
 * the script also times the same span from outside (Playwright's click to the drawn chart).
 *
 *   nice -n 19 npx tsx bench/workbench.ts [--runs 5] [--rows 100000]
 *
 * Embedded database (PGlite) in a temporary directory; BENCH_DATABASE_URL runs it on PostgreSQL.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase } from "../src/db/client.js";
import { createUser } from "../src/services/accounts/users.js";
import { AnswerCheckers } from "../src/services/answer-checkers.js";
import { loadDemoData } from "../src/services/demo.js";
import { loadSurveyFiles } from "../src/services/survey-files.js";
import { getSurveyVersion, publishSurvey } from "../src/services/surveys.js";
import { workspaceAssets } from "../src/web/workspace-bundle.js";
import { launchBrowser, startServer } from "../test/browser/helpers.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, rows: { type: "string", default: "100000" } } });
const RUNS = Number(values.runs);
const ROWS = Number(values.rows);
const REFERENCE = "dangjian-innovation-2023";
const BIG = "dangjian-100k";
const BAOJI = { 社会团体: 793, 民办非企业单位: 750, 基金会: 6, 社会中介组织: 54, 城乡社区社会组织: 5 };

const dir = mkdtempSync(join(tmpdir(), "bench-workbench-"));
const database = await openDatabase(process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL } : { dataDir: dir });
try {
  let t0 = performance.now();
  await loadSurveyFiles(database.db, fileURLToPath(new URL("../surveys", import.meta.url)));
  await loadDemoData(database.db, new AnswerCheckers());
  console.log(`demo data loaded through the submission path in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const reference = await getSurveyVersion(database.db, REFERENCE);
  await publishSurvey(database.db, BIG, reference.json);
  const big = await getSurveyVersion(database.db, BIG);
  t0 = performance.now();
  await database.db.execute(sql`
    insert into responses (id, survey_id, version, data, complete, body_hash, completed_at, not_asked)
    select gen_random_uuid(), ${big.surveyId}, ${big.version}, r.data, true, 'bench', now(), r.not_asked
    from generate_series(0, ${ROWS - 1}) as g
    join (select (row_number() over (order by id)) - 1 as i, data, not_asked from responses where survey_id = ${reference.surveyId}) r on r.i = g % 1812`);
  await database.db.execute(sql`analyze responses`);
  console.log(`${ROWS.toLocaleString("en")} responses copied in SQL in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await createUser(database.db, { login: "bench", name: "bench", password: "correct horse battery", admin: true });
  const [server, browser] = await Promise.all([startServer(database), launchBrowser(), workspaceAssets()]);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.request.post(`${server.origin}/api/session`, { data: { login: "bench", password: "correct horse battery" } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);

  const cases = [
    { name: "frequencies: main_problems (multi-select, both bases, Wilson)", query: "kind=frequencies&q=main_problems" },
    { name: "cross-tab: multi_dept × level (residuals, letters, χ²)", query: "kind=crosstab&row=multi_dept&col=level" },
    {
      name: "weighted cross-tab: party_org_form × hub, 社会组织 only, post-stratified to Baoji (Rao–Scott)",
      query: `kind=crosstab&row=party_org_form&col=hub&filter=${encodeURIComponent(JSON.stringify([{ question: "level", in: ["社会组织"] }]))}&weight=${encodeURIComponent(
        JSON.stringify({ mode: "poststratify", margins: [{ question: "org_type", population: BAOJI }] }),
      )}`,
    },
    { name: "ratio: member_count / staff_count by org_type", query: "kind=ratio&num=member_count&den=staff_count&by=org_type" },
  ];
  const rows: string[] = [];
  for (const survey of [REFERENCE, BIG]) {
    for (const c of cases) {
      await page.goto(`${server.origin}/w/surveys/${survey}/analysis?${c.query}`);
      await page.waitForFunction(() => !!(document.querySelector(".workbench-results") as HTMLElement | null)?.dataset.drawnMs);
      const inPage: number[] = [];
      const outside: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await page.evaluate(() => {
          delete (document.querySelector(".workbench-results") as HTMLElement).dataset.drawnMs;
        });
        const start = performance.now();
        await page.locator("button[type=submit]").click();
        await page.waitForFunction(() => !!(document.querySelector(".workbench-results") as HTMLElement | null)?.dataset.drawnMs);
        outside.push(performance.now() - start);
        inPage.push(Number(await page.locator(".workbench-results").getAttribute("data-drawn-ms")));
      }
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const n = survey === REFERENCE ? "1,812" : ROWS.toLocaleString("en");
      const line = `| ${n} | ${c.name} | ${med(inPage).toFixed(0)} ms | ${med(outside).toFixed(0)} ms | ${Math.max(...inPage).toFixed(0)} ms |`;
      console.log(line);
      rows.push(line);
    }
  }
  console.log("\n| responses | analysis | click → drawn (page, median) | click → drawn (outside, median) | slowest (page) |\n|---:|---|---:|---:|---:|");
  for (const r of rows) console.log(r);
  await browser.close();
  await server.close();
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
