import type { Random } from "./random.js";
import { DEPT_INSTRUCTOR, type Level } from "./reference-vocabulary.js";

/** How many organisations a department at each level liaises with: [min, max]. */
const ORG_RANGE: Record<Exclude<Level, "社会组织">, [number, number]> = {
  市: [800, 6000],
  "区(县)": [120, 1500],
  "街道(乡镇)": [15, 200],
  "社区(村)": [1, 30],
};

/**
 * The answers of a party-building department's respondent to part 4: organisations
 * overseen (log-uniform within the level's range), how many of them have a party
 * organisation (about a quarter, as Beijing's 23.1 %), and whether instructors are sent.
 */
export function departmentAnswers(random: Random, level: Exclude<Level, "社会组织">): Record<string, string | number> {
  const [lo, hi] = ORG_RANGE[level];
  // A few communities have no registered organisation at all.
  const orgCount = level === "社区(村)" && random.chance(0.05) ? 0 : Math.round(Math.exp(Math.log(lo) + random.next() * (Math.log(hi) - Math.log(lo))));
  const share = Math.min(0.9, Math.max(0.05, random.normal(0.26, 0.09)));
  const instructor = level === "社区(村)" ? [0.25, 0.45, 0.3] : [0.35, 0.52, 0.13];
  return {
    dept_org_count: orgCount,
    dept_party_org_count: Math.round(orgCount * share),
    dept_instructor: random.pick(DEPT_INSTRUCTOR, instructor),
  };
}
