import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkQuestionnaire } from "../../src/questionnaire/check.js";
import { insertQuestion } from "../../src/questionnaire/insert-question.js";
import type { JsonObject } from "../../src/questionnaire/json.js";
import { listQuestions } from "../../src/questionnaire/list-questions.js";

const reference = JSON.parse(readFileSync(new URL("../../surveys/dangjian-innovation-2023.json", import.meta.url), "utf8")) as JsonObject;
const referenceElement = (name: string): JsonObject => {
  for (const page of reference.pages as { elements: JsonObject[] }[]) {
    for (const element of page.elements) {
      if (element.name === name) return element;
      for (const inner of (element.elements as JsonObject[] | undefined) ?? []) if (inner.name === name) return inner;
    }
  }
  throw new Error(name);
};

const draft = (): JsonObject => ({
  pages: [
    {
      name: "p1",
      elements: [
        { type: "text", name: "level" },
        { type: "text", name: "Member_Count" },
      ],
    },
    { name: "p2", elements: [{ type: "panel", name: "box", elements: [{ type: "text", name: "inner" }] }] },
  ],
});

function ok(result: ReturnType<typeof insertQuestion>) {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

describe("insertQuestion", () => {
  it("inserts the reference question with its choices, logic and translations at the end of the last page", () => {
    const element = referenceElement("member_relation");
    const result = ok(insertQuestion({ pages: [{ name: "a", elements: [] }] }, element));
    expect(result.name).toBe("member_relation");
    expect(result.renamed).toEqual([]);
    expect((result.json.pages as { elements: unknown[] }[])[0]?.elements).toEqual([element]);
    // {level} and {member_count} are questions of the reference study, not of this draft.
    expect(result.dangling).toEqual(["level", "member_count"]);
  });

  it("renames a taken name (name_2, name_3, …; names compare without case) and its own logic follows", () => {
    const element = { type: "radiogroup", name: "level", choices: ["a", "b"], visibleIf: "{level} notempty", validators: [{ type: "expression", expression: "{ LEVEL } != 'b'" }] };
    const first = ok(insertQuestion(draft(), element, { page: "p1" }));
    expect(first.name).toBe("level_2");
    const inserted = (first.json.pages as { elements: JsonObject[] }[])[0]?.elements[2];
    expect(inserted).toEqual({ ...element, name: "level_2", visibleIf: "{level_2} notempty", validators: [{ type: "expression", expression: "{ level_2 } != 'b'" }] });
    const second = ok(insertQuestion(first.json, element, { page: "p1" }));
    expect(second.name).toBe("level_3");
    expect(second.dangling).toEqual([]);
    expect(listQuestions(second.json).map((q) => q.name)).toEqual(["level", "Member_Count", "level_2", "level_3", "inner"]);
    expect(checkQuestionnaire(second.json)).toEqual([]);
  });

  it("renames only whole names in expressions: {level_x} and {levels} stay, {level.a}, {level[0]} and {level-Comment} follow", () => {
    const element = { type: "text", name: "level", enableIf: "{level.a} = 1 or {level[0]} = 2 or {level-Comment} notempty or {levels} = 3 or {level_x} = 4" };
    const result = ok(insertQuestion(draft(), element));
    const inserted = (result.json.pages as { elements: JsonObject[] }[])[1]?.elements[1];
    expect(inserted?.enableIf).toBe("{level_2.a} = 1 or {level_2[0]} = 2 or {level_2-Comment} notempty or {levels} = 3 or {level_x} = 4");
    expect(result.dangling).toEqual(["levels", "level_x"]);
  });

  it("renames the questions inside an inserted panel too, and choicesFromQuestion", () => {
    const panel = {
      type: "panel",
      name: "box",
      elements: [
        { type: "checkbox", name: "inner", choices: ["x", "y"] },
        { type: "dropdown", name: "pick", choicesFromQuestion: "inner", visibleIf: "{inner} anyof ['x'] and {panel.q} = 1" },
      ],
    };
    const result = ok(insertQuestion(draft(), panel, { after: "level" }));
    expect(result.name).toBe("box_2");
    expect(result.renamed).toEqual([
      { from: "box", to: "box_2" },
      { from: "inner", to: "inner_2" },
    ]);
    const inserted = (result.json.pages as { elements: JsonObject[] }[])[0]?.elements[1] as { elements: JsonObject[] };
    expect(inserted.elements[1]).toEqual({ type: "dropdown", name: "pick", choicesFromQuestion: "inner_2", visibleIf: "{inner_2} anyof ['x'] and {panel.q} = 1" });
    expect(result.dangling).toEqual([]);
  });

  it("inserts after a question inside a panel, and into a draft that has no page yet", () => {
    const inside = ok(insertQuestion(draft(), { type: "text", name: "n" }, { after: "INNER" }));
    const pages = inside.json.pages as { elements: { elements: JsonObject[] }[] }[];
    expect(pages[1]?.elements[0]?.elements.map((e) => e.name)).toEqual(["inner", "n"]);
    const empty = ok(insertQuestion({ title: "新问卷" }, { type: "text", name: "n" }));
    expect(empty.json).toEqual({ title: "新问卷", pages: [{ name: "page1", elements: [{ type: "text", name: "n" }] }] });
  });

  it("knows calculated values and shared value names as no dangling names", () => {
    const target = { calculatedValues: [{ name: "total", expression: "1" }], elements: [{ type: "text", name: "a", valueName: "shared" }] };
    const result = ok(insertQuestion(target, { type: "text", name: "b", visibleIf: "{total} > 1 and {shared} notempty and {gone} = 1" }));
    expect(result.dangling).toEqual(["gone"]);
  });

  it("refuses an unknown page or question to insert after, and an element without a type or name, leaving the draft alone", () => {
    const before = draft();
    const noPage = insertQuestion(before, { type: "text", name: "n" }, { page: "nope" });
    expect(noPage).toMatchObject({ ok: false, problems: [{ question: "page", code: "unknown_page", message: "The questionnaire has no page named 'nope'." }] });
    const noAfter = insertQuestion(before, { type: "text", name: "n" }, { page: "p2", after: "level" });
    expect(noAfter).toMatchObject({ ok: false, problems: [{ question: "after", code: "unknown_element" }] });
    for (const bad of [null, [], { type: "text" }, { name: "x" }, { type: "text", name: " " }]) {
      expect(insertQuestion(before, bad)).toMatchObject({ ok: false, problems: [{ question: "element", code: "not_an_element" }] });
    }
    expect(before).toEqual(draft());
  });

  it("handles names that are properties of every object", () => {
    const target = { elements: [{ type: "text", name: "toString" }] };
    const result = ok(insertQuestion(target, { type: "text", name: "toString", visibleIf: "{toString} notempty and {__proto__} empty" }));
    expect(result.name).toBe("toString_2");
    expect(result.dangling).toEqual(["__proto__"]);
  });
});
