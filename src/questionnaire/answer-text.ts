/**
 * One stored answer as a reader sees it: choice values become their texts in a language, a
 * matrix its rows and columns, "other" its typed text — all read from the questionnaire model.
 */
import type { Language } from "../../i18n/language.js";
import { phrase, say } from "../../i18n/phrase.js";
import type { CellSpec, Item, QuestionSpec, Scalar } from "./question.js";

type Data = Record<string, unknown>;

const COMMENT_SUFFIX = "-Comment";

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function join(lang: Language, items: string[]): string {
  return say(lang, phrase("responses.answerList", { items }));
}

function labelled(lang: Language, label: string, text: string): string {
  return say(lang, phrase("responses.labelled", { label, text }));
}

/** The text of one chosen value; "other" with its typed text when there is one. */
function itemText(lang: Language, items: readonly Item[], value: unknown, otherText?: string): string {
  const item = items.find((i) => i.value === value);
  if (!item) {
    // "Other" stored in place of the value: the typed text is the value itself.
    const other = items.find((i) => i.special === "other");
    return other && typeof value === "string" ? labelled(lang, other.texts[lang], value) : scalarText(value);
  }
  const text = item.texts[lang];
  return item.special === "other" && otherText ? labelled(lang, text, otherText) : text;
}

function booleanText(
  lang: Language,
  spec: { valueTrue: Scalar; valueFalse: Scalar; labelTrue: Record<Language, string>; labelFalse: Record<Language, string> },
  value: unknown,
): string {
  if (value === spec.valueTrue) return spec.labelTrue[lang];
  if (value === spec.valueFalse) return spec.labelFalse[lang];
  return scalarText(value);
}

function cellText(lang: Language, cell: CellSpec, value: unknown, otherText?: string): string {
  switch (cell.kind) {
    case "single":
      return itemText(lang, cell.items, value, otherText);
    case "multi":
      return Array.isArray(value)
        ? join(
            lang,
            value.map((v) => itemText(lang, cell.items, v)),
          )
        : scalarText(value);
    case "boolean":
      return booleanText(lang, cell, value);
    default:
      return scalarText(value);
  }
}

function asRecord(value: unknown): Data | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Data) : null;
}

/**
 * The text of the answer to `spec` in a response's `data`, in `lang`; "" when there is none.
 * @example answerText(levelSpec, { level: "市" }, "en") // "City"
 */
export function answerText(spec: QuestionSpec, data: Data, lang: Language): string {
  const value = data[spec.key];
  if (value === undefined || value === null) return "";
  const typedOther = typeof data[spec.key + COMMENT_SUFFIX] === "string" ? (data[spec.key + COMMENT_SUFFIX] as string) : undefined;
  switch (spec.kind) {
    case "single":
      return itemText(lang, spec.items, value, spec.otherText === "comment" ? typedOther : undefined);
    case "multi": {
      if (!Array.isArray(value)) return scalarText(value);
      const property = spec.valuePropertyName;
      const values = property ? value.map((v) => asRecord(v)?.[property]) : value;
      return join(
        lang,
        values.map((v) => itemText(lang, spec.items, v, spec.otherText === "comment" ? typedOther : undefined)),
      );
    }
    case "ranking":
      return Array.isArray(value)
        ? join(
            lang,
            value.map((v, i) => `${i + 1}. ${itemText(lang, spec.items, v)}`),
          )
        : scalarText(value);
    case "boolean":
      return booleanText(lang, spec, value);
    case "matrix": {
      const rows = asRecord(value);
      if (!rows) return scalarText(value);
      return join(
        lang,
        spec.rows
          .filter((row) => rows[String(row.value)] !== undefined)
          .map((row) => {
            const chosen = rows[String(row.value)];
            const text = Array.isArray(chosen)
              ? join(
                  lang,
                  chosen.map((c) => itemText(lang, spec.columns, c)),
                )
              : itemText(lang, spec.columns, chosen);
            return labelled(lang, row.texts[lang], text);
          }),
      );
    }
    case "matrixdropdown": {
      const rows = asRecord(value);
      if (!rows) return scalarText(value);
      return join(
        lang,
        spec.rows.flatMap((row) => {
          const cells = asRecord(rows[String(row.value)]);
          if (!cells) return [];
          const parts = spec.columns
            .filter((column) => cells[column.name] !== undefined)
            .map((column) => {
              const other = cells[column.name + COMMENT_SUFFIX];
              return labelled(lang, column.texts[lang], cellText(lang, column.cell, cells[column.name], typeof other === "string" ? other : undefined));
            });
          return parts.length > 0 ? [labelled(lang, row.texts[lang], parts.join(", "))] : [];
        }),
      );
    }
    case "multipletext": {
      const items = asRecord(value);
      if (!items) return scalarText(value);
      return join(
        lang,
        spec.items.filter((item) => items[item.name] !== undefined && items[item.name] !== "").map((item) => labelled(lang, item.texts[lang], scalarText(items[item.name]))),
      );
    }
    default:
      return scalarText(value);
  }
}
