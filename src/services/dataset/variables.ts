/**
 * The variables (columns) of an export: one per single-choice or numeric question, one 0/1 per
 * option of a multi-select, one per matrix row (or row × column), "other" texts and comments
 * apart; with valid unique names, labels in one language, codes, measurement levels and the
 * "not asked" missing code. Every format and the codebook are written from this one layout.
 */
import { codeItems, notAskedCodeFor, type CodedItem } from "./codes.js";
import { words as catalogue } from "../../../i18n/words.js";
import { labelLanguageOf, type LabelMode } from "./labels.js";
import type { Language } from "../../../i18n/language.js";
import type { Texts } from "../../questionnaire/texts.js";
import { NameRegistry } from "./names.js";
import type { QuestionSpec, Scalar } from "../../questionnaire/question.js";
import type { RowContext } from "./row-context.js";
import { own } from "../../lib/own.js";
import { type DerivedColumn, derivedCode } from "./derived-columns.js";

export { RowContext, type ExportRow } from "./row-context.js";

/** What a variable holds, for the codebook and the import. */
export type VariableRole =
  | "meta"
  | "choice"
  | "option"
  | "other_text"
  | "comment"
  | "rank"
  | "list"
  | "boolean"
  | "number"
  | "date"
  | "text"
  | "matrix_row"
  | "matrix_cell"
  | "item"
  | "json"
  | "computed"
  | "derived";

export interface ValueLabel {
  code: number;
  /** The stored answer value the code stands for (null for "not asked" and flag codes). */
  value: Scalar | null;
  label: string;
}

export interface Variable {
  name: string;
  /** The question's data key; null for the response's own fields (id, version, …). */
  key: string | null;
  role: VariableRole;
  label: string;
  /** For options, rows, cells and items: which one (its value or name). */
  part?: Scalar;
  /** For matrix cells: the column name. */
  column?: string;
  storage: "numeric" | "string";
  measure: "nominal" | "ordinal" | "scale";
  format: "F" | "DATE" | "DATETIME" | "A";
  decimals: number;
  /** Value labels of a coded variable, the missing codes included. */
  labels: ValueLabel[];
  /** User-missing codes ("not asked", refused, don't know). */
  missing: number[];
  /**
   * JSON path of the value in `data`, for the .sav pass that measures before writing: the text
   * there bounds a string variable's width in bytes; the numbers there give a number's decimals.
   */
  path?: string[];
  /** A response field's string width in bytes (.sav), when it is not the response id's 36. */
  width?: number;
  /** Expression results: numeric or string is decided from the data (.sav). */
  probeType?: boolean;
  /** Name of the multiple-response set this 0/1 variable belongs to. */
  set?: string;
  /** The cell: a code for coded variables, a number, a text, or null (empty). */
  read(row: RowContext): number | string | null;
}

export interface MultipleResponseSet {
  name: string;
  label: string;
  variables: string[];
}

