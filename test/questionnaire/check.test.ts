import { describe, expect, it } from "vitest";
import kitchenSink from "../fixtures/kitchen-sink.json" with { type: "json" };
import { checkQuestionnaire, listQuestions } from "../../src/questionnaire/check.js";

/** A one-page questionnaire holding the given elements. */
const page = (...elements: unknown[]) => ({ pages: [{ name: "p1", elements }] });

/** The single problem reported, as `[question, code]`. */
function only(json: unknown): [string, string] {
  const problems = checkQuestionnaire(json);
  expect(problems, JSON.stringify(problems)).toHaveLength(1);
  return [problems[0].question, problems[0].code];
}

describe("checkQuestionnaire: accepted questionnaires", () => {
  it("accepts the kitchen sink, which uses every supported type", () => {
    expect(checkQuestionnaire(kitchenSink)).toEqual([]);
  });

  it("accepts root-level elements and the older `questions` spelling", () => {
    expect(checkQuestionnaire({ elements: [{ type: "text", name: "q1" }] })).toEqual([]);
    expect(checkQuestionnaire({ pages: [{ questions: [{ type: "text", name: "q1" }] }] })).toEqual([]);
  });

  it("lets the same name be used in different data scopes", () => {
    const json = page(
      { type: "text", name: "name" },
      { type: "paneldynamic", name: "members", templateElements: [{ type: "text", name: "name" }] },
      { type: "matrixdynamic", name: "rows", columns: [{ name: "name" }] },
      { type: "multipletext", name: "contact", items: [{ name: "name" }] },
    );
    expect(checkQuestionnaire(json)).toEqual([]);
  });

  it("lets questions share a valueName on purpose", () => {
    expect(checkQuestionnaire(page({ type: "text", name: "a", valueName: "x" }, { type: "comment", name: "b", valueName: "x" }))).toEqual([]);
  });
});

describe("checkQuestionnaire: structure", () => {
  it.each([null, [], "survey", 42])("rejects %j as not an object", (json) => {
    expect(only(json)).toEqual(["(questionnaire)", "not_an_object"]);
  });

  it("rejects a questionnaire without elements", () => {
    expect(only({})).toEqual(["(questionnaire)", "no_elements"]);
    expect(only({ pages: [] })).toEqual(["(questionnaire)", "no_elements"]);
    expect(only({ pages: [{ name: "p1" }] })).toEqual(["(questionnaire)", "no_elements"]);
  });

  it("says where a page or element is not an object", () => {
    expect(only({ pages: "p1" })).toEqual(["pages", "bad_property"]);
    expect(checkQuestionnaire({ pages: [7, { elements: [{ type: "text", name: "a" }] }] })[0]).toMatchObject({ question: "pages[0]", code: "not_an_object" });
    expect(only(page({ type: "text", name: "a" }, "b"))).toEqual(["pages[0].elements[1]", "not_an_object"]);
    expect(only({ pages: [{ elements: { type: "text" } }] })).toEqual(["pages[0].elements", "bad_property"]);
  });

  it("rejects an unknown clearInvisibleValues", () => {
    expect(only({ ...page({ type: "text", name: "a" }), clearInvisibleValues: "sometimes" })).toEqual(["clearInvisibleValues", "bad_property"]);
  });
});

