import { apportion } from "./apportion.js";
import { closingAnswers } from "./closing-answers.js";
import { departmentAnswers } from "./department-answers.js";
import { assignMainProblems } from "./main-problems.js";
import { assignMultiDept } from "./multi-dept.js";
import { drawOrganisationProfile, organisationAnswers } from "./organisation-answers.js";
import { createRandom } from "./random.js";
import { fitRatioOfTotals } from "./ratio-of-totals.js";
import * as V from "./reference-vocabulary.js";
import { requireQuestionnaire } from "./survey-json.js";
import { PUBLISHED_TARGETS } from "./targets.js";
import { uuidV4 } from "../lib/uuid.js";

/** One complete demo response, in the shape the submission API takes. */
export interface DemoResponse {
  id: string;
  data: Record<string, string | number | string[]>;
}

/** Options of {@link generateDemoResponses}. */
export interface DemoOptions {
  /** Seed of the pseudo-random generator; the same seed gives the same responses. */
  seed?: number;
}

/** The seed of the shipped demo data set: the study's year and its sample size. */
const DEFAULT_DEMO_SEED = 20231812;

/** Planned shares of respondents by level: more at the grass roots and in organisations. */
const LEVEL_SHARES = [0.05, 0.15, 0.2, 0.25, 0.35];

/** Every value the generator writes, checked against the questionnaire it is given. */
const EXPECTED_CHOICES: Record<string, readonly string[]> = {
  city: V.CITIES,
  level: V.LEVELS,
  org_type: V.ORG_TYPES,
  hub: V.HUB,
  staff_count: [],
  member_count: [],
  member_relation: V.MEMBER_RELATIONS,
  party_org_form: V.PARTY_ORG_FORMS,
  instructor: V.YES_NO_UNSURE,
  meeting_freq: V.MEETING_FREQS,
  dept_org_count: [],
  dept_party_org_count: [],
  dept_instructor: V.DEPT_INSTRUCTOR,
  main_problems: V.MAIN_PROBLEMS,
  multi_dept: V.MULTI_DEPT,
  funding_sources: V.FUNDING_SOURCES,
  suggestions: [],
  ...Object.fromEntries(V.ROLE_ITEMS.map((item) => [item, []])),
};

/**
 * Generates the 1,812 complete responses of the reference study to
 * surveys/dangjian-innovation-2023.json, such that over all of them exactly 946 choose
 * 管理体制不顺畅 among main_problems, exactly 718 answer multi_dept =
 * 多个管理部门，职责不明确, and Σmember_count / Σstaff_count is exactly 0.104 — the
 * published figures (see {@link PUBLISHED_TARGETS}). Answers are consistent with the
 * questionnaire's skip logic: only visible questions are answered.
 * Pure and deterministic: no I/O, no clock, no Math.random; ids are derived from the seed.
 * @param json the questionnaire; the generator checks it offers every value it writes
 * @example const responses = generateDemoResponses(json); // responses.length === 1812
 */
export function generateDemoResponses(json: unknown, options: DemoOptions = {}): DemoResponse[] {
  requireQuestionnaire(json, EXPECTED_CHOICES);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const random = createRandom(seed);
  // Ids come from their own stream so that they stay put when the answer logic changes.
  const ids = createRandom(seed ^ 0x5eed1d5);
  const n = PUBLISHED_TARGETS.respondents;

  const levels = random.shuffle(apportion(n, LEVEL_SHARES).flatMap((count, i) => Array<V.Level>(count).fill(V.LEVELS[i])));
  const orgIndices = levels.flatMap((level, i) => (level === "社会组织" ? [i] : []));
  const profiles = orgIndices.map(() => drawOrganisationProfile(random));
  const fitted = fitRatioOfTotals(profiles, PUBLISHED_TARGETS.memberRatio.ratio);
  const partAnswers = new Map<number, Record<string, string | number>>();
  orgIndices.forEach((respondent, k) => {
    partAnswers.set(respondent, organisationAnswers(random, { ...profiles[k], ...fitted[k] }));
  });
  levels.forEach((level, i) => {
    if (level !== "社会组织") partAnswers.set(i, departmentAnswers(random, level));
  });

  const problems = assignMainProblems(random, levels, PUBLISHED_TARGETS.managementNotSmooth.count);
  const management = problems.map((p) => p.problems.includes(PUBLISHED_TARGETS.managementNotSmooth.value));
  const multiDept = assignMultiDept(random, levels, management, PUBLISHED_TARGETS.multiDeptUnclear.count);

  return levels.map((level, i) => {
    const part = partAnswers.get(i)!;
    const data: DemoResponse["data"] = { city: random.pick(V.CITIES, [0.8, 0.2]), level, ...part };
    data.main_problems = problems[i].problems;
    if (problems[i].otherText) data["main_problems-Comment"] = problems[i].otherText;
    data.multi_dept = multiDept[i];
    Object.assign(data, closingAnswers(random, part.party_org_form === "未建立"));
    return { id: uuidV4(ids.fill), data };
  });
}
