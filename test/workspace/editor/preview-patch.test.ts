import { Model } from "survey-core";
import { describe, expect, it } from "vitest";
import { applyPatches, patchesBetween } from "../../../src/workspace/editor/preview-patch.js";

const draft = () => ({
  title: "t",
  pages: [
    {
      name: "p1",
      elements: [
        { type: "radiogroup", name: "level", title: { default: "层级", en: "Level" }, choices: ["a", "b"] },
        { type: "text", name: "n" },
      ],
    },
  ],
});

describe("patching the preview's model", () => {
  it("updates changed properties of existing elements in the live model", () => {
    const before = draft();
    const after = structuredClone(before);
    after.pages[0].elements[0].title = { default: "所在层级", en: "Level" };
    after.pages[0].elements[0].choices = ["a", "b", "c"];
    const patches = patchesBetween(before, after);
    expect(patches?.map((p) => p.name)).toEqual(["level"]);
    const model = new Model(before);
    expect(applyPatches(model, patches ?? [])).toBe(true);
    const level = model.getQuestionByName("level");
    expect(level.title).toBe("所在层级");
    expect((level as unknown as { choices: unknown[] }).choices).toHaveLength(3);
  });

  it("asks for a new model when a property goes, an element moves or the root changes", () => {
    const removed = draft();
    delete (removed.pages[0].elements[0] as { title?: unknown }).title;
    expect(patchesBetween(draft(), removed)).toBeNull();
    const moved = draft();
    moved.pages[0].elements.reverse();
    expect(patchesBetween(draft(), moved)).toBeNull();
    expect(patchesBetween(draft(), { ...draft(), title: "u" })).toBeNull();
    expect(patchesBetween(draft(), draft())).toEqual([]);
  });
});
