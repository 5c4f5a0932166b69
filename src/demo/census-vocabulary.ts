/**
 * The choice values of surveys/org-coverage-census.json that the census generator
 * writes, checked against the questionnaire it is given.
 */
export const CENSUS_ORG_TYPES = ["社会团体", "民办非企业单位", "基金会", "社会中介组织", "城乡社区社会组织"] as const;
export const REG_LEVELS = ["市", "区(县)", "街道(乡镇)"] as const;
export const CENSUS_HUB = ["是", "否", "本身是枢纽型组织"] as const;
export const CENSUS_PARTY_ORG_FORMS = ["单独建立", "联合建立", "挂靠依托", "未建立"] as const;
export const YES_NO = ["是", "否"] as const;
export const MEETINGS_HELD = ["正常开展", "不定期开展", "未开展"] as const;
