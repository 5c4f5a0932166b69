/**
 * A question renamed in the form takes every reference to it along (visibleIf, expressions,
 * validators, piped titles…: src/questionnaire/rename-question.ts). The name field changes with
 * each keystroke, through names that are empty or another question's: the references move only
 * to a usable name, and remember the name they use, so `level` → `` → `t` → `tier` ends with
 * every `{level}` reading `{tier}`.
 */
import { renameQuestion } from "../../questionnaire/rename-question.js";
import { elementAt, type ElementPath, type Json, pathKey, walkElements } from "./element-path.js";

/** The name the draft's references use for the question at `key` (its path). */
export interface Referenced {
  key: string;
  name: string;
}

/** The dynamic panel whose template holds the element at `path`, innermost first. */
function dynamicPanelOf(json: Json, path: ElementPath): string | undefined {
  for (let i = path.length - 1; i > 0; i--) {
    if (path[i][0] !== "templateElements") continue;
    const name = elementAt(json, path.slice(0, i))?.name;
    return typeof name === "string" ? name : undefined;
  }
  return undefined;
}

/** Whether another element of the draft (outside `path`) is called `name`, as survey-core compares names. */
function taken(json: Json, path: ElementPath, name: string): boolean {
  const key = pathKey(path);
  const lower = name.toLowerCase();
  for (const entry of walkElements(json)) {
    if (pathKey(entry.path) !== key && typeof entry.element.name === "string" && entry.element.name.toLowerCase() === lower) return true;
  }
  return false;
}

/**
 * The draft after the element at `path` changed from `before` to its state in `next`: when it
 * is a question whose name changed to a usable one, with its references following.
 * `referenced` is what the last call answered (null at first).
 * @example followRename(next, path, { type: "text", name: "age" }, null) // { json: …{years} in every reference…, referenced: { key, name: "years" } }
 */
export function followRename(next: Json, path: ElementPath, before: Json | undefined, referenced: Referenced | null): { json: Json; referenced: Referenced | null } {
  const after = elementAt(next, path);
  const isQuestion = path.length > 1 && after !== undefined && after.type !== "panel";
  if (!isQuestion || !before || before.name === after.name) return { json: next, referenced };
  const key = pathKey(path);
  const from = referenced?.key === key ? referenced.name : before.name;
  // A question with a valueName is referred to by that: its references do not name it.
  if (typeof from !== "string" || from === "" || typeof after.valueName === "string") return { json: next, referenced };
  const to = typeof after.name === "string" ? after.name.trim() : "";
  if (to === "" || taken(next, path, to)) return { json: next, referenced: { key, name: from } };
  return { json: renameQuestion(next, from, to, dynamicPanelOf(next, path)), referenced: { key, name: to } };
}