describe("checkQuestionnaire: types and names", () => {
  it("rejects a type survey-core does not know, naming the place", () => {
    const problems = checkQuestionnaire(page({ type: "text", name: "q1" }, { type: "foo", name: "q2" }));
    expect(problems).toEqual([{ question: "pages[0].elements[1] (q2)", code: "unknown_type", message: 'Unknown question type "foo".' }]);
  });

  it.each(["file", "signaturepad", "slider", "buttongroup", "imagemap"])("rejects %s, known to survey-core but not supported", (type) => {
    expect(only(page({ type, name: "q" }))).toEqual(["pages[0].elements[0] (q)", "unsupported_type"]);
  });

  it("rejects an element without a type", () => {
    expect(only(page({ name: "q" }))).toEqual(["pages[0].elements[0] (q)", "missing_type"]);
  });

  it("checks types inside panels and dynamic panels", () => {
    expect(only(page({ type: "panel", name: "p", elements: [{ type: "file", name: "f" }] }))).toEqual(["pages[0].elements[0].elements[0] (f)", "unsupported_type"]);
    expect(only(page({ type: "paneldynamic", name: "pd", templateElements: [{ type: "nope", name: "x" }] }))).toEqual([
      "pages[0].elements[0].templateElements[0] (x)",
      "unknown_type",
    ]);
  });

  it("requires a name on every question", () => {
    expect(only(page({ type: "text" }))).toEqual(["pages[0].elements[0]", "missing_name"]);
    expect(only(page({ type: "html", name: " " }))).toEqual(["pages[0].elements[0] ( )", "missing_name"]);
  });

  it("rejects names that would corrupt an object", () => {
    expect(only(page({ type: "text", name: "__proto__" }))).toEqual(["pages[0].elements[0] (__proto__)", "bad_name"]);
    expect(only(page({ type: "text", name: "a", valueName: "" }))).toEqual(["pages[0].elements[0] (a)", "bad_name"]);
  });

  it("rejects duplicate names in one scope, across pages and panels, saying where the first one is", () => {
    const json = {
      pages: [{ elements: [{ type: "text", name: "age" }] }, { elements: [{ type: "panel", name: "p", elements: [{ type: "text", name: "age" }] }] }],
    };
    const problems = checkQuestionnaire(json);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ question: "pages[1].elements[0].elements[0] (age)", code: "duplicate_name" });
    expect(problems[0].message).toContain("pages[0].elements[0] (age)");
  });

  it("rejects duplicates inside a dynamic panel, a matrix row and multiple text items", () => {
    expect(
      only(
        page({
          type: "paneldynamic",
          name: "pd",
          templateElements: [
            { type: "text", name: "a" },
            { type: "text", name: "a" },
          ],
        }),
      )[1],
    ).toBe("duplicate_name");
    expect(only(page({ type: "matrixdynamic", name: "m", columns: [{ name: "c" }, { name: "c" }] }))).toEqual(["pages[0].elements[0] (m).columns[1] (c)", "duplicate_name"]);
    expect(
      only(page({ type: "matrixdropdown", name: "m", rows: ["r"], columns: [{ name: "c" }], detailPanelMode: "underRow", detailElements: [{ type: "text", name: "c" }] }))[1],
    ).toBe("duplicate_name");
    expect(only(page({ type: "multipletext", name: "mt", items: [{ name: "x" }, { name: "x" }] }))[1]).toBe("duplicate_name");
  });

  it("requires names on columns and items", () => {
    expect(only(page({ type: "matrixdynamic", name: "m", columns: [{ title: "c" }] }))).toEqual(["pages[0].elements[0] (m).columns[0]", "missing_name"]);
    expect(only(page({ type: "multipletext", name: "mt", items: ["x"] }))).toEqual(["pages[0].elements[0] (mt).items[0]", "not_an_object"]);
  });
});

describe("checkQuestionnaire: choices and other item lists", () => {
  it("rejects choices without a value, saying which one", () => {
    const json = page({ type: "radiogroup", name: "q", choices: ["a", { text: "无值" }] });
    expect(only(json)).toEqual(["pages[0].elements[0] (q).choices[1]", "choice_without_value"]);
  });

  it.each([null, "", { value: null }, { value: {} }, [1]])("rejects the choice %j", (choice) => {
    expect(only(page({ type: "checkbox", name: "q", choices: ["a", choice] }))[1]).toBe("choice_without_value");
  });

  it("accepts numbers, booleans and objects with values as choices", () => {
    expect(checkQuestionnaire(page({ type: "dropdown", name: "q", choices: [1, true, { value: "x", text: { default: "甲", en: "A" } }] }))).toEqual([]);
  });

  it("rejects two choices with one value", () => {
    expect(only(page({ type: "dropdown", name: "q", choices: ["a", { value: "a", text: "又一个" }] }))).toEqual(["pages[0].elements[0] (q).choices[1]", "duplicate_choice"]);
  });

  it("rejects choices that carry their own comment area or elements", () => {
    expect(only(page({ type: "checkbox", name: "q", choices: [{ value: 1, showCommentArea: true }] }))[1]).toBe("unsupported_feature");
  });

  it("checks rating values, matrix rows and columns, and column choices", () => {
    expect(only(page({ type: "rating", name: "r", rateValues: [1, 1] }))[1]).toBe("duplicate_choice");
    expect(only(page({ type: "matrix", name: "m", rows: [{ text: "r" }], columns: [1] }))).toEqual(["pages[0].elements[0] (m).rows[0]", "choice_without_value"]);
    expect(only(page({ type: "matrix", name: "m", rows: ["r"], columns: [1, 1] }))[1]).toBe("duplicate_choice");
    expect(only(page({ type: "matrixdropdown", name: "m", rows: ["r", "r"], columns: [{ name: "c" }] }))[1]).toBe("duplicate_choice");
    expect(only(page({ type: "matrixdynamic", name: "m", columns: [{ name: "c", cellType: "dropdown", choices: [{}] }] }))).toEqual([
      "pages[0].elements[0] (m).columns[0] (c).choices[0]",
      "choice_without_value",
    ]);
    expect(only(page({ type: "matrixdynamic", name: "m", choices: "abc", columns: [{ name: "c" }] }))[1]).toBe("bad_property");
  });

  it("rejects unsupported matrix cell types and transposed data", () => {
    expect(only(page({ type: "matrixdynamic", name: "m", columns: [{ name: "c", cellType: "slider" }] }))[1]).toBe("unsupported_type");
    expect(only(page({ type: "matrixdynamic", name: "m", cellType: "file", columns: [{ name: "c" }] }))[1]).toBe("unsupported_type");
    expect(only(page({ type: "matrixdropdown", name: "m", rows: ["r"], transposeData: true, columns: [{ name: "c" }] }))[1]).toBe("unsupported_feature");
  });

  it("refuses choices loaded from a URL, on questions and on matrix columns", () => {
    expect(only(page({ type: "dropdown", name: "q", choicesByUrl: { url: "https://example.cn/regions" } }))).toEqual(["pages[0].elements[0] (q).choicesByUrl", "choices_by_url"]);
    expect(only(page({ type: "matrixdynamic", name: "m", columns: [{ name: "c", cellType: "dropdown", choicesByUrl: { url: "/x" } }] }))).toEqual([
      "pages[0].elements[0] (m).columns[0] (c).choicesByUrl",
      "choices_by_url",
    ]);
  });

  it("rejects choicesFromQuestion naming no question", () => {
    expect(only(page({ type: "dropdown", name: "q", choicesFromQuestion: "nowhere" }))).toEqual(["pages[0].elements[0] (q).choicesFromQuestion", "unknown_source_question"]);
  });
});

