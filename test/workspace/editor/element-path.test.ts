import { describe, expect, it } from "vitest";
import { changeAt, freshName, insertInto, moveBefore, moveBy, pathOfLocation, removeAt, walkElements } from "../../../src/workspace/editor/element-path.js";

const draft = () => ({
  title: "t",
  custom: { kept: true },
  pages: [
    {
      name: "p1",
      elements: [
        { type: "text", name: "q1", odd: 1 },
        { type: "panel", name: "g", elements: [{ type: "text", name: "q2" }] },
      ],
    },
    { name: "p2", elements: [{ type: "comment", name: "q3" }] },
  ],
});

describe("element paths", () => {
  it("reads problem locations", () => {
    expect(pathOfLocation("pages[0].elements[1].elements[0].choices[2] (q2)")).toEqual([
      ["pages", 0],
      ["elements", 1],
      ["elements", 0],
    ]);
    expect(pathOfLocation("(questionnaire)")).toEqual([]);
  });

  it("changes one element on a copy, keeping what it does not know", () => {
    const before = draft();
    const after = changeAt(
      before,
      [
        ["pages", 0],
        ["elements", 0],
      ],
      (e) => {
        e.title = "新";
      },
    );
    expect(before.pages[0].elements[0]).toEqual({ type: "text", name: "q1", odd: 1 });
    expect((after.pages as typeof before.pages)[0].elements[0]).toEqual({ type: "text", name: "q1", odd: 1, title: "新" });
    expect(after.custom).toEqual({ kept: true });
  });

  it("moves up and down, by drag before another element (also across pages), never into itself", () => {
    const moved = moveBy(
      draft(),
      [
        ["pages", 0],
        ["elements", 1],
      ],
      -1,
    );
    expect([...walkElements(moved.json)].map((e) => e.element.name)).toEqual(["p1", "g", "q2", "q1", "p2", "q3"]);
    const dragged = moveBefore(
      draft(),
      [
        ["pages", 1],
        ["elements", 0],
      ],
      [
        ["pages", 0],
        ["elements", 1],
        ["elements", 0],
      ],
    );
    expect([...walkElements(dragged.json)].map((e) => e.element.name)).toEqual(["p1", "q1", "g", "q3", "q2", "p2"]);
    expect(dragged.path).toEqual([
      ["pages", 0],
      ["elements", 1],
      ["elements", 0],
    ]);
    const down = moveBefore(
      draft(),
      [
        ["pages", 0],
        ["elements", 0],
      ],
      [
        ["pages", 1],
        ["elements", 0],
      ],
    );
    expect([...walkElements(down.json)].map((e) => e.element.name)).toEqual(["p1", "g", "q2", "p2", "q1", "q3"]);
    const into = moveBefore(
      draft(),
      [
        ["pages", 0],
        ["elements", 1],
      ],
      [
        ["pages", 0],
        ["elements", 1],
        ["elements", 0],
      ],
    );
    expect(into.json).toEqual(draft());
  });

  it("inserts, removes and names new elements", () => {
    const json = draft();
    expect(freshName(json, "q")).toBe("q4");
    const added = insertInto(json, [["pages", 1]], { type: "text", name: "q4" }, 0);
    expect(added.path).toEqual([
      ["pages", 1],
      ["elements", 0],
    ]);
    const removed = removeAt(added.json, [["pages", 0]]);
    expect([...walkElements(removed)].map((e) => e.element.name)).toEqual(["p2", "q4", "q3"]);
  });
});
