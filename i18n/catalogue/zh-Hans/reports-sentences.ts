/** 关于随问卷保存的报告、报告文字中的数据占位符和分享链接，服务器所说的简体中文。 */
import type { Sentences } from "../sections/sentences.js";

export const reports: Sentences["reports"] = {
  notFound: (p) => `问卷“${p.name}”没有编号为 ${p.id} 的报告。`,
  stale: (p) => `报告 ${p.id} 已是第 ${p.stored} 次修订；本次保存基于第 ${p.revision} 次修订。未覆盖任何内容：请重新载入报告后再修改。`,
  staleField: (p) => `已保存的报告是第 ${p.stored} 次修订`,
  placeholdersInvalid: () => "报告文字中引用的数据在本问卷中不存在。",
  unknownPlaceholder: (p) => `${p.text} 不是占位符：请用 {responses}、{n:题目}、{count:题目=选项} 或 {share:题目=选项}`,
  placeholderNeedsChoice: (p) => `${p.text} 需要题目和选项：{count:题目=选项}、{share:题目=选项}`,
  placeholderNotChoice: (p) => `${p.text}：题目“${p.question}”没有这个选项`,
  placeholderNotChoiceQuestion: (p) => `${p.text}：题目“${p.question}”不是选择题`,
  shareNotFound: () => "此地址没有分享的报告，或报告已停止分享。",
};
