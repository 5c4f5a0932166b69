/**
 * Texts filled in by machine conversion carry a mark in the form until a person confirms or
 * retypes them. The form knows the element; the fields only the property and the language:
 * this context joins the two into the text's stable path (src/questionnaire/text-paths.ts).
 */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Language } from "../../../i18n/language.js";
import { confirmConverted, convertedEntry, pathKey } from "../../questionnaire/text-paths.js";
import { useWords } from "../context.js";
import type { ElementPath, Json } from "./element-path.js";

export interface ConvertedMarks {
  /** The element's owner segment (`question:q`), undefined for one whose texts have no stable path. */
  owner: string | undefined;
  converted: readonly string[];
  onConverted: (next: string[]) => void;
}

export const ConvertedContext = createContext<ConvertedMarks>({ owner: undefined, converted: [], onConverted: () => {} });

/** The owner segment of the element at `path`, as the server's text paths spell it. */
export function ownerOf(element: Json, path: ElementPath): string | undefined {
  if (path.length === 0) return "survey";
  const name = typeof element.name === "string" && element.name !== "" ? pathKey(element.name) : undefined;
  if (name === undefined) return undefined;
  if (path.length === 1 && path[0][0] === "pages") return `page:${name}`;
  return `${element.type === "panel" ? "panel" : "question"}:${name}`;
}

/** Whether one language of one property was converted, and how to clear its mark. */
export function useConverted(property: string, lang: Language): { marked: boolean; clear: () => void } {
  const { owner, converted, onConverted } = useContext(ConvertedContext);
  if (owner === undefined) return { marked: false, clear: () => {} };
  const entry = convertedEntry(`${owner}/${property}`, lang);
  const marked = converted.includes(entry);
  return { marked, clear: () => (marked ? onConverted(confirmConverted(converted, entry)) : undefined) };
}

export function ConvertedMark({ onConfirm }: { onConfirm: () => void }) {
  const e = useWords().editor;
  return (
    <span class="converted-mark">
      <span class="tag">{e.autoConverted}</span>{" "}
      <button type="button" class="button small" onClick={onConfirm}>
        {e.confirmConverted}
      </button>
    </span>
  );
}

/**
 * The list after an element's owner segment changed (a rename): its marks follow it. Left as it
 * is when the new owner already has marks, which a rename through another element's name
 * would otherwise take over.
 */
export function renameOwner(converted: readonly string[], from: string, to: string): readonly string[] {
  if (from === to || !converted.some((e) => e.startsWith(`${from}/`)) || converted.some((e) => e.startsWith(`${to}/`))) return converted;
  return converted.map((e) => (e.startsWith(`${from}/`) ? `${to}${e.slice(from.length)}` : e));
}
