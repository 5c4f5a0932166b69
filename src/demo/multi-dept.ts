import { pickExactly } from "./exact-sample.js";
import type { Random } from "./random.js";
import { MULTI_DEPT, type Level } from "./reference-vocabulary.js";

const UNCLEAR = "多个管理部门，职责不明确";

/**
 * Answers to multi_dept for every respondent: exactly `unclearCount` say
 * 多个管理部门，职责不明确 (the published 718 of 1812). Those who named the management
 * system as a main problem say so about twice as often, as the report links the two.
 */
export function assignMultiDept(random: Random, levels: readonly Level[], managementProblem: readonly boolean[], unclearCount: number): string[] {
  const weights = levels.map((level, i) => (managementProblem[i] ? 1.9 : 1) * (level === "社会组织" ? 0.9 : 1));
  const unclear = pickExactly(random, weights, unclearCount);
  const rest = MULTI_DEPT.filter((v) => v !== UNCLEAR);
  return levels.map((level, i) => {
    if (unclear.has(i)) return UNCLEAR;
    // Organisations more often do not know how their departments divide the work.
    return random.pick(rest, level === "社会组织" ? [0.38, 0.37, 0.25] : [0.3, 0.55, 0.15]);
  });
}
