import type { Random } from "./random.js";

/** Fields of social groups (社会团体), combined with the group's kind. */
const GROUP_FIELDS = [
  "书法家",
  "摄影家",
  "老年体育",
  "青年创业",
  "志愿服务",
  "社会工作",
  "家政服务",
  "物业管理",
  "餐饮行业",
  "电子商务",
  "养老服务",
  "心理咨询",
  "律师",
  "文化艺术",
  "足球",
  "乒乓球",
  "围棋",
  "舞蹈",
  "环境保护",
  "科普",
  "慈善",
  "残疾人事业",
  "青少年发展",
  "妇女儿童",
  "民间文艺",
  "中医药",
  "茶文化",
  "非遗保护",
  "建材",
  "汽车维修",
  "美容美发",
  "快递物流",
  "软件",
  "文旅",
  "健身",
];
const GROUP_KINDS = ["协会", "促进会", "研究会", "联合会", "商会"];
/** Trade-like fields take 商会, the others 协会 and its kin. */
const TRADES = new Set(["餐饮行业", "电子商务", "建材", "汽车维修", "美容美发", "快递物流", "软件", "文旅", "物业管理", "家政服务"]);

/** Brand words and services of private non-enterprise units (民办非企业单位). */
const BRANDS = ["阳光", "康乐", "和谐", "启明", "博雅", "乐龄", "同心", "晨曦", "春晖", "恒爱", "善行", "明德", "益友", "悦心", "新芽"];
const SERVICES = ["社会工作服务中心", "养老服务中心", "培训学校", "康复中心", "心理咨询中心", "社区服务中心", "艺术培训中心", "幼儿园"];

/** Streets and communities for urban or rural community organisations. */
const STREETS = ["和平", "建设", "东风", "新华", "光明", "朝阳", "文化", "胜利"];
const COMMUNITIES = ["幸福", "花园", "青年", "红旗", "翠竹", "滨河", "锦绣", "安康"];
const TEAMS = ["志愿服务队", "文体队", "邻里互助会", "读书会", "巡逻队", "老年协会"];

const INTERMEDIARIES = ["会计", "评估", "咨询", "调解", "人才交流", "知识产权"];

/**
 * A plausible, invented name for a social organisation of the given type in a district,
 * e.g. 示范区书法家协会, 示范区阳光社会工作服务中心, 和平街道幸福社区志愿服务队.
 * Names are not unique on their own; see {@link drawUniqueName}.
 */
export function drawOrgName(random: Random, orgType: string, district: string): string {
  switch (orgType) {
    case "民办非企业单位":
      return `${district}${random.pick(BRANDS)}${random.pick(SERVICES)}`;
    case "基金会":
      return `${district}${random.pick(BRANDS)}${random.pick(["公益", "教育", "助老", "慈善"])}基金会`;
    case "社会中介组织":
      return `${district}${random.pick(INTERMEDIARIES)}服务协会`;
    case "城乡社区社会组织":
      return `${random.pick(STREETS)}街道${random.pick(COMMUNITIES)}社区${random.pick(TEAMS)}`;
    default: {
      const field = random.pick(GROUP_FIELDS);
      const kind = TRADES.has(field) ? random.pick(["商会", "协会"]) : random.pick(GROUP_KINDS.slice(0, 4));
      return `${district}${field}${kind}`;
    }
  }
}

/**
 * Draws names until one is not in `taken` (and adds it), as a registry holds each name
 * once; after a few collisions it falls back to a numbered name.
 */
export function drawUniqueName(random: Random, orgType: string, district: string, taken: Set<string>): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = drawOrgName(random, orgType, district);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const base = drawOrgName(random, orgType, district);
  let k = 2;
  while (taken.has(`${base}（${k}）`)) k += 1;
  taken.add(`${base}（${k}）`);
  return `${base}（${k}）`;
}
