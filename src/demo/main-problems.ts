import { pickExactly } from "./exact-sample.js";
import type { Random } from "./random.js";
import { MAIN_PROBLEMS, OTHER, type Level } from "./reference-vocabulary.js";

/** One respondent's answer to main_problems, with the text of "other" when chosen. */
export interface MainProblemsAnswer {
  problems: string[];
  otherText?: string;
}

/** Departments above the grass roots feel the split lines of responsibility most. */
const MANAGEMENT_WEIGHT: Record<Level, number> = {
  市: 1.1,
  "区(县)": 1.25,
  "街道(乡镇)": 1.15,
  "社区(村)": 1.0,
  社会组织: 0.85,
};

/** Relative pull of the problems other than 管理体制不顺畅, plus "other" last. */
const OTHER_PROBLEMS = [...MAIN_PROBLEMS.slice(1), OTHER];
function otherWeights(level: Level): number[] {
  const org = level === "社会组织";
  return [
    0.42, // 创新动力不足
    0.44, // 有效覆盖不高
    org ? 0.3 : 0.42, // 顶层设计不到位: seen from above
    org ? 0.32 : 0.18, // 党员数量少、流动性大: felt inside organisations
    0.1, // 党组织不稳定
    0.18, // 党组织作用发挥不明显
    0.16, // 党建与业务脱节
    org ? 0.26 : 0.14, // 经费和场地保障不足
    0.025, // 其他
  ];
}

const OTHER_TEXTS = [
  "党建工作考核评价机制不健全",
  "基层党务工作者力量薄弱",
  "部分社会组织负责人对党建工作认识不足",
  "党员组织关系转接不顺畅",
  "党建工作与行业监管衔接不够",
  "党建活动形式单一，吸引力不强",
];

/**
 * Answers to "the main problems innovation must solve" (choose up to three) for every
 * respondent: exactly `managementCount` of them choose 管理体制不顺畅 (the published
 * 946 of 1812), and every respondent chooses one to three problems in all.
 */
export function assignMainProblems(random: Random, levels: readonly Level[], managementCount: number): MainProblemsAnswer[] {
  const management = pickExactly(
    random,
    levels.map((l) => MANAGEMENT_WEIGHT[l]),
    managementCount,
  );
  return levels.map((level, i) => {
    const total = random.pick([1, 2, 3], [0.12, 0.3, 0.58]);
    const chosen = management.has(i) ? [MAIN_PROBLEMS[0] as string] : [];
    chosen.push(...random.pickDistinct(OTHER_PROBLEMS, otherWeights(level), Math.max(1, total - chosen.length)));
    // Stored in questionnaire order, as a respondent ticking boxes on paper would be typed in.
    const order = [...MAIN_PROBLEMS, OTHER] as string[];
    const problems = chosen.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return problems.includes(OTHER) ? { problems, otherText: random.pick(OTHER_TEXTS) } : { problems };
  });
}
