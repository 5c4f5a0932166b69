/** 關於開放題回答（斷詞詞典與關鍵詞表），伺服器所說的繁體中文。 */
import type { Sentences } from "../sections/sentences.js";

const q = (text: string) => `「${text}」`;

export const text: Sentences["text"] = {
  termEmpty: () => "詞條除空格外至少要有一個字",
  termTooLong: (p) => `詞條最多 ${p.max} 個字`,
  termLines: () => "詞條只能佔一行，不能含定位字元或換行",
  tooManyTerms: (p) => `詞典最多收 ${p.max} 個詞條`,
  notOpenText: (p) => `題目${q(p.name)}（${p.type}）沒有開放回答：關鍵詞表只分析填空題、問答題，以及選擇題「其他（請註明）」的文字（${q(`${p.name}-Comment`)}）。`,
  notOpenTextField: (p) => `${q(p.name)}是 ${p.type} 題，沒有開放文字`,
  keywordTable: () => "關鍵詞表",
  groupRole: () => "關鍵詞表的分組",
  base: (p) => `佔填寫了回答的 ${p.answered} 名受訪者的比例（${p.missing} 人未填，${p.notAsked} 人未被問及）；一個詞每名受訪者只計一次。`,
  weightedBase: (p) => `佔填寫了回答的 ${p.answered} 名受訪者的加權比例（加權後 ${p.weighted}）；一個詞每名受訪者只計一次。`,
  keyness: () => "組內突出詞：以對數概似比 G² 比較組內與組外作答者中用到該詞的人數（2×2，自由度 1），p 值在全表所有詞和組之間作 Holm 校正；按未加權人數計算。",
  axisShare: () => "佔作答受訪者的比例",
  words: () => "詞語",
  phrases: () => "雙詞短語",
  word: () => "詞語",
  respondents: () => "人數",
  weightedRespondents: () => "加權人數",
  share: () => "比例",
  examples: () => "回答示例",
  group: () => "組別",
  shareElsewhere: () => "其他組的比例",
  g2: () => "G²",
  pHolm: () => "p（Holm 校正）",
  keywordsOf: (p) => `${p.group}組的突出詞`,
};
