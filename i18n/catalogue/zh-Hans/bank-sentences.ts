/** 关于题库服务器所说的简体中文。 */
import type { Sentences } from "../sections/sentences.js";

const q = (text: string) => `“${text}”`;

export const bank: Sentences["bank"] = {
  insertFailed: () => "无法在该处插入题目，问卷未作任何改动。",
  notAnElement: () => "请给出一道题目或一个面板：带有 type 和 name 的 JSON 对象",
  noPage: (p) => `问卷中没有名为${q(p.page)}的页面。`,
  noElement: (p) => `问卷中没有名为${q(p.name)}的题目或面板，无法插在其后。`,
};
