/** 關於表格問卷（XLSForm）伺服器所說的繁體中文。 */
import type { Sentences } from "../sections/sentences.js";

const q = (text: string) => `「${text}」`;

export const xlsform: Sentences["xlsform"] = {
  failed: (p) => `活頁簿中有 ${p.count} 個問題，未轉換任何內容。請改正後重新上傳整個活頁簿。`,
  place: (p) => `工作表${q(p.sheet)}第 ${p.row} 列${q(p.column)}欄`,
  noSheet: (p) => `活頁簿中沒有名為${q(p.sheet)}的工作表。`,
  noColumn: (p) => `工作表${q(p.sheet)}中沒有${q(p.column)}欄。`,
  unknownType: (p) =>
    `${q(p.type)}不是可讀取的題型：請使用 text、integer、decimal、date、note、range、select_one <選項表>、select_multiple <選項表>（可在後面加 or_other）、begin_group 和 end_group、begin_repeat 和 end_repeat（不可巢狀）。`,
  missingName: () => "該列有題型但沒有名稱（name）。",
  badName: (p) => `${q(p.name)}不能用作名稱：須以字母或「_」開頭，其後只用字母、數字、「_」、「-」或「.」。`,
  duplicateName: (p) => `名稱${q(p.name)}在第 ${p.row} 列已經使用。`,
  missingList: (p) => `${q(p.type)}後面須寫選項表名稱，例如「${p.type} yes_no」。`,
  unknownList: (p) => `choices 工作表中沒有選項表${q(p.list)}。`,
  choiceWithoutName: () => "該選項沒有名稱（name，即選項值）。",
  choiceWithoutList: () => "該選項有名稱但沒有 list_name。",
  duplicateChoice: (p) => `選項表${q(p.list)}中已有選項${q(p.name)}（第 ${p.row} 列）。`,
  unclosedGroup: (p) => `${q(p.name)}沒有用 ${p.end} 結束。`,
  strayEnd: (p) => `此 ${p.end} 沒有對應的 ${p.begin}。`,
  badYesNo: (p) => `${q(p.value)}既不是 yes 也不是 no。`,
  unsupportedExpression: (p) =>
    `${q(p.value)}中的${q(p.construct)}無法轉換：條件請用 \${名稱}、「.」、selected()、count-selected()、string-length()、not()、and、or、比較運算、+ - * div mod、數字和字串書寫（date('YYYY-MM-DD') 只能用作日期題的範圍，例如「. <= date('2025-12-31')」）。`,
  unsupportedColumn: (p) =>
    `不讀取${q(p.column)}欄，請留空。可讀取的欄為 type、name、label、hint、required、required_message、relevant、constraint、constraint_message、appearance 和（range 題的）parameters。`,
  unknownLanguage: (p) => `${q(p.language)}不是問卷可顯示的語言：請使用 zh-Hans、zh-Hant、en，或 SurveyJS 支援的語言代碼，例如「French (fr)」。`,
  unsupportedAppearance: (p) => `${q(p.type)}不讀取外觀（appearance）${q(p.appearance)}。`,
  noQuestions: () => "survey 工作表中沒有題目。",
  badRange: (p) => `不讀取範圍參數${q(p.value)}：請用數字寫 start=、end= 和 step=（start 小於 end，步長能整除兩者之差），例如「start=1 end=5 step=1」。`,
  badStyle: (p) => `不讀取樣式（style）${q(p.value)}：請留空或填寫「pages」（每個頂層題組為一頁）。`,
  questionnaire: (p) => `由該表產生的問卷無法發布：${p.reason}`,
};
