/**
 * Weighted results through the whole service — SQL aggregation included — against R
 * `survey` (test/fixtures/oracle/survey.R). The oracle's synthetic data set (1,812
 * respondents: org_type, level, problem with some answers missing) is rebuilt row by row
 * from its raked cell counts, stored as responses, and analysed like any survey.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { responses } from "../../../src/db/schema/index.js";
import { crosstabAnalysis } from "../../../src/services/analysis/crosstab.js";
import { frequencyAnalysis } from "../../../src/services/analysis/frequencies.js";
import { getSurveyVersion, publishSurvey } from "../../../src/services/surveys.js";
import { expectAllClose, expectClose } from "../../analysis/close-to.js";
import { openTestDatabase } from "../../helpers/database.js";
import { crosstabRequest, frequenciesRequest } from "../../../src/services/analysis/requests.js";

const oracle = JSON.parse(readFileSync(new URL("../../fixtures/oracle/survey.json", import.meta.url), "utf8"));
const { types, levels, problem: answers } = oracle.labels as { types: string[]; levels: string[]; problem: string[] };
const W = oracle.weighting;
const SURVEY = "oracle";
// As in test/analysis/weighted-oracle.test.ts: 1e-9 relative, raked designs 1e-7 (R stops raking at 1e-14 × Σw).
const TOL = 1e-9;
const RAKE_TOL = 1e-7;

const questionnaire = {
  title: "R survey oracle",
  pages: [
    {
      name: "p",
      elements: [
        { type: "radiogroup", name: "org_type", choices: types },
        { type: "radiogroup", name: "level", choices: levels },
        // R's factor(problem) orders the levels alphabetically: 未选择, 选择.
        { type: "radiogroup", name: "problem", choices: [...answers].sort() },
      ],
    },
  ],
};

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  await publishSurvey(database.db, SURVEY, questionnaire);
  const survey = await getSurveyVersion(database.db, SURVEY);
  // Raking cells are org_type × level, and each cell's counts sit in its own level's column:
  // together they are the whole data set, rows without a problem answer included.
  const data: Record<string, string>[] = [];
  oracle.cells.rake.forEach((cell: { key: [string, string]; n: number }, g: number) => {
    const [org_type, level] = cell.key;
    const counts: number[][] = W.rake.problemByLevel.counts[g];
    const j = levels.indexOf(level);
    counts.forEach((row, k) => {
      for (let i = 0; i < row[j]; i++) data.push({ org_type, level, problem: answers[k] });
    });
    const answered = counts.reduce((s, row) => s + row[j], 0);
    for (let i = answered; i < cell.n; i++) data.push({ org_type, level });
  });
  for (let i = 0; i < data.length; i += 500) {
    await database.db.insert(responses).values(
      data.slice(i, i + 500).map((d) => ({
        id: crypto.randomUUID(),
        surveyId: survey.surveyId,
        version: survey.version,
        data: d,
        complete: true,
        bodyHash: "oracle",
      })),
    );
  }
}, 120_000);
afterAll(async () => database?.close());

const weights = {
  poststratify: { poststratify: { question: "org_type", population: oracle.population.orgType } },
  rake: {
    rake: [
      { question: "org_type", population: oracle.population.orgType },
      { question: "level", population: oracle.population.level },
    ],
  },
};

for (const [name, weight, populationSize, tol] of [
  ["poststratify", weights.poststratify, undefined, TOL],
  ["poststratifyFpc", weights.poststratify, 10261, TOL],
  ["rake", weights.rake, undefined, RAKE_TOL],
] as const) {
  const o = W[name];
  describe(`${name}: the service agrees with R survey`, () => {
    it("svymean(~problem): weighted percentages and standard errors", async () => {
      const r = await frequencyAnalysis(database.db, SURVEY, frequenciesRequest.parse({ question: "problem", weight, ci: { populationSize } }));
      expectAllClose(r.casePercent, o.problem.mean, tol, 1e-14, "mean");
      expectAllClose((r as { se: number[] }).se, o.problem.se, tol, 1e-14, "se");
      expectClose(r.missing, 1812 - o.problem.counts.flat().reduce((s: number, v: number) => s + v, 0), 0, 0, "missing");
    });

    it("svychisq(~problem + level): Rao–Scott χ² and F", async () => {
      const r = await crosstabAnalysis(database.db, SURVEY, crosstabRequest.parse({ row: "problem", column: "level", weight, populationSize }));
      const rs = (r as unknown as { tests: { raoScott: Record<string, number> } }).tests.raoScott;
      const t = o.problemByLevel;
      expectClose(rs.pearson, t.pearsonScaled, tol, 1e-14, "X² rescaled");
      expectClose(rs.p, t.chisqP, tol, 1e-14, "p (Chisq)");
      expectClose(rs.F, t.F, tol, 1e-14, "F");
      expectClose(rs.ndf, t.ndf, tol, 1e-14, "ndf");
      expectClose(rs.ddf, t.ddf, tol, 1e-14, "ddf");
      expectClose(rs.pF, t.pF, tol, 1e-14, "p (F)");
      // The oracle's svytable lists 选择 first; the questionnaire lists 未选择 first.
      const table = (r as { weightedCounts: number[][] }).weightedCounts;
      if (t.weightedTable) expectAllClose([table[1], table[0]], t.weightedTable, tol, 1e-12, "svytable");
    });
  });
}
