import { describe, expect, it } from "vitest";
import { diffQuestionnaires, isEmptyDiff } from "../../src/questionnaire/diff.js";
import reference from "../../surveys/dangjian-innovation-2023.json" with { type: "json" };

type Element = Record<string, unknown>;
type Page = { name: string; elements: Element[] };
type Json = { pages: Page[] } & Record<string, unknown>;

function copy(): Json {
  return structuredClone(reference) as unknown as Json;
}

/** The element named `name` anywhere on the pages or in panels. */
function find(json: Json, name: string): Element {
  const walk = (elements: Element[]): Element | undefined => {
    for (const e of elements) {
      if (e.name === name) return e;
      const inner = (e.elements ?? e.templateElements) as Element[] | undefined;
      const found = inner && walk(inner);
      if (found) return found;
    }
    return undefined;
  };
  for (const page of json.pages) {
    const found = walk(page.elements);
    if (found) return found;
  }
  throw new Error(`no element ${name}`);
}

describe("diffQuestionnaires", () => {
  it("finds nothing between the reference questionnaire and its copy", () => {
    const diff = diffQuestionnaires(reference, copy());
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.pagesChanged).toBeUndefined();
  });

  it("names a question added, one removed, and one inside a panel retitled in one language only", () => {
    const after = copy();
    after.pages[0].elements.push({ type: "text", name: "phone", title: { default: "联系电话", en: "Phone" } });
    after.pages[4].elements = after.pages[4].elements.filter((e) => e.name !== "suggestions");
    const role = find(after, "role_political");
    role.title = { ...(role.title as object), en: "Political leadership" };
    const diff = diffQuestionnaires(reference, after);
    expect(diff.added).toEqual([{ name: "phone", type: "text", title: "联系电话" }]);
    expect(diff.removed).toEqual([{ name: "suggestions", type: "comment", title: expect.any(String) }]);
    expect(diff.retitled).toEqual([{ name: "role_political", language: "en", before: "Political guidance", after: "Political leadership" }]);
    expect(diff.typeChanged).toEqual([]);
    expect(diff.logicChanged).toEqual([]);
  });

  it("reports choices added and removed by value, special items included, and a type change", () => {
    const after = copy();
    const level = find(after, "level");
    const choices = level.choices as { value: string }[];
    const dropped = choices[0].value;
    level.choices = [...choices.slice(1), { value: "省", text: "省级" }];
    level.showOtherItem = true;
    level.type = "dropdown";
    const diff = diffQuestionnaires(reference, after);
    expect(diff.choicesAdded).toEqual([{ name: "level", values: ["省", "other"] }]);
    expect(diff.choicesRemoved).toEqual([{ name: "level", values: [dropped] }]);
    expect(diff.typeChanged).toEqual([{ name: "level", before: "radiogroup", after: "dropdown" }]);
  });

  it("reports logic changes with the property, before and after", () => {
    const after = copy();
    const staff = find(after, "staff_count");
    const role = find(after, "role_cohesion");
    const before = role.visibleIf;
    role.visibleIf = "{level} = '社会组织'";
    const maxBefore = staff.max ?? null;
    staff.max = 123456;
    staff.isRequired = false;
    const diff = diffQuestionnaires(reference, after);
    expect(diff.logicChanged).toEqual([
      { name: "staff_count", property: "isRequired", before: true, after: false },
      { name: "staff_count", property: "max", before: maxBefore, after: 123456 },
      { name: "role_cohesion", property: "visibleIf", before, after: "{level} = '社会组织'" },
    ]);
  });

  it("looks inside a dynamic panel and keeps hostile choice values as plain values", () => {
    const panel = (choices: unknown[]): Element & { templateElements: Element[] } => ({
      type: "paneldynamic",
      name: "branches",
      title: "支部",
      templateElements: [
        { type: "text", name: "branch_name", title: "支部名称" },
        { type: "dropdown", name: "kind", title: "类型", choices },
      ],
    });
    const before = copy();
    before.pages[1].elements.push(panel(["toString", "x"]));
    const after = copy();
    const changed = panel(["x", "__proto__", "constructor"]);
    changed.templateElements.push({ type: "text", name: "level", title: "同名但在面板里" });
    after.pages[1].elements.push(changed);
    const diff = diffQuestionnaires(before, after);
    expect(diff.added).toEqual([{ name: "level", within: "branches", type: "text", title: "同名但在面板里" }]);
    expect(diff.choicesAdded).toEqual([{ name: "kind", within: "branches", values: ["__proto__", "constructor"] }]);
    expect(diff.choicesRemoved).toEqual([{ name: "kind", within: "branches", values: ["toString"] }]);
    expect(Object.getPrototypeOf(diff.choicesAdded[0])).toBe(Object.prototype);
  });

  it("reads a single matrix's columns as its columns, not its choices", () => {
    const grid = (columns: unknown[]) => ({ elements: [{ type: "matrix", name: "grid", rows: ["r1"], columns }] });
    const diff = diffQuestionnaires(grid([1, 2, { value: "toString", text: "x" }]), grid([1, 2, 3]));
    expect(diff.columnsAdded).toEqual([{ name: "grid", values: [3] }]);
    expect(diff.columnsRemoved).toEqual([{ name: "grid", values: ["toString"] }]);
    expect(diff.choicesAdded).toEqual([]);
    expect(diff.choicesRemoved).toEqual([]);
  });

  it("reports the survey's own title and description changed, per language", () => {
    const after = copy();
    after.title = { ...(reference.title as object), en: "Innovation in party building" };
    after.description = "只有简体的说明";
    const diff = diffQuestionnaires(reference, after);
    expect(diff.surveyTexts).toEqual([
      { property: "title", language: "en", before: reference.title.en, after: "Innovation in party building" },
      { property: "description", language: "zh-Hans", before: reference.description.default, after: "只有简体的说明" },
      { property: "description", language: "zh-Hant", before: reference.description["zh-tw"], after: null },
      { property: "description", language: "en", before: reference.description.en, after: null },
    ]);
    expect(isEmptyDiff(diff)).toBe(false);
    expect(diffQuestionnaires({ title: "调查" }, { title: "调查" }).surveyTexts).toEqual([]);
    expect(diffQuestionnaires({}, { title: "新问卷" }).surveyTexts).toEqual([{ property: "title", language: "zh-Hans", before: null, after: "新问卷" }]);
  });

  it("reports a single matrix's rows and columns added, removed and retitled; a bare item's text is its value", () => {
    const before = {
      elements: [
        {
          type: "matrix",
          name: "grid",
          rows: ["r1", { value: "r2", text: { default: "第二行", en: "Row 2" } }, "r3"],
          columns: [{ value: 1, text: "差" }, { value: 2 }],
        },
      ],
    };
    const after = {
      elements: [
        {
          type: "matrix",
          name: "grid",
          rows: [{ value: "r1", text: "r1" }, { value: "r2", text: { default: "第二行", en: "Second row" } }, "r4"],
          columns: [{ value: 1, text: "很差" }, 2, 3],
        },
      ],
    };
    const diff = diffQuestionnaires(before, after);
    expect(diff.rowsAdded).toEqual([{ name: "grid", values: ["r4"] }]);
    expect(diff.rowsRemoved).toEqual([{ name: "grid", values: ["r3"] }]);
    expect(diff.rowsRetitled).toEqual([{ name: "grid", value: "r2", language: "en", before: "Row 2", after: "Second row" }]);
    expect(diff.columnsAdded).toEqual([{ name: "grid", values: [3] }]);
    expect(diff.columnsRemoved).toEqual([]);
    expect(diff.columnsRetitled).toEqual([{ name: "grid", value: 1, language: "zh-Hans", before: "差", after: "很差" }]);
  });

  it("names a dropdown or dynamic matrix's columns by name with their titles, inside a dynamic panel too", () => {
    const matrices = (title: unknown, extra: unknown[]) => ({
      elements: [
        { type: "matrixdropdown", name: "staff", rows: ["men", "women"], columns: [{ name: "count", title }, ...extra] },
        { type: "paneldynamic", name: "branches", templateElements: [{ type: "matrixdynamic", name: "people", columns: [{ name: "age" }, ...extra] }] },
      ],
    });
    const diff = diffQuestionnaires(matrices("人数", [{ name: "toString" }]), matrices({ default: "人数", "zh-tw": "人數" }, [{ name: "__proto__", title: "新列" }]));
    expect(diff.columnsAdded).toEqual([
      { name: "staff", values: ["__proto__"] },
      { name: "people", within: "branches", values: ["__proto__"] },
    ]);
    expect(diff.columnsRemoved).toEqual([
      { name: "staff", values: ["toString"] },
      { name: "people", within: "branches", values: ["toString"] },
    ]);
    expect(diff.columnsRetitled).toEqual([{ name: "staff", value: "count", language: "zh-Hant", before: null, after: "人數" }]);
    expect(diff.rowsAdded).toEqual([]);
    expect(diff.choicesAdded).toEqual([]);
  });

  it("tells 1 from '1' and reports pages added and reordered", () => {
    const before = { pages: [{ name: "a", elements: [{ type: "radiogroup", name: "q", choices: [1, 2] }] }] };
    const after = {
      pages: [
        { name: "b", elements: [] },
        { name: "a", elements: [{ type: "radiogroup", name: "q", choices: ["1", 2] }] },
      ],
    };
    const diff = diffQuestionnaires(before, after);
    expect(diff.choicesAdded).toEqual([{ name: "q", values: ["1"] }]);
    expect(diff.choicesRemoved).toEqual([{ name: "q", values: [1] }]);
    expect(diff.pagesChanged).toEqual({ before: ["a"], after: ["b", "a"] });
  });

  it("treats a half-made or broken draft as having what it has", () => {
    expect(diffQuestionnaires(reference, "not a questionnaire").removed.length).toBeGreaterThan(20);
    expect(diffQuestionnaires({}, { pages: [{ elements: [{ type: "text" }, null, { name: "x" }] }] }).added).toEqual([]);
  });
});
