/**
 * Which question (and which part of it) each column of an imported sheet answers: matched by
 * variable name as the exports write it, by question name, or by question text in any of the
 * questionnaire's languages (for one-column-per-option sheets: question text and option text).
 */
import { words } from "../../../i18n/words.js";
import { LANGUAGES } from "../../../i18n/language.js";
import type { Item, MatrixColumn, QuestionSpec, Scalar } from "../../questionnaire/question.js";
import { buildLayout, type Variable } from "../dataset/variables.js";

/** What one column holds. */
export type Target =
  | { kind: "id" }
  | { kind: "version" }
  | { kind: "complete" }
  /** Read by people, not imported: times are set when the rows are stored, expressions recomputed. */
  | { kind: "ignored" }
  | { kind: "value"; spec: QuestionSpec }
  | { kind: "option"; spec: QuestionSpec; item: Item }
  | { kind: "other"; spec: QuestionSpec }
  | { kind: "comment"; spec: QuestionSpec }
  | { kind: "rank"; spec: QuestionSpec; item: Item }
  | { kind: "row"; spec: QuestionSpec; row: Item }
  | { kind: "cell"; spec: QuestionSpec; row: Item; column: MatrixColumn }
  | { kind: "cell_other"; spec: QuestionSpec; row: Item; column: MatrixColumn }
  | { kind: "item"; spec: QuestionSpec; item: { name: string; numeric: boolean } };

/** Header text compared loosely: full-width forms folded (NFKC), spaces collapsed, case ignored. */
export function normalise(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Question numbering typed before a header ("1.", "Q3、", "一、", "(2)"), and required marks. */
function stripNumbering(text: string): string {
  return text
    .replace(/^(q?\d+[.、:)\]]|\(\d+\)|[一二三四五六七八九十]+、)\s*/i, "")
    .replace(/\s*\*$/, "")
    .trim();
}

const SEPARATORS = [":", " - ", "-", "_", "/", "|", " "];
const ID_ALIASES = ["id", "uuid", "response_id", "编号", "问卷编号", "答卷编号", "問卷編號", "答卷編號", "respondent id"];

/** Header text → target, for one questionnaire's questions (all versions merged). */
export class ColumnMatcher {
  private readonly targets = new Map<string, Target | "ambiguous">();
  private readonly descriptions = new Map<string, string[]>();

  constructor(specs: readonly QuestionSpec[]) {
    for (const alias of ID_ALIASES) this.add(alias, { kind: "id" }, "the response id");
    for (const language of LANGUAGES) {
      this.add(words(language).export.id, { kind: "id" }, "the response id");
      this.add(words(language).export.version, { kind: "version" }, "the version");
      this.add(words(language).export.completeQ, { kind: "complete" }, "complete");
      this.add(words(language).export.createdAt, { kind: "ignored" }, "created_at");
      this.add(words(language).export.completedAt, { kind: "ignored" }, "completed_at");
    }
    // The exports' variable names and labels in every language.
    for (const language of LANGUAGES) {
      for (const variable of buildLayout(specs, language).variables) {
        const target = targetOf(variable, specs);
        if (!target) continue;
        this.add(variable.name, target, variable.name);
        this.add(variable.label, target, variable.name);
      }
    }
    for (const spec of specs) this.addQuestion(spec);
  }

  private addQuestion(spec: QuestionSpec): void {
    const titles = new Set([spec.key, spec.name, ...LANGUAGES.map((l) => spec.title[l])]);
    const value: Target = spec.kind === "computed" ? { kind: "ignored" } : { kind: "value", spec };
    for (const title of titles) this.add(title, value, spec.key);
    const names = (item: Item) => new Set([String(item.value), ...LANGUAGES.map((l) => item.texts[l])]);
    const parts = (items: Item[], make: (item: Item) => Target) => {
      for (const item of items) {
        for (const title of titles) for (const part of names(item)) for (const sep of SEPARATORS) this.add(`${title}${sep}${part}`, make(item), spec.key);
        for (const title of titles) for (const part of names(item)) this.add(`${title}[${part}]`, make(item), spec.key);
        for (const title of titles) for (const part of names(item)) this.add(`${title}(${part})`, make(item), spec.key);
      }
    };
    if (spec.kind === "multi") {
      parts(spec.items, (item) => ({ kind: "option", spec, item }));
      // Sheets with the question in a merged cell above often keep only the option texts.
      for (const item of spec.items) for (const name of names(item)) this.add(name, { kind: "option", spec, item }, `${spec.key}: ${name}`);
    }
    if (spec.kind === "ranking") parts(spec.items, (item) => ({ kind: "rank", spec, item }));
    if (spec.kind === "matrix") parts(spec.rows, (row) => ({ kind: "row", spec, row }));
  }

