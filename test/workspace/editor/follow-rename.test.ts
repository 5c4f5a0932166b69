import { describe, expect, it } from "vitest";
import { changeAt, elementAt, type ElementPath, type Json } from "../../../src/workspace/editor/element-path.js";
import { followRename, type Referenced } from "../../../src/workspace/editor/follow-rename.js";

const draft = (): Json => ({
  pages: [
    {
      name: "p1",
      elements: [
        { type: "radiogroup", name: "level", choices: ["city", "district"] },
        { type: "text", name: "staff", visibleIf: "{level} = 'district'", title: "{level}的人数" },
        {
          type: "paneldynamic",
          name: "members",
          templateElements: [
            { type: "text", name: "age" },
            { type: "text", name: "job", visibleIf: "{panel.age} > 18" },
          ],
        },
      ],
    },
  ],
});
const LEVEL: ElementPath = [
  ["pages", 0],
  ["elements", 0],
];
const AGE: ElementPath = [
  ["pages", 0],
  ["elements", 2],
  ["templateElements", 0],
];

/** Types `names` into the name field of the element at `path`, one change at a time, as the form does. */
function typeNames(json: Json, path: ElementPath, names: string[]): { json: Json; referenced: Referenced | null } {
  let current = json;
  let referenced: Referenced | null = null;
  for (const name of names) {
    const before = elementAt(current, path);
    const next = changeAt(current, path, (e) => {
      e.name = name;
    });
    ({ json: current, referenced } = followRename(next, path, before, referenced));
  }
  return { json: current, referenced };
}

const staffOf = (json: Json) =>
  elementAt(json, [
    ["pages", 0],
    ["elements", 1],
  ]);

describe("followRename", () => {
  it("moves every reference with each usable name, and through an empty or taken one waits", () => {
    const { json, referenced } = typeNames(draft(), LEVEL, ["leve", "", "staff", "t", "tier"]);
    expect(staffOf(json)).toMatchObject({ visibleIf: "{tier} = 'district'", title: "{tier}的人数" });
    expect(referenced).toEqual({ key: "pages[0].elements[0]", name: "tier" });
    // While the name was empty or another question's, the references kept the last usable one.
    const halfway = typeNames(draft(), LEVEL, ["leve", ""]);
    expect(staffOf(halfway.json)?.visibleIf).toBe("{leve} = 'district'");
    expect(staffOf(typeNames(draft(), LEVEL, ["Staff"]).json)?.visibleIf).toBe("{level} = 'district'");
  });

  it("renames a dynamic panel's member as {panel.name}", () => {
    const { json } = typeNames(draft(), AGE, ["years"]);
    expect(elementAt(json, [...AGE.slice(0, -1), ["templateElements", 1]])?.visibleIf).toBe("{panel.years} > 18");
  });

  it("leaves references alone for a page, a question with a valueName, or a change that is not a rename", () => {
    const page = typeNames(draft(), [["pages", 0]], ["level"]);
    expect(staffOf(page.json)?.visibleIf).toBe("{level} = 'district'");
    const shared = changeAt(draft(), LEVEL, (e) => {
      e.valueName = "level";
    });
    expect(staffOf(typeNames(shared, LEVEL, ["tier"]).json)?.visibleIf).toBe("{level} = 'district'");
    const before = elementAt(draft(), LEVEL);
    const retitled = changeAt(draft(), LEVEL, (e) => {
      e.title = "层级";
    });
    expect(followRename(retitled, LEVEL, before, null)).toEqual({ json: retitled, referenced: null });
  });
});
