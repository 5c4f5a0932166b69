/** 关于派生变量（题目的重新编码），服务器所说的简体中文。 */
import type { Sentences } from "../sections/sentences.js";

const q = (text: string) => `“${text}”`;

export const variables: Sentences["variables"] = {
  invalid: (p) => `无法按所发送的内容定义派生变量${q(p.name)}；errors 的每一项说明是哪个字段以及原因。`,
  notFound: (p) => `问卷${q(p.survey)}没有派生变量${q(p.name)}。`,
  textForm: (p) => `应为 1 至 ${p.max} 个字符的文字`,
  labelForm: () => "标签应为文字，或以 zh-Hans、zh-Hant、en 为键的文字对象",
  groupsForm: () => "groups 应为对象：每个分组的名称，对应它所包含的选项值列表",
  nameForm: () => "名称应为 1 至 64 个字母、数字、“_”、“.”或“-”，以字母或“_”开头（不能有空格或引号）",
  nameReserved: (p) => `${q(p.name)}是每个 JavaScript 对象都有的属性，不能用作变量名`,
  nameIsQuestion: (p) => `${q(p.name)}已是本问卷某道题目的名称`,
  nameTaken: (p) => `${q(p.name)}已是本问卷另一个派生变量的名称`,
  oneRule: () => "groups、bins、option、equals 须且只须给出一项",
  fromVariable: (p) => `${q(p.name)}是派生变量：派生变量须由问卷中的题目生成`,
  groupsNeedChoice: (p) => `分组只能合并单选题的选项；${q(p.name)}是${p.type}题`,
  groupsNone: () => "请至少命名一个分组",
  groupEmpty: (p) => `分组${q(p.group)}没有列出任何选项`,
  inTwoGroups: (p) => `${q(p.value)}同时在分组${q(p.first)}和分组${q(p.second)}中`,
  binsNeedNumber: (p) => `分段只能划分数字题的答案；${q(p.name)}是${p.type}题`,
  binsNone: () => "请至少列出一个分段",
  binEmpty: (p) => `分段${q(p.label)}不含任何数值：其下限（含）须小于上限（不含）`,
  binsOverlap: (p) => `分段${q(p.first)}与分段${q(p.second)}重叠（下限含、上限不含）`,
  binLabelTwice: (p) => `有两个分段都叫${q(p.label)}`,
  optionNeedsMultiple: (p) => `option 标记多选题的某一个选项；${q(p.name)}是${p.type}题`,
  equalsNeedsNumberOrChoice: (p) => `equals 只能比较数字题或单选题；${q(p.name)}是${p.type}题`,
  equalsNumber: (p) => `${q(p.name)}的答案是数字：equals 须为数字`,
};