describe("checkQuestionnaire: validators and expressions", () => {
  const withValidator = (validator: unknown) => page({ type: "text", name: "q", validators: [validator] });

  it.each([
    ["an unknown type", { type: "phone" }],
    ["no type", { regex: "x" }],
    ["a regex that does not compile", { type: "regex", regex: "(" }],
    ["a regex validator without regex", { type: "regex" }],
    ["an expression validator without expression", { type: "expression" }],
    ["a non-numeric bound", { type: "numeric", minValue: "1" }],
    ["not an object", "email"],
  ])("rejects a validator with %s", (_, validator) => {
    expect(only(withValidator(validator))).toEqual(["pages[0].elements[0] (q).validators[0]", "bad_validator"]);
  });

  it("accepts survey-core's validator types, with or without the suffix", () => {
    const validators = [
      { type: "numeric", minValue: 0 },
      { type: "text", maxLength: 5 },
      { type: "email" },
      { type: "regex", regex: "^1\\d{10}$" },
      { type: "expression", expression: "{q} > 1" },
      { type: "answercount", maxCount: 2 },
      { type: "emailvalidator" },
    ];
    expect(checkQuestionnaire(page({ type: "text", name: "q", validators }))).toEqual([]);
  });

  it("rejects validators that are not an array", () => {
    expect(only(page({ type: "text", name: "q", validators: { type: "email" } }))).toEqual(["pages[0].elements[0] (q).validators", "bad_validator"]);
  });

  it("rejects conditions and expressions that do not parse, wherever they are", () => {
    expect(only(page({ type: "text", name: "q", visibleIf: "{a} = " }))).toEqual(["pages[0].elements[0] (q).visibleIf", "bad_expression"]);
    expect(only(page({ type: "expression", name: "e", expression: "{a} +" }))).toEqual(["pages[0].elements[0] (e).expression", "bad_expression"]);
    expect(only(page({ type: "text", name: "q", requiredIf: 5 }))[1]).toBe("bad_expression");
    expect(only(page({ type: "text", name: "q", validators: [{ type: "expression", expression: "{q} >" }] }))[1]).toBe("bad_expression");
    expect(only(page({ type: "matrixdynamic", name: "m", columns: [{ name: "c", visibleIf: "{row.x} =" }] }))[1]).toBe("bad_expression");
    expect(only({ ...page({ type: "text", name: "q" }), calculatedValues: [{ name: "c", expression: "((" }] })).toEqual(["calculatedValues[0] (c).expression", "bad_expression"]);
    expect(only({ pages: [{ visibleIf: "{", elements: [{ type: "text", name: "q" }] }] })).toEqual(["pages[0].visibleIf", "bad_expression"]);
  });
});

describe("listQuestions", () => {
  it("lists the kitchen sink's data keys in page order, without html and image", () => {
    const keys = listQuestions(kitchenSink).map((q) => q.key);
    expect(keys).toEqual([
      "org_name",
      "org_level",
      "org_type",
      "member_count",
      "founded",
      "contact_email",
      "contact_phone",
      "has_full_time_secretary",
      "secretary_name",
      "village_kind",
      "households",
      "activities",
      "main_activity",
      "meetings_per_year",
      "satisfaction",
      "improvement",
      "study_topics",
      "priorities",
      "evaluation",
      "difficulties",
      "members",
      "trainings",
      "funding",
      "contact",
      "training_hours",
      "position_style",
      "willing_follow_up",
    ]);
  });

  it("gives name, key (valueName), type and the raw title", () => {
    const title = { default: "年龄", en: "Age" };
    expect(listQuestions({ elements: [{ type: "text", name: "age", valueName: "age_years", title }] })).toEqual([{ name: "age", key: "age_years", type: "text", title }]);
  });

  it("lists a shared valueName once and does not look inside dynamic panels", () => {
    const json = page(
      { type: "text", name: "a", valueName: "x" },
      { type: "comment", name: "b", valueName: "x" },
      { type: "paneldynamic", name: "pd", templateElements: [{ type: "text", name: "inner" }] },
    );
    expect(listQuestions(json).map((q) => [q.name, q.key])).toEqual([
      ["a", "x"],
      ["pd", "pd"],
    ]);
  });

  it("returns nothing for something that is not a questionnaire", () => {
    expect(listQuestions([] as unknown as object)).toEqual([]);
  });
});