export interface Layout {
  language: Language;
  mode: LabelMode;
  variables: Variable[];
  sets: MultipleResponseSet[];
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
const asText = (v: unknown): string | null => (isEmpty(v) ? null : typeof v === "string" ? v : JSON.stringify(v));
const asNumber = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : null;
const LIST_SEPARATOR = "; ";

/** Builds the layout of an export of these questions with labels in `mode`'s language. */
export function buildLayout(specs: readonly QuestionSpec[], mode: LabelMode, derived: readonly DerivedColumn[] = []): Layout {
  const language = labelLanguageOf(mode);
  const words = catalogue(language).export;
  const names = new NameRegistry();
  const variables: Variable[] = [];
  const sets: MultipleResponseSet[] = [];
  const t = (texts: Texts) => texts[language];
  const joined = (a: string, b: string) => `${a}${words.separator}${b}`;
  const blank = { labels: [] as ValueLabel[], missing: [] as number[], decimals: 0 };
  const stringVar = (partial: Omit<Variable, "storage" | "measure" | "format" | "labels" | "missing" | "decimals">): Variable => ({
    ...blank,
    storage: "string",
    measure: "nominal",
    format: "A",
    ...partial,
  });

  // The response's own fields come first.
  variables.push(
    stringVar({ name: names.claim("response_id"), key: null, role: "meta", label: words.id, path: [], read: (r) => r.row.id }),
    { ...blank, name: names.claim("version"), key: null, role: "meta", label: words.version, storage: "numeric", measure: "nominal", format: "F", read: (r) => r.row.version },
    {
      ...blank,
      name: names.claim("complete"),
      key: null,
      role: "meta",
      label: words.completeQ,
      storage: "numeric",
      measure: "nominal",
      format: "F",
      labels: [
        { code: 1, value: true, label: words.complete },
        { code: 0, value: false, label: words.partial },
      ],
      read: (r) => (r.row.complete ? 1 : 0),
    },
    {
      ...blank,
      name: names.claim("created_at"),
      key: null,
      role: "meta",
      label: words.createdAt,
      storage: "numeric",
      measure: "scale",
      format: "DATETIME",
      read: (r) => r.row.createdAt.getTime(),
    },
    {
      ...blank,
      name: names.claim("completed_at"),
      key: null,
      role: "meta",
      label: words.completedAt,
      storage: "numeric",
      measure: "scale",
      format: "DATETIME",
      read: (r) => r.row.completedAt?.getTime() ?? null,
    },
    // The collection link's unit: 255 bytes in .sav (85 CJK characters; longer units are cut there, in .sav alone).
    stringVar({ name: names.claim("unit"), key: null, role: "meta", label: words.unit, width: 255, read: (r) => r.row.unit ?? null }),
  );

  /** A coded numeric variable over `items`, reading the value with `pick`. */
  const coded = (
    spec: QuestionSpec,
    name: string,
    label: string,
    role: VariableRole,
    items: CodedItem[],
    measure: "nominal" | "ordinal",
    pick: (data: Record<string, unknown>) => unknown,
    extra: Partial<Variable> = {},
  ): Variable => {
    const codes = new Map<Scalar, number>(items.map((i) => [i.value, i.code]));
    const notAsked = notAskedCodeFor(items.map((i) => i.code));
    const missing = [notAsked, ...items.filter((i) => i.special === "refused" || i.special === "dontknow").map((i) => i.code)];
    const other = items.find((i) => i.special === "other");
    const labels: ValueLabel[] = [...items.map((i) => ({ code: i.code, value: i.value, label: t(i.texts) })), { code: notAsked, value: null, label: words.notAsked }];
    return {
      ...blank,
      name,
      key: spec.key,
      role,
      label,
      storage: "numeric",
      measure,
      format: "F",
      labels,
      missing,
      ...extra,
      read: (r) => {
        const value = pick(r.data);
        if (isEmpty(value)) return r.asked(spec) ? null : notAsked;
        const code = codes.get(value as Scalar);
        if (code !== undefined) return code;
        // A value outside the list is the "other" text kept in place of "other".
        return other ? other.code : asText(value);
      },
    };
  };

  const flag = (
    spec: QuestionSpec,
    name: string,
    label: string,
    part: Scalar,
    test: (values: unknown[]) => boolean,
    set: string,
    pick: (data: Record<string, unknown>) => unknown,
  ): Variable => ({
    ...blank,
    name,
    key: spec.key,
    role: "option",
    label,
    part,
    set,
    storage: "numeric",
    measure: "nominal",
    format: "F",
    labels: [
      { code: 0, value: null, label: words.notSelected },
      { code: 1, value: null, label: words.selected },
      { code: -1, value: null, label: words.notAsked },
    ],
    missing: [-1],
    read: (r) => {
      const values = pick(r.data);
      if (!Array.isArray(values) || values.length === 0) return r.asked(spec) ? null : -1;
      return test(values) ? 1 : 0;
    },
  });

  const otherTextVar = (
    spec: QuestionSpec,
    base: string,
    title: string,
    items: CodedItem[],
    where: "comment" | "value",
    multiple: boolean,
    pick: (d: Record<string, unknown>) => unknown,
    commentOf: (d: Record<string, unknown>) => unknown,
    path: string[],
  ) => {
    const known = new Set(items.map((i) => i.value));
    const other = items.find((i) => i.special === "other");
    return stringVar({
      name: names.claim(`${base}_other_text`),
      key: spec.key,
      role: "other_text",
      label: joined(title, other ? t(other.texts) : "other") + words.otherText,
      path,
      read: (r) => {
        if (where === "comment") return asText(commentOf(r.data));
        const value = pick(r.data);
        const values = multiple ? (Array.isArray(value) ? value : []) : [value];
        const outside = values.filter((v) => !isEmpty(v) && !known.has(v as Scalar)).map(String);
        return outside.length ? outside.join(LIST_SEPARATOR) : null;
      },
    });
  };

  for (const spec of specs) {
    const key = spec.key;
    const base = names.claim(key);
    const title = t(spec.title);
    const value = (d: Record<string, unknown>) => own(d, key);
    const unwrap = (d: Record<string, unknown>): unknown => {
      const v = own(d, key);
      const vpn = spec.kind === "multi" ? spec.valuePropertyName : undefined;
      return vpn && Array.isArray(v) ? v.map((x) => (x && typeof x === "object" ? (x as Record<string, unknown>)[vpn] : x)) : v;
    };
    switch (spec.kind) {
      case "single": {
        const items = codeItems(spec.items);
        variables.push(coded(spec, base, title, "choice", items, spec.measure, value));
        if (spec.otherText)
          variables.push(
            otherTextVar(spec, base, title, items, spec.otherText, false, value, (d) => own(d, `${key}-Comment`), spec.otherText === "comment" ? [`${key}-Comment`] : [key]),
          );
        break;
      }
      case "multi": {
        const items = codeItems(spec.items);
        const setName = `$${base}`;
        const known = new Set(items.map((i) => i.value));
        const members: string[] = [];
        for (const item of items) {
          const suffix = item.special ?? String(item.code);
          const test = item.special === "other" ? (vs: unknown[]) => vs.some((v) => v === item.value || !known.has(v as Scalar)) : (vs: unknown[]) => vs.includes(item.value);
          const variable = flag(spec, names.claim(`${base}_${suffix}`), joined(title, t(item.texts)), item.value, test, setName, unwrap);
          variables.push(variable);
          if (item.special !== "refused" && item.special !== "dontknow") members.push(variable.name);
        }
        if (members.length >= 2) sets.push({ name: setName, label: title, variables: members });
        if (spec.otherText)
          variables.push(
            otherTextVar(spec, base, title, items, spec.otherText, true, unwrap, (d) => own(d, `${key}-Comment`), spec.otherText === "comment" ? [`${key}-Comment`] : [key]),
          );
        break;
      }
      case "ranking":
        for (const item of codeItems(spec.items)) {
          variables.push({
            ...blank,
            name: names.claim(`${base}_${item.special ?? item.code}`),
            key,
            role: "rank",
            label: joined(title, t(item.texts)),
            part: item.value,
            storage: "numeric",
            measure: "ordinal",
            format: "F",
            labels: [{ code: -1, value: null, label: words.notAsked }],
            missing: [-1],
            read: (r) => {
              const v = own(r.data, key);
              if (!Array.isArray(v) || v.length === 0) return r.asked(spec) ? null : -1;
              const at = v.indexOf(item.value);
              return at >= 0 ? at + 1 : null;
            },
          });
        }
        break;
      case "list":
        variables.push(stringVar({ name: base, key, role: "list", label: title, path: [key], read: (r) => listText(own(r.data, key)) }));
        break;
      case "boolean": {
        const items: CodedItem[] = [
          { code: 1, value: spec.valueTrue, texts: spec.labelTrue },
          { code: 0, value: spec.valueFalse, texts: spec.labelFalse },
        ];
        variables.push(coded(spec, base, title, "boolean", items, "nominal", value));
        break;
      }
      case "number":
        variables.push({
          ...blank,
          name: base,
          key,
          role: "number",
          label: title,
          path: [key],
          storage: "numeric",
          measure: "scale",
          format: "F",
          read: (r) => asNumber(own(r.data, key)),
        });
        break;
      case "date":
        variables.push({ ...blank, name: base, key, role: "date", label: title, storage: "numeric", measure: "scale", format: "DATE", read: (r) => asText(own(r.data, key)) });
        break;
      case "text":
        variables.push(stringVar({ name: base, key, role: "text", label: title, path: [key], read: (r) => asText(own(r.data, key)) }));
        break;
      case "matrix": {
        const columns = codeItems(spec.columns);
        const numeric = columns.every((c) => typeof c.value === "number");
        for (const row of spec.rows) {
          const name = names.claim(`${base}_${row.value}`);
          const label = joined(title, t(row.texts));
          const cell = (d: Record<string, unknown>) => own(own(d, key), String(row.value));
          variables.push(
            spec.multiple
              ? stringVar({ name, key, role: "matrix_row", label, part: row.value, path: [key, String(row.value)], read: (r) => listText(cell(r.data)) })
              : coded(spec, name, label, "matrix_row", columns, numeric ? "ordinal" : "nominal", cell, { part: row.value }),
          );
        }
        break;
      }
      case "matrixdropdown":
        for (const row of spec.rows) {
          for (const column of spec.columns) {
            const name = names.claim(`${base}_${row.value}_${column.name}`);
            const label = joined(title, `${t(row.texts)} - ${t(column.texts)}`);
            const rowOf = (d: Record<string, unknown>) => own(own(d, key), String(row.value));
            const cell = (d: Record<string, unknown>) => own(rowOf(d), column.name);
            const extra = { part: row.value, column: column.name };
            const path = [key, String(row.value), column.name];
            const c = column.cell;
            if (c.kind === "single" || c.kind === "boolean") {
              const items =
                c.kind === "single"
                  ? codeItems(c.items)
                  : [
                      { code: 1, value: c.valueTrue, texts: c.labelTrue },
                      { code: 0, value: c.valueFalse, texts: c.labelFalse },
                    ];
              variables.push(coded(spec, name, label, "matrix_cell", items, "nominal", cell, extra));
              if (c.kind === "single" && c.otherText) {
                const commentPath = [key, String(row.value), `${column.name}-Comment`];
                const v = otherTextVar(
                  spec,
                  name,
                  label,
                  items,
                  c.otherText,
                  false,
                  cell,
                  (d) => own(rowOf(d), `${column.name}-Comment`),
                  c.otherText === "comment" ? commentPath : path,
                );
                variables.push({ ...v, ...extra });
              }
            } else if (c.kind === "number") {
              variables.push({
                ...blank,
                name,
                key,
                role: "matrix_cell",
                label,
                ...extra,
                path,
                storage: "numeric",
                measure: "scale",
                format: "F",
                read: (r) => asNumber(cell(r.data)),
              });
            } else {
              variables.push(
                stringVar({ name, key, role: "matrix_cell", label, ...extra, path: path, read: (r) => (c.kind === "multi" ? listText(cell(r.data)) : asText(cell(r.data))) }),
              );
            }
          }
        }
        break;
      case "multipletext":
        for (const item of spec.items) {
          const name = names.claim(`${base}_${item.name}`);
          const label = joined(title, t(item.texts));
          const cell = (d: Record<string, unknown>) => own(own(d, key), item.name);
          variables.push(
            item.numeric
              ? {
                  ...blank,
                  name,
                  key,
                  role: "item",
                  label,
                  part: item.name,
                  path: [key, item.name],
                  storage: "numeric",
                  measure: "scale",
                  format: "F",
                  read: (r) => asNumber(cell(r.data)),
                }
              : stringVar({ name, key, role: "item", label, part: item.name, path: [key, item.name], read: (r) => asText(cell(r.data)) }),
          );
        }
        break;
      case "json":
        variables.push(
          stringVar({ name: base, key, role: "json", label: `${title} (JSON)`, path: [key], read: (r) => (isEmpty(own(r.data, key)) ? null : JSON.stringify(own(r.data, key))) }),
        );
        break;
      case "computed":
        variables.push(
          stringVar({
            name: base,
            key,
            role: "computed",
            label: title,
            path: [key],
            probeType: true,
            read: (r) => {
              const v = own(r.data, key);
              return typeof v === "number" ? v : asText(v);
            },
          }),
        );
        break;
    }
    if (spec.commentKey) {
      const commentKey = spec.commentKey;
      variables.push(
        stringVar({ name: names.claim(`${base}_comment`), key, role: "comment", label: `${title}${words.comment}`, path: [commentKey], read: (r) => asText(r.data[commentKey]) }),
      );
    }
  }
  // Derived variables (recodes) come after the questions, coded 1…K, −1 when not asked.
  derived.forEach((column, i) => {
    const labels: ValueLabel[] = [...column.categories.map((c, k) => ({ code: k + 1, value: c.value, label: c.label })), { code: -1, value: null, label: words.notAsked }];
    variables.push({
      ...blank,
      name: names.claim(column.name),
      key: null,
      role: "derived",
      label: column.label,
      storage: "numeric",
      measure: "nominal",
      format: "F",
      labels,
      missing: [-1],
      read: (r) => derivedCode(column, r.row.derived, i),
    });
  });
  return { language, mode, variables, sets };
}

/** Several values in one cell: "a; b; c". */
function listText(value: unknown): string | null {
  if (isEmpty(value)) return null;
  return Array.isArray(value) ? value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(LIST_SEPARATOR) : asText(value);
}
