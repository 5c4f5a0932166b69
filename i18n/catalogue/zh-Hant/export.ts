/** Fixed words of the exports. */
import type { ExportWords } from "../sections/export.js";

export const exportWords: ExportWords = {
  selected: "選中",
  notSelected: "未選",
  notAsked: "未問（跳答）",
  complete: "已完成",
  partial: "未完成",
  id: "答卷編號",
  version: "問卷版本",
  completeQ: "是否完成",
  createdAt: "提交時間（UTC）",
  completedAt: "完成時間（UTC）",
  unit: "收集單位",
  separator: "：",
  otherText: "（填寫內容）",
  comment: "（備註）",
};
