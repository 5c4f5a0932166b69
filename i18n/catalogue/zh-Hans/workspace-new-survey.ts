/** 工作台的新建问卷页面。 */
import type { NewSurveyWords } from "../sections/workspace-new-survey.js";

export const newSurvey: NewSurveyWords = {
  heading: "新建问卷",
  intro: "新问卷先作为草稿在编辑器中打开：发布问卷（即第 1 版）并开放之前，它没有填写页面。",
  name: "名称",
  nameHint: "1–80 个小写字母、数字、“-”或“_”，用作问卷的网址：/s/{name}",
  title: "标题（可不填）",
  titleHint: "不填则沿用所选问卷的标题，没有时用名称。",
  start: "从哪里开始",
  empty: "空白问卷",
  shipped: "平台自带的问卷",
  copy: "复制另一份问卷",
  shippedLabel: "自带问卷",
  copyLabel: "要复制的问卷",
  copyHint: "复制它的当前版本（尚未发布时复制其草稿）和繁体标准。",
  nothingToCopy: "没有您可以查看、可供复制的问卷。",
  create: "创建并编辑",
};
