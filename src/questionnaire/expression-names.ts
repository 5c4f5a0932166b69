/**
 * Question names inside survey-core expressions and piped texts, rewritten the way survey-core
 * itself reads them: the `{…}` places are found by survey-core's text pre-processor's own scan
 * (what pipes `{name}` into a title), and in an expression only a place survey-core's expression parser reads
 * as a variable is touched: `'{q}'` inside a string stays as it is. The rest of the text stays
 * byte for byte, so a renamed reference changes nothing else a person wrote.
 */
import { ConditionsParser, settings, TextPreProcessor } from "survey-core";

/** A variable's new name (the trimmed name inside the braces in, undefined to leave it). */
export type Renamer = (variable: string) => string | undefined;

/** The variables survey-core reads in an expression, trimmed; undefined when it does not parse. */
export function expressionVariables(text: string): string[] | undefined {
  if (text.trim() === "") return [];
  // A fresh parser each time: survey-core keeps the last error on the instance.
  const operand = new ConditionsParser().parseExpression(text);
  if (!operand) return undefined;
  const list: string[] = [];
  operand.setVariables(list);
  return list.map((v) => v.trim());
}

/** survey-core's own scan for `{…}` places (the pre-processor's, which its `process` pipes through); positions inclusive. */
type PlaceScan = { getItems(text: string): { start: number; end: number }[] };

function placesOf(text: string): { start: number; end: number }[] {
  const scan = new TextPreProcessor() as unknown as Partial<PlaceScan>;
  if (typeof scan.getItems !== "function") throw new Error("expression-names: survey-core's TextPreProcessor no longer has getItems");
  return scan.getItems.call(scan, text);
}

/**
 * `text` with the `{…}` places `pick` gives a new name for (the name trimmed in, places counted
 * from 0 in the text's order); the spaces inside the braces stay as they were.
 */
function replacePlaces(text: string, pick: (name: string, place: number) => string | undefined): string {
  const { start: open, end: close } = settings.expressionVariableDelimiters;
  const places = placesOf(text);
  let out = text;
  for (let place = places.length - 1; place >= 0; place--) {
    const { start, end } = places[place];
    const inner = text.slice(start + open.length, end + 1 - close.length);
    const name = inner.trim();
    const next = name === "" ? undefined : pick(name, place);
    if (next === undefined) continue;
    const lead = inner.slice(0, inner.length - inner.trimStart().length);
    const trail = inner.slice(inner.trimEnd().length);
    out = `${out.slice(0, start)}${open}${lead}${next}${trail}${close}${out.slice(end + 1)}`;
  }
  return out;
}

const count = (list: readonly string[], name: string) => list.filter((v) => v === name).length;

/**
 * A piped text (title, description, html, a choice's text…) with every `{name}` the renamer
 * renames rewritten; as survey-core pipes it, every `{…}` place is a name.
 * @example renameInText("{level}级的人数", (v) => (v === "level" ? "tier" : undefined)) // "{tier}级的人数"
 */
export function renameInText(text: string, rename: Renamer): string {
  return replacePlaces(text, (name) => rename(name));
}

/**
 * An expression with every variable the renamer renames rewritten. Each candidate place is tried
 * alone and kept only when survey-core's parser then reads one more variable of the new name and
 * no other change, so a place inside a string literal is left. An expression survey-core cannot
 * parse is answered unchanged (the questionnaire checks report it).
 * @example renameInExpression("{level} = 'district' and '{level}' notempty", (v) => (v === "level" ? "tier" : undefined))
 *   // "{tier} = 'district' and '{level}' notempty"
 */
export function renameInExpression(text: string, rename: Renamer): string {
  const before = expressionVariables(text);
  if (!before?.some((v) => rename(v) !== undefined)) return text;
  const kept = new Set<number>();
  const places = placesOf(text).length;
  for (let place = 0; place < places; place++) {
    let target: string | undefined;
    const tried = replacePlaces(text, (name, at) => {
      if (at !== place) return undefined;
      target = rename(name);
      return target;
    });
    if (target === undefined) continue;
    const after = expressionVariables(tried);
    if (after && after.length === before.length && count(after, target) === count(before, target) + 1) kept.add(place);
  }
  return kept.size === 0 ? text : replacePlaces(text, (name, at) => (kept.has(at) ? rename(name) : undefined));
}
