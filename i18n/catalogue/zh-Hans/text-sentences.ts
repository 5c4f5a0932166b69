/** 关于开放题回答（分词词典与关键词表），服务器所说的简体中文。 */
import type { Sentences } from "../sections/sentences.js";

const q = (text: string) => `“${text}”`;

export const text: Sentences["text"] = {
  termEmpty: () => "词条除空格外至少要有一个字",
  termTooLong: (p) => `词条最多 ${p.max} 个字`,
  termLines: () => "词条只能占一行，不能含制表符或换行",
  tooManyTerms: (p) => `词典最多收 ${p.max} 个词条`,
  notOpenText: (p) => `题目${q(p.name)}（${p.type}）没有开放回答：关键词表只分析填空题、问答题，以及选择题“其他（请注明）”的文字（${q(`${p.name}-Comment`)}）。`,
  notOpenTextField: (p) => `${q(p.name)}是 ${p.type} 题，没有开放文字`,
  keywordTable: () => "关键词表",
  groupRole: () => "关键词表的分组",
  base: (p) => `占填写了回答的 ${p.answered} 名受访者的比例（${p.missing} 人未填，${p.notAsked} 人未被问及）；一个词每名受访者只计一次。`,
  weightedBase: (p) => `占填写了回答的 ${p.answered} 名受访者的加权比例（加权后 ${p.weighted}）；一个词每名受访者只计一次。`,
  keyness: () => "组内突出词：以对数似然比 G² 比较组内与组外作答者中用到该词的人数（2×2，自由度 1），p 值在全表所有词和组之间作 Holm 校正；按未加权人数计算。",
  axisShare: () => "占作答受访者的比例",
  words: () => "词语",
  phrases: () => "双词短语",
  word: () => "词语",
  respondents: () => "人数",
  weightedRespondents: () => "加权人数",
  share: () => "比例",
  examples: () => "回答示例",
  group: () => "组别",
  shareElsewhere: () => "其他组的比例",
  g2: () => "G²",
  pHolm: () => "p（Holm 校正）",
  keywordsOf: (p) => `${p.group}组的突出词`,
};
