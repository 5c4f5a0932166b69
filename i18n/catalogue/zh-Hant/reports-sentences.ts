/** 關於隨問卷儲存的報告、報告文字中的資料占位符和分享連結，伺服器所說的繁體中文。 */
import type { Sentences } from "../sections/sentences.js";

export const reports: Sentences["reports"] = {
  notFound: (p) => `問卷「${p.name}」沒有編號為 ${p.id} 的報告。`,
  stale: (p) => `報告 ${p.id} 已是第 ${p.stored} 次修訂；本次儲存基於第 ${p.revision} 次修訂。未覆寫任何內容：請重新載入報告後再修改。`,
  staleField: (p) => `已儲存的報告是第 ${p.stored} 次修訂`,
  placeholdersInvalid: () => "報告文字中引用的資料在本問卷中不存在。",
  unknownPlaceholder: (p) => `${p.text} 不是占位符：請用 {responses}、{n:題目}、{count:題目=選項} 或 {share:題目=選項}`,
  placeholderNeedsChoice: (p) => `${p.text} 需要題目和選項：{count:題目=選項}、{share:題目=選項}`,
  placeholderNotChoice: (p) => `${p.text}：題目「${p.question}」沒有這個選項`,
  placeholderNotChoiceQuestion: (p) => `${p.text}：題目「${p.question}」不是選擇題`,
  shareNotFound: () => "此位址沒有分享的報告，或報告已停止分享。",
};
