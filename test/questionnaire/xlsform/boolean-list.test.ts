// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes question references as ${name}, in plain strings.
/** A boolean as a select_one of its own true/false list, and back only when both marks are there. */
import { describe, expect, it } from "vitest";
import { fromXlsForm } from "../../../src/questionnaire/xlsform/from-xlsform.js";
import { bookOf } from "./book-of.js";
import { roundTripOf } from "./round-trip-of.js";

describe("a boolean through the sheets", () => {
  const trip = roundTripOf({
    pages: [
      {
        name: "page1",
        elements: [
          {
            type: "boolean",
            name: "has_secretary",
            title: "是否配备专职党务工作者",
            labelTrue: { default: "是", en: "Yes" },
            labelFalse: { default: "否", en: "No" },
            isRequired: true,
          },
          { type: "text", name: "secretary", visibleIf: "{has_secretary} = true" },
          { type: "text", name: "why_not", visibleIf: "{has_secretary} != false and {has_secretary} notempty" },
          { type: "boolean", name: "stored_as_words", valueTrue: "yes", valueFalse: "no" },
          { type: "boolean", name: "taken" },
          { type: "radiogroup", name: "boolean_taken", choices: ["a", "b"] },
        ],
      },
    ],
  });

  it("is a select_one of a list of its own, labelled by labelTrue and labelFalse", () => {
    expect(trip.row("has_secretary")).toMatchObject({ type: "select_one boolean_has_secretary", required: "yes" });
    expect(
      trip
        .sheet("choices")
        .rows.map((r) => r.cells)
        .filter((c) => c[0] === "boolean_has_secretary"),
    ).toEqual([
      ["boolean_has_secretary", "true", "是", "", "Yes"],
      ["boolean_has_secretary", "false", "否", "", "No"],
    ]);
    // In ODK the answer is the text 'true' or 'false'.
    expect(trip.row("secretary").relevant).toBe("${has_secretary} = 'true'");
    expect(trip.row("why_not").relevant).toBe("${has_secretary} != 'false' and ${has_secretary} != ''");
  });

  it("reads back as the boolean it was; one storing other values is a note, whole", () => {
    const elements = (trip.json.pages as { elements: unknown[] }[])[0]!.elements;
    expect(elements.slice(0, 2)).toEqual([
      {
        type: "boolean",
        name: "has_secretary",
        title: "是否配备专职党务工作者",
        labelTrue: { default: "是", en: "Yes" },
        labelFalse: { default: "否", en: "No" },
        isRequired: true,
      },
      { type: "text", name: "secretary", visibleIf: "{has_secretary} = true" },
    ]);
    expect(trip.notes.map((n) => [n.question, n.property])).toEqual([
      ["stored_as_words", "(question)"],
      ["taken", "(question)"],
    ]);
  });

  it("refuses and accepts the same answers before and after", () => {
    for (const data of [{ has_secretary: true, secretary: "张三" }, { has_secretary: false, secretary: "张三" }, { has_secretary: "true" }, {}]) {
      const [before, after] = trip.verdicts(data);
      expect(after).toEqual(before);
    }
    expect(trip.verdicts({ has_secretary: "true" })[1]).not.toEqual([]);
    expect(trip.verdicts({ has_secretary: true })[1]).toEqual([]);
  });
});

describe("a true/false list of an outside form", () => {
  const read = (type: string, name: string) =>
    fromXlsForm(
      bookOf({
        survey: [
          ["type", "name"],
          [type, name],
        ],
        choices: [
          ["list_name", "name", "label"],
          ["boolean_b", "true", "Yes"],
          ["boolean_b", "false", "No"],
          ["yes_no", "true", "Yes"],
          ["yes_no", "false", "No"],
        ],
      }),
    );
  const typeOf = (result: ReturnType<typeof read>) => result.ok && (result.json.pages as { elements: { type: string }[] }[])[0]!.elements[0]!.type;

  it("is a boolean only under its own question's boolean_ name", () => {
    expect(typeOf(read("select_one boolean_b", "b"))).toBe("boolean");
    expect(typeOf(read("select_one yes_no", "b"))).toBe("radiogroup");
    expect(typeOf(read("select_one boolean_b", "c"))).toBe("radiogroup");
    expect(typeOf(read("select_one boolean_b or_other", "b"))).toBe("radiogroup");
  });
});
