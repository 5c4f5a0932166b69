import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { groupKeyness, logLikelihoodKeyness, termRespondents } from "../../analysis/index.js";
import { expectClose } from "./close-to.js";

// Oracle: test/fixtures/oracle/keyness_oracle.py (scipy chi2_contingency with
// lambda_="log-likelihood", Holm written out). Tolerance 1e-9 relative.
const oracle = JSON.parse(readFileSync(new URL("../fixtures/oracle/keyness.json", import.meta.url), "utf8"));

describe("log-likelihood keyness against scipy", () => {
  it("G², p and the expected count of single 2×2 tables, zero cells included", () => {
    for (const c of oracle.single) {
      const k = logLikelihoodKeyness(c.used, c.groupSize, c.usedElsewhere, c.elsewhereSize);
      expectClose(k.g2, c.g2, 1e-9, 1e-12, `G² ${JSON.stringify(c)}`);
      expectClose(k.p, c.p, 1e-9, 1e-14, `p ${JSON.stringify(c)}`);
      expectClose(k.expected, c.expected, 1e-9, 1e-12, "expected");
      expect(k.over).toBe(c.used > c.expected);
    }
  });

  it("every (word, group) test of a table and its Holm adjustment over the whole table", () => {
    const { terms, counts, bases, minCount } = oracle.input;
    const tests = groupKeyness({ terms, counts, bases, minCount });
    expect(tests.map((t) => [t.term, t.group])).toEqual(oracle.tests.map((t: any) => [t.term, t.group]));
    tests.forEach((t, i) => {
      const o = oracle.tests[i];
      expectClose(t.g2, o.g2, 1e-9, 1e-12, `G² ${o.term} ${o.group}`);
      expectClose(t.p, o.p, 1e-9, 1e-14, `p ${o.term} ${o.group}`);
      expectClose(t.pHolm, o.pHolm, 1e-9, 1e-14, `Holm ${o.term} ${o.group}`);
      expect(t.used).toBe(o.used);
    });
    expect(tests.some((t) => t.term === "场地")).toBe(false);
  });

  it("refuses counts that cannot be", () => {
    expect(() => logLikelihoodKeyness(6, 5, 0, 10)).toThrow(/logLikelihoodKeyness/);
    expect(() => logLikelihoodKeyness(-1, 5, 0, 10)).toThrow(/logLikelihoodKeyness/);
  });
});

describe("termRespondents", () => {
  it("counts a repeated word once per respondent and sums weights", () => {
    const r = termRespondents(
      [
        { terms: ["经费", "经费"], n: 2, weight: 3, group: 0 },
        { terms: ["经费", "场地"], n: 1, weight: 0.5, group: 1 },
      ],
      2,
    );
    expect(r.respondents).toBe(3);
    expect(r.bases).toEqual([2, 1]);
    expect(r.terms).toEqual([
      { term: "经费", respondents: 3, weighted: 3.5, byGroup: [2, 1] },
      { term: "场地", respondents: 1, weighted: 0.5, byGroup: [0, 1] },
    ]);
  });
});
