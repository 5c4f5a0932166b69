/** 關於題庫伺服器所說的繁體中文。 */
import type { Sentences } from "../sections/sentences.js";

const q = (text: string) => `「${text}」`;

export const bank: Sentences["bank"] = {
  insertFailed: () => "無法在該處插入題目，問卷未作任何變更。",
  notAnElement: () => "請提供一道題目或一個面板：帶有 type 和 name 的 JSON 物件",
  noPage: (p) => `問卷中沒有名為${q(p.page)}的頁面。`,
  noElement: (p) => `問卷中沒有名為${q(p.name)}的題目或面板，無法插在其後。`,
};
