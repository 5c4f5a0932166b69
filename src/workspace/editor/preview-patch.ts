/**
 * What keeps the preview fast on a large questionnaire: when an edit only changed properties of
 * existing elements (same elements in the same places, no property removed), those elements
 * are updated in the live survey-core model, which survey-js-ui re-renders by itself, instead
 * of building a new model of the whole questionnaire and rendering it from scratch.
 */
import type { Model } from "survey-core";
import { type Json, walkElements } from "./element-path.js";

const CHILD_LISTS = new Set(["elements", "questions", "templateElements", "pages"]);

/** An element's own properties, without the elements it contains. */
function own(element: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(element)) if (!CHILD_LISTS.has(key)) out[key] = value;
  return out;
}

function sameKeys(a: Json, b: Json): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => k in b);
}

/** The elements to update in place, or null when the edit needs a new model. */
export function patchesBetween(before: Json, after: Json): { name: string; page: boolean; json: Json }[] | null {
  const rootBefore = own(before);
  const rootAfter = own(after);
  if (JSON.stringify(rootBefore) !== JSON.stringify(rootAfter)) return null;
  const a = [...walkElements(before)];
  const b = [...walkElements(after)];
  if (a.length !== b.length) return null;
  const patches: { name: string; page: boolean; json: Json }[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.depth !== y.depth || x.element.name !== y.element.name || x.element.type !== y.element.type || typeof y.element.name !== "string") return null;
    const ox = own(x.element);
    const oy = own(y.element);
    if (JSON.stringify(ox) === JSON.stringify(oy)) continue;
    if (!sameKeys(ox, oy)) return null;
    patches.push({ name: y.element.name, page: y.depth === 0, json: oy });
  }
  return patches;
}

/** Applies the patches to the model; false when one names nothing there (then build anew). */
export function applyPatches(model: Model, patches: { name: string; page: boolean; json: Json }[]): boolean {
  const targets = patches.map((p) => (p.page ? model.getPageByName(p.name) : (model.getQuestionByName(p.name) ?? model.getPanelByName(p.name))));
  if (targets.some((t) => !t)) return false;
  patches.forEach((p, i) => {
    const target = targets[i];
    target?.fromJSON(p.json);
    // fromJSON sets localised texts without telling their views: say it, or the title stays old.
    target?.locStrsChanged();
  });
  return true;
}
