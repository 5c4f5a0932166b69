/**
 * Figures published by the 2023 Beijing study of innovation in party building in
 * social organisations (社会组织党建工作创新), which the demo data must reproduce
 * exactly when analysed (see shared/domain.md).
 */
export const PUBLISHED_TARGETS = {
  /** Questionnaires handed out and returned (return rate 100 %). */
  respondents: 1812,
  /** Chose 管理体制不顺畅 among the main problems: 946 / 1812 = 52.2 %. */
  managementNotSmooth: { question: "main_problems", value: "管理体制不顺畅", count: 946, share: 0.522 },
  /** Said there are several managing departments with unclear duties: 718 / 1812 = 39.6 %. */
  multiDeptUnclear: { question: "multi_dept", value: "多个管理部门，职责不明确", count: 718, share: 0.396 },
  /** Party members as a share of staff, a ratio of totals: Σ member_count / Σ staff_count. */
  memberRatio: { numerator: "member_count", denominator: "staff_count", ratio: 0.104 },
} as const;

/**
 * The district census the study cites: 196 social organisations, mostly under ten
 * people, over 98 % of them without a single party member.
 */
export const CENSUS_TARGETS = {
  organisations: 196,
  /** Share of organisations with member_count = 0: more than this. */
  minShareWithoutMembers: 0.98,
  /** Share of organisations with fewer than 10 staff: more than this ("mostly"). */
  minShareUnderTenStaff: 0.75,
} as const;
