/**
 * The field's terms a survey's dictionary starts with (shared/domain.md, its vocabulary
 * table and the reference study's findings): jieba's general dictionary cuts most of them
 * into pieces (三会一课 → 三会 | 一课, 枢纽型社会组织 → 枢纽 | 型 | 社会 | 组织), and a keyword
 * table of pieces says nothing. A survey that never stored a dictionary uses these.
 */
export const DOMAIN_TERMS: readonly string[] = [
  "三会一课",
  "党建指导员",
  "枢纽型社会组织",
  "两新组织",
  "联合党组织",
  "社会组织",
  "社会团体",
  "民办非企业单位",
  "社会服务机构",
  "基金会",
  "社会中介组织",
  "城乡社区社会组织",
  "单独建立",
  "联合建立",
  "挂靠依托",
  "从业人员",
  "党员比例",
  "覆盖率",
  "应建已建率",
  "管理体制",
  "顶层设计",
  "条块分割",
  "党务工作者",
  "业务主管单位",
  "登记管理机关",
  "口袋党员",
  "流动党员",
  "组织生活",
  "组织关系",
  "两张皮",
];