  private add(header: string, target: Target, description: string): void {
    const key = normalise(header);
    if (!key) return;
    const known = this.targets.get(key);
    if (known === undefined) {
      this.targets.set(key, target);
      this.descriptions.set(key, [description]);
    } else if (known !== "ambiguous" && !sameTarget(known, target)) {
      this.targets.set(key, "ambiguous");
      this.descriptions.get(key)!.push(description);
    }
  }

  /** The target of a header, "ambiguous" (with the candidates), or null when nothing matches. */
  match(header: string): { target: Target } | { ambiguous: string[] } | null {
    for (const candidate of [header, stripNumbering(header.normalize("NFKC"))]) {
      const key = normalise(candidate);
      const found = this.targets.get(key);
      if (found === "ambiguous") return { ambiguous: [...new Set(this.descriptions.get(key))] };
      if (found) return { target: found };
    }
    return null;
  }
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind !== b.kind) return false;
  const partOf = (t: Target): unknown[] => {
    const spec = "spec" in t ? t.spec.key : null;
    if (t.kind === "option" || t.kind === "rank") return [spec, t.item.value];
    if (t.kind === "row") return [spec, t.row.value];
    if (t.kind === "cell" || t.kind === "cell_other") return [spec, t.row.value, t.column.name];
    if (t.kind === "item") return [spec, t.item.name];
    return [spec];
  };
  return JSON.stringify(partOf(a)) === JSON.stringify(partOf(b));
}

/** The import target of an export variable. */
function targetOf(variable: Variable, specs: readonly QuestionSpec[]): Target | null {
  if (variable.key === null) {
    if (variable.name === "response_id") return { kind: "id" };
    if (variable.name === "version") return { kind: "version" };
    if (variable.name === "complete") return { kind: "complete" };
    return { kind: "ignored" };
  }
  const spec = specs.find((s) => s.key === variable.key);
  if (!spec) return null;
  const part = variable.part as Scalar | undefined;
  const itemOf = (items: Item[]) => items.find((i) => i.value === part);
  switch (variable.role) {
    case "option": {
      const item = spec.kind === "multi" ? itemOf(spec.items) : undefined;
      return item ? { kind: "option", spec, item } : null;
    }
    case "rank": {
      const item = spec.kind === "ranking" ? itemOf(spec.items) : undefined;
      return item ? { kind: "rank", spec, item } : null;
    }
    case "matrix_row": {
      const row = spec.kind === "matrix" ? itemOf(spec.rows) : undefined;
      return row ? { kind: "row", spec, row } : null;
    }
    case "matrix_cell":
    case "other_text": {
      if (spec.kind === "matrixdropdown") {
        const row = itemOf(spec.rows);
        const column = spec.columns.find((c) => c.name === variable.column);
        if (!row || !column) return null;
        return { kind: variable.role === "other_text" ? "cell_other" : "cell", spec, row, column };
      }
      return variable.role === "other_text" ? { kind: "other", spec } : null;
    }
    case "item": {
      const item = spec.kind === "multipletext" ? spec.items.find((i) => i.name === part) : undefined;
      return item ? { kind: "item", spec, item } : null;
    }
    case "comment":
      return { kind: "comment", spec };
    case "computed":
      return { kind: "ignored" };
    default:
      return { kind: "value", spec };
  }
}
