/**
 * Where an element sits in a draft's JSON: the steps from the root, each an element list
 * (`pages`, `elements`, `questions`, `templateElements`) and an index. The editor changes the
 * draft only through these, on a copy, so every property it does not know stays as it was.
 */
export type Json = Record<string, unknown>;
export type ElementPath = readonly (readonly [string, number])[];

const LIST_KEYS = new Set(["pages", "elements", "questions", "templateElements"]);

/** `pages[0].elements[3]`: the same spelling as the server's problem locations. */
export function pathKey(path: ElementPath): string {
  return path.map(([key, i]) => `${key}[${i}]`).join(".");
}

/**
 * The element path a problem location starts with: `pages[1].elements[3].choices[0] (q)`
 * belongs to `pages[1].elements[3]`; a location of the root gives `[]`.
 */
export function pathOfLocation(location: string): ElementPath {
  const out: [string, number][] = [];
  const steps = location.replace(/ \(.*\)$/, "").split(".");
  for (const step of steps) {
    const m = /^(\w+)\[(\d+)\]$/.exec(step);
    if (!m || !LIST_KEYS.has(m[1])) break;
    out.push([m[1], Number(m[2])]);
  }
  return out;
}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The element at `path`, or undefined when the draft has none there. */
export function elementAt(json: Json, path: ElementPath): Json | undefined {
  let node: unknown = json;
  for (const [key, i] of path) {
    if (!isObject(node) || !Array.isArray(node[key])) return undefined;
    node = node[key][i];
  }
  return isObject(node) ? node : undefined;
}

/** The list an element sits in, and its index there. */
function listOf(json: Json, path: ElementPath): { list: unknown[]; index: number } | undefined {
  if (path.length === 0) return undefined;
  const parent = elementAt(json, path.slice(0, -1));
  const [key, index] = path[path.length - 1];
  const list = parent?.[key];
  return Array.isArray(list) ? { list, index } : undefined;
}

/** The element list of a page or panel (`elements`, or the older `questions`), made when absent. */
export function childListKey(container: Json): string {
  if (container.elements === undefined && Array.isArray(container.questions)) return "questions";
  if (container.type === "paneldynamic") return "templateElements";
  return "elements";
}

/** A copy of `json` with `change` applied to the element at `path` (itself changed in place in the copy). */
export function changeAt(json: Json, path: ElementPath, change: (element: Json) => void): Json {
  const next = structuredClone(json);
  const element = elementAt(next, path);
  if (element) change(element);
  return next;
}

/** A copy without the element at `path`. */
export function removeAt(json: Json, path: ElementPath): Json {
  const next = structuredClone(json);
  const at = listOf(next, path);
  at?.list.splice(at.index, 1);
  return next;
}

/** A copy with `element` inserted into the list of `container` at `index` (the end when beyond); returns its path too. */
export function insertInto(json: Json, container: ElementPath, element: Json, index?: number): { json: Json; path: ElementPath } {
  const next = structuredClone(json);
  const parent = elementAt(next, container);
  if (!parent) return { json, path: container };
  const key = container.length === 0 ? "pages" : childListKey(parent);
  if (!Array.isArray(parent[key])) parent[key] = [];
  const list = parent[key] as unknown[];
  const at = index === undefined || index > list.length ? list.length : index;
  list.splice(at, 0, element);
  return { json: next, path: [...container, [key, at]] };
}

/** A copy with the element at `path` one place up (`-1`) or down (`1`) in its list; its new path. */
export function moveBy(json: Json, path: ElementPath, by: -1 | 1): { json: Json; path: ElementPath } {
  const next = structuredClone(json);
  const at = listOf(next, path);
  if (!at) return { json, path };
  const to = at.index + by;
  if (to < 0 || to >= at.list.length) return { json, path };
  const [element] = at.list.splice(at.index, 1);
  at.list.splice(to, 0, element);
  const [key] = path[path.length - 1];
  return { json: next, path: [...path.slice(0, -1), [key, to]] };
}

/**
 * A copy with the element at `from` put just before the one at `before` (a drag onto it). A page
 * only goes among pages, an element only among elements, and never into itself.
 */
export function moveBefore(json: Json, from: ElementPath, before: ElementPath): { json: Json; path: ElementPath } {
  const same = { json, path: from };
  const isPage = (p: ElementPath) => p.length === 1 && p[0][0] === "pages";
  if (isPage(from) !== isPage(before) || pathKey(before).startsWith(pathKey(from))) return same;
  const next = structuredClone(json);
  const source = listOf(next, from);
  const target = elementAt(next, before);
  if (!source || !target) return same;
  const [element] = source.list.splice(source.index, 1);
  // Found again by identity: removing the source may have moved the target up a place.
  const targetPath = findPath(next, target);
  const into = targetPath && listOf(next, targetPath);
  if (!into) return same;
  into.list.splice(into.index, 0, element);
  return { json: next, path: findPath(next, element as Json) ?? from };
}

/** Where `element` (by identity) is in `json`. */
function findPath(json: Json, element: Json): ElementPath | undefined {
  for (const entry of walkElements(json)) if (entry.element === element) return entry.path;
  return undefined;
}

/** One entry of the outline: an element, where it is and how deep. */
export interface Entry {
  element: Json;
  path: ElementPath;
  depth: number;
}

/** Every page, panel and question in document order (pages at depth 0). Root `elements` count as a page's. */
export function* walkElements(json: Json): Generator<Entry> {
  function* under(container: Json, at: ElementPath, depth: number): Generator<Entry> {
    for (const key of ["elements", "questions", "templateElements"]) {
      const list = container[key];
      if (!Array.isArray(list)) continue;
      for (let i = 0; i < list.length; i++) {
        const element = list[i];
        if (!isObject(element)) continue;
        const path: ElementPath = [...at, [key, i]];
        yield { element, path, depth };
        yield* under(element, path, depth + 1);
      }
    }
  }
  yield* under(json, [], 1);
  const pages = json.pages;
  if (Array.isArray(pages)) {
    for (let i = 0; i < pages.length; i++) {
      const page = pages[i];
      if (!isObject(page)) continue;
      const path: ElementPath = [["pages", i]];
      yield { element: page, path, depth: 0 };
      yield* under(page, path, 1);
    }
  }
}

/** A name not yet used by any element: `q1`, `q2`… (or `page1`… , `panel1`…). */
export function freshName(json: Json, prefix: string): string {
  const used = new Set<string>();
  for (const { element } of walkElements(json)) if (typeof element.name === "string") used.add(element.name);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}
