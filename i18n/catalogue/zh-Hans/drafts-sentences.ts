/** 关于问卷草稿、发布草稿和新建问卷，服务器所说的简体中文。 */
import type { Sentences } from "../sections/sentences.js";

const q = (text: string) => `“${text}”`;

export const drafts: Sentences["drafts"] = {
  stale: (p) => `问卷${q(p.name)}的草稿已是第 ${p.stored} 次修订，由 ${p.by} 于 ${p.at} 保存；本次请求基于第 ${p.revision} 次修订。未覆盖任何内容：请重新载入草稿后再修改。`,
  staleField: (p) => `已保存的草稿是第 ${p.stored} 次修订`,
  noDraftYet: (p) => `问卷${q(p.name)}没有已保存的草稿（已发布或从未保存），但本次请求指明第 ${p.revision} 次修订。请重新载入草稿：新草稿从第 0 次修订开始。`,
  noDraft: (p) => `问卷${q(p.name)}没有可发布的草稿；请先保存草稿（PUT /api/surveys/${p.name}/draft）。`,
  platform: () => "平台",
  unknownShipped: (p) => `没有名为${q(p.id)}的内置问卷。`,
  shippedField: () => "不是 GET /api/questionnaires/shipped 所列的问卷之一",
};
