import type { Random } from "./random.js";
import { FUNDING_SOURCES } from "./reference-vocabulary.js";

const SUGGESTIONS = [
  "理顺社会组织党建管理体制，明确登记管理机关、业务主管单位和属地党组织的职责分工。",
  "加强顶层设计，出台社会组织党建工作的统一规范和考核办法。",
  "发挥枢纽型社会组织的作用，扩大党的组织覆盖和工作覆盖。",
  "加大党建工作经费和活动场地的保障力度。",
  "选优配强党建指导员，加强对党务工作者的培训。",
  "推动党建工作与业务工作深度融合，避免“两张皮”。",
  "对规模小、党员少的社会组织，探索区域化联合党建。",
  "畅通党员组织关系转接渠道，解决“口袋党员”问题。",
  "加强对联合党组织的指导，确保组织生活正常开展。",
  "把党建工作要求纳入社会组织登记、年检和等级评估。",
  "建立党建工作激励机制，培育和宣传示范典型。",
  "运用信息化手段加强流动党员的教育管理。",
];

/**
 * Funding sources (one to three channels, or "no regular source" alone, which the
 * questionnaire makes exclusive) and, for about a quarter, a written suggestion.
 * `noPartyOrg` marks organisations without a party organisation, which have no dues to
 * return and more often no funding at all.
 */
export function closingAnswers(random: Random, noPartyOrg: boolean): Record<string, string | string[]> {
  const answers: Record<string, string | string[]> = {};
  const none = FUNDING_SOURCES[FUNDING_SOURCES.length - 1];
  if (random.chance(noPartyOrg ? 0.3 : 0.1)) {
    answers.funding_sources = [none];
  } else {
    const channels = FUNDING_SOURCES.slice(0, -1);
    const weights = [noPartyOrg ? 0.08 : 0.55, 0.35, 0.4, 0.35, 0.2, 0.06];
    const drawn = random.pickDistinct(channels, weights, random.pick([1, 2, 3], [0.4, 0.4, 0.2]));
    answers.funding_sources = drawn.sort((a, b) => channels.indexOf(a) - channels.indexOf(b));
  }
  if (random.chance(0.27)) answers.suggestions = random.pick(SUGGESTIONS);
  return answers;
}
