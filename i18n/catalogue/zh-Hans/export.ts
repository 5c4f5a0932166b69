/** Fixed words of the exports. */
import type { ExportWords } from "../sections/export.js";

export const exportWords: ExportWords = {
  selected: "选中",
  notSelected: "未选",
  notAsked: "未问（跳答）",
  complete: "已完成",
  partial: "未完成",
  id: "答卷编号",
  version: "问卷版本",
  completeQ: "是否完成",
  createdAt: "提交时间（UTC）",
  completedAt: "完成时间（UTC）",
  unit: "收集单位",
  separator: "：",
  otherText: "（填写内容）",
  comment: "（备注）",
};
