/** 关于表格问卷（XLSForm）服务器所说的简体中文。 */
import type { Sentences } from "../sections/sentences.js";

const q = (text: string) => `“${text}”`;

export const xlsform: Sentences["xlsform"] = {
  failed: (p) => `工作簿中有 ${p.count} 个问题，未转换任何内容。请改正后重新上传整个工作簿。`,
  place: (p) => `工作表${q(p.sheet)}第 ${p.row} 行${q(p.column)}列`,
  noSheet: (p) => `工作簿中没有名为${q(p.sheet)}的工作表。`,
  noColumn: (p) => `工作表${q(p.sheet)}中没有${q(p.column)}列。`,
  unknownType: (p) =>
    `${q(p.type)}不是可读取的题型：请使用 text、integer、decimal、date、note、range、select_one <选项表>、select_multiple <选项表>（可在后面加 or_other）、begin_group 和 end_group、begin_repeat 和 end_repeat（不可嵌套）。`,
  missingName: () => "该行有题型但没有名称（name）。",
  badName: (p) => `${q(p.name)}不能用作名称：须以字母或“_”开头，其后只用字母、数字、“_”、“-”或“.”。`,
  duplicateName: (p) => `名称${q(p.name)}在第 ${p.row} 行已经使用。`,
  missingList: (p) => `${q(p.type)}后面须写选项表名称，例如“${p.type} yes_no”。`,
  unknownList: (p) => `choices 工作表中没有选项表${q(p.list)}。`,
  choiceWithoutName: () => "该选项没有名称（name，即选项值）。",
  choiceWithoutList: () => "该选项有名称但没有 list_name。",
  duplicateChoice: (p) => `选项表${q(p.list)}中已有选项${q(p.name)}（第 ${p.row} 行）。`,
  unclosedGroup: (p) => `${q(p.name)}没有用 ${p.end} 结束。`,
  strayEnd: (p) => `此 ${p.end} 没有对应的 ${p.begin}。`,
  badYesNo: (p) => `${q(p.value)}既不是 yes 也不是 no。`,
  unsupportedExpression: (p) =>
    `${q(p.value)}中的${q(p.construct)}无法转换：条件请用 \${名称}、“.”、selected()、count-selected()、string-length()、not()、and、or、比较运算、+ - * div mod、数字和字符串书写（date('YYYY-MM-DD') 只能用作日期题的范围，例如“. <= date('2025-12-31')”）。`,
  unsupportedColumn: (p) =>
    `不读取${q(p.column)}列，请留空。可读取的列为 type、name、label、hint、required、required_message、relevant、constraint、constraint_message、appearance 和（range 题的）parameters。`,
  unknownLanguage: (p) => `${q(p.language)}不是问卷可显示的语言：请使用 zh-Hans、zh-Hant、en，或 SurveyJS 支持的语言代码，例如“French (fr)”。`,
  unsupportedAppearance: (p) => `${q(p.type)}不读取外观（appearance）${q(p.appearance)}。`,
  noQuestions: () => "survey 工作表中没有题目。",
  badRange: (p) => `不读取范围参数${q(p.value)}：请用数字写 start=、end= 和 step=（start 小于 end，步长能整除两者之差），例如“start=1 end=5 step=1”。`,
  badStyle: (p) => `不读取样式（style）${q(p.value)}：请留空或填写“pages”（每个顶层题组为一页）。`,
  questionnaire: (p) => `由该表生成的问卷无法发布：${p.reason}`,
};
