/** The codebook of an export: every variable with its question, label, type, codes and labels. */
import { UTF8_BOM } from "../../lib/csv.js";
import { csvField } from "./csv.js";
import type { Language } from "../../../i18n/language.js";
import type { Layout, ValueLabel, Variable } from "../dataset/variables.js";

export interface CodebookEntry {
  variable: string;
  /** The question's data key (empty for the response's own fields). */
  question: string;
  label: string;
  role: Variable["role"];
  type: "numeric" | "string" | "date" | "datetime";
  measure: Variable["measure"];
  /** For options, rows and cells: the choice value, row value or item name. */
  part?: string | number | boolean;
  column?: string;
  values: ValueLabel[];
  missing: number[];
  set?: string;
}

export interface Codebook {
  survey: string;
  title: string;
  language: Language;
  labels: Layout["mode"];
  variables: CodebookEntry[];
  sets: Layout["sets"];
}

/** The codebook of a layout. */
export function buildCodebook(survey: string, title: string, layout: Layout): Codebook {
  return {
    survey,
    title,
    language: layout.language,
    labels: layout.mode,
    variables: layout.variables.map((v) => {
      const entry: CodebookEntry = {
        variable: v.name,
        question: v.key ?? "",
        label: v.label,
        role: v.role,
        type: v.format === "DATE" ? "date" : v.format === "DATETIME" ? "datetime" : v.storage,
        measure: v.measure,
        values: v.labels,
        missing: v.missing,
      };
      if (v.part !== undefined) entry.part = v.part;
      if (v.column !== undefined) entry.column = v.column;
      if (v.set) entry.set = v.set;
      return entry;
    }),
    sets: layout.sets,
  };
}

const HEADINGS: Record<Language, string[]> = {
  "zh-Hans": ["变量名", "题目", "变量标签", "内容", "类型", "测量级别", "取值与标签", "缺失值", "多选题集"],
  "zh-Hant": ["變數名", "題目", "變數標籤", "內容", "類型", "測量級別", "取值與標籤", "遺漏值", "多選題集"],
  en: ["variable", "question", "label", "role", "type", "measure", "values", "missing", "set"],
};

/** "code = label" lines, with the stored value where it differs from the label. */
function valuesText(values: ValueLabel[]): string {
  return values.map((v) => (v.value === null || String(v.value) === v.label ? `${v.code} = ${v.label}` : `${v.code} = ${v.label} [${String(v.value)}]`)).join("\n");
}

/** The codebook as table rows (heading first), for CSV and the XLSX sheet. */
export function codebookRows(codebook: Codebook): (string | number)[][] {
  const rows: (string | number)[][] = [HEADINGS[codebook.language]];
  for (const v of codebook.variables) {
    rows.push([v.variable, v.question, v.label, v.role, v.type, v.measure, valuesText(v.values), v.missing.join(", "), v.set ?? ""]);
  }
  return rows;
}

/** The codebook as CSV (UTF-8 with BOM). */
export function codebookCsv(codebook: Codebook): Buffer {
  const lines = codebookRows(codebook).map((row) => row.map(csvField).join(","));
  return Buffer.from(`${UTF8_BOM}${lines.join("\r\n")}\r\n`);
}

/** The codebook as JSON. */
export function codebookJson(codebook: Codebook): Buffer {
  return Buffer.from(JSON.stringify(codebook, null, 2));
}
