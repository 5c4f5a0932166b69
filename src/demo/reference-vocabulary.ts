/**
 * The choice values of surveys/dangjian-innovation-2023.json that the demo generator
 * writes. Kept in one place so that the generator can check them against the
 * questionnaire it is given (see requireQuestionnaire).
 */
export const LEVELS = ["市", "区(县)", "街道(乡镇)", "社区(村)", "社会组织"] as const;
/** A respondent's level. */
export type Level = (typeof LEVELS)[number];

export const CITIES = ["北京", "南京"] as const;

export const ORG_TYPES = ["社会团体", "民办非企业单位", "基金会", "社会中介组织", "城乡社区社会组织"] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const HUB = ["是", "否", "不清楚", "本身是枢纽型组织"] as const;

export const PARTY_ORG_FORMS = ["单独建立", "联合建立", "挂靠依托", "未建立"] as const;
export type PartyOrgForm = (typeof PARTY_ORG_FORMS)[number];

export const MEMBER_RELATIONS = ["全部在本组织", "部分在本组织", "基本不在本组织"] as const;
export const YES_NO_UNSURE = ["是", "否", "不清楚"] as const;
export const MEETING_FREQS = ["按规定定期开展", "不定期开展", "很少开展", "从未开展"] as const;
export const ROLE_ITEMS = ["role_political", "role_cohesion", "role_development", "role_service"] as const;
export const DEPT_INSTRUCTOR = ["全部选派", "部分选派", "未选派"] as const;

export const MAIN_PROBLEMS = [
  "管理体制不顺畅",
  "创新动力不足",
  "有效覆盖不高",
  "顶层设计不到位",
  "党员数量少、流动性大",
  "党组织不稳定",
  "党组织作用发挥不明显",
  "党建与业务脱节",
  "经费和场地保障不足",
] as const;
/** SurveyJS's stored value for the "other" item; its text goes to `main_problems-Comment`. */
export const OTHER = "other";

export const MULTI_DEPT = ["单一管理部门，职责明确", "多个管理部门，职责明确", "多个管理部门，职责不明确", "不清楚"] as const;

export const FUNDING_SOURCES = ["党费返还", "财政专项经费", "管理费列支", "上级党组织补助", "枢纽型组织支持", "社会捐赠", "无固定经费来源"] as const;
