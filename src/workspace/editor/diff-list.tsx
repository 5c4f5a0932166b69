/**
 * What publishing changes (GET …/draft/diff, src/questionnaire/diff.ts), in the reader's words:
 * each kind of change under its heading, languages and properties by their names in the page's
 * language rather than `zh-Hant` or `visibleIf`.
 */
import type { EditorWords } from "../../../i18n/catalogue/sections/workspace-editor.js";
import { useWords } from "../context.js";
import { fill } from "../fill.js";
import { typeLabel } from "./outline.js";

const DIFF_KEYS = [
  "surveyTexts",
  "added",
  "removed",
  "retitled",
  "typeChanged",
  "choicesAdded",
  "choicesRemoved",
  "rowsAdded",
  "rowsRemoved",
  "rowsRetitled",
  "columnsAdded",
  "columnsRemoved",
  "columnsRetitled",
  "logicChanged",
] as const;
type DiffKey = (typeof DIFF_KEYS)[number];
export type Diff = Partial<Record<DiffKey, unknown[]>> & { pagesChanged?: { before: string[]; after: string[] } };

const shown = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

/** The editor's own word for a property the diff names, where the form has one. */
function propertyWord(w: EditorWords, property: string): string {
  const known: Record<string, string> = {
    title: w.title,
    description: w.description,
    visibleIf: w.visibleIf,
    requiredIf: w.requiredIf,
    isRequired: w.required,
    inputType: w.inputType,
    min: w.min,
    max: w.max,
    maxSelectedChoices: w.maxSelected,
    rateMin: w.rateMin,
    rateMax: w.rateMax,
  };
  return Object.hasOwn(known, property) ? known[property] : property;
}

function languageWord(w: EditorWords, language: unknown): string {
  return typeof language === "string" && Object.hasOwn(w.languages, language) ? w.languages[language as keyof EditorWords["languages"]] : shown(language);
}

/** One entry of a diff list in a line: where, then what changed. */
function describe(key: DiffKey, entry: unknown, w: EditorWords): string {
  if (typeof entry !== "object" || entry === null) return String(entry);
  const e = entry as Record<string, unknown>;
  const name = e.within ? `${String(e.within)} · ${String(e.name ?? "")}` : String(e.name ?? "");
  const change = (what: string) => fill(w.diffText, { what, language: languageWord(w, e.language), before: shown(e.before), after: shown(e.after) });
  switch (key) {
    case "surveyTexts":
      return change(propertyWord(w, String(e.property)));
    case "retitled":
      return change(name);
    case "rowsRetitled":
    case "columnsRetitled":
      return change(`${name} · ${shown(e.value)}`);
    case "typeChanged":
      return `${name}: ${typeLabel(w.types, e.before)} → ${typeLabel(w.types, e.after)}`;
    case "logicChanged":
      return `${name} · ${propertyWord(w, String(e.property))}: ${shown(e.before)} → ${shown(e.after)}`;
    case "added":
    case "removed":
      return [name, e.type ? `(${typeLabel(w.types, e.type)})` : "", e.title ? String(e.title) : ""].filter(Boolean).join(" ");
    default:
      return Array.isArray(e.values) ? `${name}: ${e.values.map(shown).join(", ")}` : name;
  }
}

export function DiffList({ diff }: { diff: Diff }) {
  const w = useWords().editor;
  const kinds = DIFF_KEYS.filter((k) => (diff[k]?.length ?? 0) > 0);
  const pages = diff.pagesChanged;
  if (kinds.length === 0 && !pages) return <p class="empty">{w.noChanges}</p>;
  return (
    <dl class="diff">
      {kinds.map((k) => (
        <div key={k} data-diff={k}>
          <dt>{w.diff[k]}</dt>
          <dd>
            <ul>
              {diff[k]?.map((entry, i) => (
                <li key={i}>{describe(k, entry, w)}</li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
      {pages ? (
        <div data-diff="pagesChanged">
          <dt>{w.diff.pagesChanged}</dt>
          <dd>
            {pages.before.join(", ") || "—"} → {pages.after.join(", ") || "—"}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
