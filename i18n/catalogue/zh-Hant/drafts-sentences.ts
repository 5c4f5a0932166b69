/** 關於問卷草稿、發布草稿和新建問卷，伺服器所說的繁體中文。 */
import type { Sentences } from "../sections/sentences.js";

const q = (text: string) => `「${text}」`;

export const drafts: Sentences["drafts"] = {
  stale: (p) => `問卷${q(p.name)}的草稿已是第 ${p.stored} 次修訂，由 ${p.by} 於 ${p.at} 儲存；本次請求基於第 ${p.revision} 次修訂。未覆寫任何內容：請重新載入草稿後再修改。`,
  staleField: (p) => `已儲存的草稿是第 ${p.stored} 次修訂`,
  noDraftYet: (p) => `問卷${q(p.name)}沒有已儲存的草稿（已發布或從未儲存），但本次請求指明第 ${p.revision} 次修訂。請重新載入草稿：新草稿從第 0 次修訂開始。`,
  noDraft: (p) => `問卷${q(p.name)}沒有可發布的草稿；請先儲存草稿（PUT /api/surveys/${p.name}/draft）。`,
  platform: () => "平台",
  unknownShipped: (p) => `沒有名為${q(p.id)}的內建問卷。`,
  shippedField: () => "不是 GET /api/questionnaires/shipped 所列的問卷之一",
};
