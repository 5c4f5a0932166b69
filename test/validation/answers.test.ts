import { describe, expect, it } from "vitest";
import kitchenSink from "../fixtures/kitchen-sink.json" with { type: "json" };
import { createAnswerChecker, type CheckResult } from "../../src/validation/answers.js";

type Json = Record<string, unknown>;

/** A checker for a one-page questionnaire with these elements (and survey-level settings). */
function checkerFor(elements: Json[], survey: Json = {}) {
  return createAnswerChecker({ ...survey, pages: [{ name: "p1", elements }] });
}

/** Checks a complete response and expects it accepted; returns what would be stored. */
function accepted(result: CheckResult): Json {
  if (!result.ok) throw new Error(`expected acceptance, got ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** Expects exactly one error, on `question` with `code`; returns its message. */
function rejected(result: CheckResult, question: string, code: string): string {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) return "";
  expect(result.errors.map((e) => [e.question, e.code])).toEqual([[question, code]]);
  return result.errors[0].message;
}

const complete = { complete: true };
const partial = { complete: false };

describe("the answer set as a whole", () => {
  const check = checkerFor([
    { type: "text", name: "q" },
    { type: "html", name: "note", html: "<p>说明</p>" },
    { type: "image", name: "pic" },
  ]);

  it.each([null, undefined, [], "q=1", 5, true])("rejects %j, which is not an object", (data) => {
    expect(rejected(check(data, complete), "(data)", "not_an_object")).toMatch(/JSON object/);
  });

  it("rejects question names the questionnaire does not have", () => {
    expect(rejected(check({ q: "a", q2: "b" }, complete), "q2", "unknown_question")).toBe('Unknown question "q2".');
  });

  it("treats prototype names as unknown keys without touching any prototype", () => {
    const data = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 1, "toString": "x"}') as unknown;
    const result = check(data, complete);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => [e.question, e.code])).toEqual([
        ["__proto__", "unknown_question"],
        ["constructor", "unknown_question"],
        ["toString", "unknown_question"],
      ]);
    expect(({} as Json).polluted).toBeUndefined();
  });

  it("rejects answers to html and image elements", () => {
    expect(rejected(check({ note: "x" }, complete), "note", "no_answer_expected")).toBe('Question "note" takes no answer.');
    rejected(check({ pic: 1 }, complete), "pic", "no_answer_expected");
  });

  it("drops null answers instead of storing them", () => {
    expect(accepted(check({ q: null }, complete))).toEqual({});
  });

  it("never changes the object it was given", () => {
    const data = { q: "a" };
    accepted(check(data, complete));
    expect(data).toEqual({ q: "a" });
  });

  it("returns English messages and one error per question, in questionnaire order", () => {
    const twoWrong = checkerFor([
      { type: "text", name: "a", isRequired: true },
      { type: "checkbox", name: "b", choices: [1], isRequired: true },
    ]);
    const result = twoWrong({ zz: 1, b: [2, 2] }, complete);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        { question: "a", code: "required", message: "Response required." },
        { question: "b", code: "not_a_choice", message: "b[0]: 2 is not one of the choices." },
        { question: "zz", code: "unknown_question", message: 'Unknown question "zz".' },
      ]);
    }
  });

  it("refuses to build a checker for a questionnaire that fails checkQuestionnaire", () => {
    expect(() => createAnswerChecker({ elements: [{ type: "file", name: "f" }] })).toThrow(TypeError);
  });
});

describe("text and comment", () => {
  const check = checkerFor(
    [
      { type: "text", name: "name", maxLength: 4 },
      { type: "text", name: "n", inputType: "number", min: 1, max: 10 },
      { type: "text", name: "d", inputType: "date", min: "2000-01-01" },
      { type: "text", name: "mail", inputType: "email" },
      { type: "text", name: "t", inputType: "time" },
      { type: "comment", name: "c", maxLength: 6 },
    ],
    { maxTextLength: 100 },
  );

  it("accepts what the inputs produce", () => {
    const data = { name: "张三", n: 7, d: "2024-02-29", mail: "a@example.cn", t: "09:30", c: "很好" };
    expect(accepted(check(data, complete))).toEqual(data);
  });

  it("wants strings from text and comment inputs", () => {
    rejected(check({ name: 5 }, complete), "name", "wrong_type");
    expect(rejected(check({ c: ["a"] }, complete), "c", "wrong_type")).toBe("Expected a string, got an array.");
  });

  it("enforces maxLength, which survey-core leaves to the browser", () => {
    expect(rejected(check({ name: "一二三四五" }, complete), "name", "too_long")).toBe("At most 4 characters are allowed, got 5.");
    rejected(check({ c: "1234567" }, complete), "c", "too_long");
  });

  it("wants a finite number from number inputs, not a numeric string", () => {
    expect(rejected(check({ n: "5" }, complete), "n", "wrong_type")).toBe("Expected a number, got a string.");
    rejected(check({ n: "NaN" }, complete), "n", "wrong_type");
  });

  it("passes on survey-core's min/max check", () => {
    expect(rejected(check({ n: 11 }, complete), "n", "invalid")).toMatch(/10/);
    rejected(check({ d: "1999-12-31" }, complete), "d", "invalid");
  });

  it.each(["2023-02-29", "2024-13-01", "2024-1-1", "2024-01-01T00:00", "二〇二四年"])("rejects the date %s", (d) => {
    rejected(check({ d }, complete), "d", "bad_date");
  });

  it("passes on survey-core's e-mail check", () => {
    rejected(check({ mail: "not-an-email" }, complete), "mail", "invalid");
    rejected(check({ mail: 1 }, complete), "mail", "wrong_type");
  });

  it("expects what input masks store: numbers from numeric masks, strings otherwise", () => {
    const masked = checkerFor([
      { type: "text", name: "num", maskType: "numeric" },
      { type: "text", name: "pat", maskType: "pattern", maskSettings: { pattern: "999-9999" } },
      { type: "text", name: "saved", maskType: "numeric", maskSettings: { saveMaskedValue: true } },
    ]);
    accepted(masked({ num: 1234.5, pat: "1234567", saved: "1,234" }, complete));
    rejected(masked({ num: "1,234.5" }, complete), "num", "wrong_type");
    rejected(masked({ saved: 1234 }, complete), "saved", "wrong_type");
  });

  it("honours the survey's maxTextLength", () => {
    const short = checkerFor([{ type: "text", name: "a" }], { maxTextLength: 3 });
    rejected(short({ a: "abcd" }, complete), "a", "too_long");
  });
});

describe("radiogroup and dropdown", () => {
  const check = checkerFor([
    { type: "radiogroup", name: "r", choices: [1, 2, 3] },
    { type: "radiogroup", name: "o", choices: ["a", "b"], showOtherItem: true },
    { type: "dropdown", name: "s", choices: ["a"], showNoneItem: true, showRefuseItem: true, showDontKnowItem: true },
    { type: "dropdown", name: "gen", choicesMin: 1, choicesMax: 9, choicesStep: 2 },
    { type: "dropdown", name: "free", choices: ["a"], allowCustomChoices: true },
    // Choices known only at run time (a URL's are refused at publication; a dynamic matrix's rows are data).
    { type: "matrixdynamic", name: "regions", columns: [{ name: "code", cellType: "text" }] },
    { type: "dropdown", name: "url", choicesFromQuestion: "regions", choiceValuesFromQuestion: "code" },
    { type: "radiogroup", name: "note", choices: ["a"], showCommentArea: true },
  ]);

  it("accepts choice values with their JSON type", () => {
    accepted(check({ r: 2, o: "a", s: "a" }, complete));
    expect(rejected(check({ r: "2" }, complete), "r", "not_a_choice")).toBe('"2" is not one of the choices.');
    rejected(check({ r: 4 }, complete), "r", "not_a_choice");
    rejected(check({ r: [1] }, complete), "r", "wrong_type");
  });

  it("accepts other with its text under <key>-Comment, and only then", () => {
    expect(accepted(check({ o: "other", "o-Comment": "其他情况" }, complete))).toEqual({ o: "other", "o-Comment": "其他情况" });
    rejected(check({ r: 1, "r-Comment": "x" }, complete), "r-Comment", "unknown_question");
    rejected(check({ o: "c" }, complete), "o", "not_a_choice");
    rejected(check({ o: "a", "o-Comment": 5 }, complete), "o-Comment", "wrong_type");
  });

  it("wants the other text when complete, not when saved unfinished", () => {
    rejected(check({ o: "other" }, complete), "o", "other_text_required");
    accepted(check({ o: "other" }, partial));
  });

  it("accepts the other text in the value when storeOthersAsComment is off", () => {
    const inValue = checkerFor([{ type: "radiogroup", name: "o", choices: ["a"], showOtherItem: true, storeOthersAsComment: false }]);
    accepted(inValue({ o: "自己写的" }, complete));
    rejected(inValue({ o: "a", "o-Comment": "x" }, complete), "o-Comment", "unknown_question");
    rejected(inValue({ o: 3 }, complete), "o", "not_a_choice");
  });

  it("accepts none, refuse and don't know only where they are switched on", () => {
    for (const s of ["none", "refused", "dontknow"]) accepted(check({ s }, complete));
    rejected(check({ r: "none" }, complete), "r", "not_a_choice");
  });

  it("accepts the choices a dropdown generates from choicesMin/Max", () => {
    accepted(check({ gen: 5 }, complete));
    rejected(check({ gen: 4 }, complete), "gen", "not_a_choice");
  });

  it("accepts respondents' own choices with allowCustomChoices, and any scalar from choices known only at run time", () => {
    accepted(check({ free: "我自己的选项", url: 310000 }, complete));
    rejected(check({ url: { code: 1 } }, complete), "url", "wrong_type");
  });

  it("allows a comment area's text under <key>-Comment", () => {
    accepted(check({ note: "a", "note-Comment": "补充" }, complete));
  });

  it("accepts the values of the question choices are carried forward from, and only those", () => {
    const carry = checkerFor([
      { type: "checkbox", name: "src", choices: ["x", "y", "z"], showOtherItem: true },
      { type: "dropdown", name: "best", choicesFromQuestion: "src", choicesFromQuestionMode: "selected" },
    ]);
    expect(accepted(carry({ src: ["x", "y"], best: "y" }, complete))).toEqual({ src: ["x", "y"], best: "y" });
    // A reused model must not judge by the previous answer's choices.
    expect(accepted(carry({ src: ["z"], best: "z" }, complete))).toEqual({ src: ["z"], best: "z" });
    rejected(carry({ src: ["x"], best: "w" }, complete), "best", "not_a_choice");
    // The source's "other" answer becomes a choice valued like its other item.
    accepted(carry({ src: ["x", "other"], "src-Comment": "读书班", best: "other" }, complete));
  });
});

describe("checkbox and tagbox", () => {
  const check = checkerFor([
    { type: "checkbox", name: "c", choices: [1, 2, 3, 4], showOtherItem: true, showNoneItem: true, maxSelectedChoices: 3 },
    { type: "tagbox", name: "t", choices: ["a", "b", "c"], maxSelectedChoices: 2 },
    { type: "checkbox", name: "wrapped", choices: ["a", "b"], valuePropertyName: "item" },
    { type: "checkbox", name: "limits", choices: [1, 2, 3], validators: [{ type: "answercount", maxCount: 1 }] },
  ]);

  it("accepts an array of distinct choices", () => {
    accepted(check({ c: [1, 4], t: ["b"] }, complete));
  });

  it("rejects a string where the array belongs", () => {
    expect(rejected(check({ c: "1" }, complete), "c", "wrong_type")).toBe("Expected an array of choice values, got a string.");
    rejected(check({ t: "a" }, complete), "t", "wrong_type");
  });

  it("rejects values outside the choices, repeats, and non-scalars", () => {
    expect(rejected(check({ c: [1, 9] }, complete), "c", "not_a_choice")).toBe("c[1]: 9 is not one of the choices.");
    rejected(check({ c: [2, 2] }, complete), "c", "duplicate_choice");
    rejected(check({ c: [[1]] }, complete), "c", "wrong_type");
  });

  it("rejects more choices than maxSelectedChoices", () => {
    expect(rejected(check({ c: [1, 2, 3, 4] }, complete), "c", "too_many_choices")).toBe("At most 3 choices may be selected, got 4.");
    rejected(check({ t: ["a", "b", "c"] }, complete), "t", "too_many_choices");
  });

  it("passes on minSelectedChoices when complete, not for a saved unfinished response", () => {
    // survey-core checks minSelectedChoices even on an unanswered, optional question.
    const atLeastTwo = checkerFor([{ type: "checkbox", name: "min", choices: ["a", "b", "c"], minSelectedChoices: 2 }]);
    rejected(atLeastTwo({ min: ["a"] }, complete), "min", "invalid");
    rejected(atLeastTwo({}, complete), "min", "invalid");
    accepted(atLeastTwo({ min: ["a"] }, partial));
    accepted(atLeastTwo({ min: ["a", "c"] }, complete));
  });

  it("keeps none exclusive", () => {
    accepted(check({ c: ["none"] }, complete));
    rejected(check({ c: ["none", 1] }, complete), "c", "exclusive_choice");
  });

  it("accepts other with its text", () => {
    accepted(check({ c: [1, "other"], "c-Comment": "其他" }, complete));
    rejected(check({ c: [1, "other"] }, complete), "c", "other_text_required");
  });

  it("unwraps valuePropertyName objects", () => {
    accepted(check({ wrapped: [{ item: "a" }] }, complete));
    rejected(check({ wrapped: ["a"] }, complete), "wrapped", "wrong_type");
    rejected(check({ wrapped: [{ item: "z" }] }, complete), "wrapped", "not_a_choice");
  });

  it("passes on survey-core's answer-count validator", () => {
    rejected(check({ limits: [1, 2] }, complete), "limits", "invalid");
  });
});

describe("ranking", () => {
  const check = checkerFor([
    { type: "ranking", name: "all", choices: ["a", "b", "c"] },
    { type: "ranking", name: "some", choices: ["a", "b", "c"], selectToRankEnabled: true },
  ]);

  it("wants every choice ranked once", () => {
    accepted(check({ all: ["c", "a", "b"] }, complete));
    expect(rejected(check({ all: ["c", "a"] }, complete), "all", "incomplete_ranking")).toMatch(/missing "b"/);
    rejected(check({ all: ["a", "a", "b"] }, complete), "all", "duplicate_choice");
    rejected(check({ all: "a,b,c" }, complete), "all", "wrong_type");
  });

  it("accepts a subset when respondents choose what to rank", () => {
    accepted(check({ some: ["b"] }, complete));
    rejected(check({ some: ["d"] }, complete), "some", "not_a_choice");
  });
});

describe("boolean, rating and imagepicker", () => {
  const check = checkerFor([
    { type: "boolean", name: "b" },
    { type: "boolean", name: "yn", valueTrue: "是", valueFalse: "否" },
    { type: "rating", name: "r" },
    { type: "rating", name: "r10", rateMin: 0, rateMax: 10, rateStep: 5 },
    {
      type: "rating",
      name: "words",
      rateValues: [
        { value: "low", text: "低" },
        { value: "high", text: "高" },
      ],
    },
    { type: "imagepicker", name: "one", choices: [{ value: "x", imageLink: "/x.png" }] },
    {
      type: "imagepicker",
      name: "many",
      multiSelect: true,
      choices: [
        { value: "x", imageLink: "/x.png" },
        { value: "y", imageLink: "/y.png" },
      ],
    },
  ]);

  it("wants true/false, or valueTrue/valueFalse when set", () => {
    accepted(check({ b: false, yn: "是" }, complete));
    rejected(check({ b: "true" }, complete), "b", "not_a_choice");
    rejected(check({ yn: true }, complete), "yn", "not_a_choice");
  });

  it("wants a value of the rating scale", () => {
    accepted(check({ r: 5, r10: 10, words: "high" }, complete));
    rejected(check({ r: 6 }, complete), "r", "not_a_choice");
    rejected(check({ r: "3" }, complete), "r", "not_a_choice");
    rejected(check({ r10: 3 }, complete), "r10", "not_a_choice");
    rejected(check({ words: "mid" }, complete), "words", "not_a_choice");
  });

  it("wants one image, or an array when multiSelect", () => {
    accepted(check({ one: "x", many: ["x", "y"] }, complete));
    rejected(check({ one: ["x"] }, complete), "one", "wrong_type");
    rejected(check({ many: "x" }, complete), "many", "wrong_type");
  });
});

describe("matrix", () => {
  const check = checkerFor([{ type: "matrix", name: "m", rows: ["制度", "队伍"], columns: [1, 2, 3], eachRowRequired: true }]);
  const multi = checkerFor([{ type: "matrix", name: "multi", rows: ["r"], columns: ["a", "b", { value: "none", isExclusive: true }], cellType: "checkbox" }]);

  it("wants an object of rows holding column values", () => {
    accepted(check({ m: { 制度: 1, 队伍: 3 } }, complete));
    expect(rejected(check({ m: { 制度: 1, 作风: 2 } }, complete), "m", "unknown_row")).toBe('m.作风: Unknown row "作风".');
    expect(rejected(check({ m: { 制度: 4 } }, complete), "m", "not_a_choice")).toBe("m.制度: 4 is not one of the columns.");
    rejected(check({ m: [1, 2] }, complete), "m", "wrong_type");
  });

  it("passes on eachRowRequired when complete", () => {
    rejected(check({ m: { 制度: 1 } }, complete), "m", "required");
    accepted(check({ m: { 制度: 1 } }, partial));
  });

  it("wants arrays of columns when cells are checkboxes, exclusive columns alone", () => {
    accepted(multi({ multi: { r: ["a", "b"] } }, complete));
    rejected(multi({ multi: { r: "a" } }, complete), "multi", "wrong_type");
    rejected(multi({ multi: { r: ["a", "none"] } }, complete), "multi", "exclusive_choice");
  });
});

describe("matrixdropdown and matrixdynamic", () => {
  const check = checkerFor([
    {
      type: "matrixdropdown",
      name: "funding",
      rows: ["2023", "2024"],
      choices: ["财政", "自筹"],
      columns: [
        { name: "budget", cellType: "text", inputType: "number", totalType: "sum" },
        { name: "source" },
        { name: "kind", cellType: "radiogroup", choices: ["a", "b"], showOtherItem: true },
        { name: "ok", cellType: "boolean" },
      ],
    },
    {
      type: "matrixdynamic",
      name: "trainings",
      rowCount: 1,
      maxRowCount: 2,
      columns: [
        { name: "topic", cellType: "text", isRequired: true },
        { name: "hours", cellType: "text", inputType: "number" },
        { name: "double", cellType: "expression", expression: "{row.hours} * 2" },
      ],
    },
  ]);

  it("checks each cell by its column's cell type and choices", () => {
    accepted(check({ funding: { 2023: { budget: 5, source: "财政", kind: "a", ok: true } } }, complete));
    expect(rejected(check({ funding: { 2023: { budget: "5" } } }, complete), "funding", "wrong_type")).toBe("funding.2023.budget: Expected a number, got a string.");
    expect(rejected(check({ funding: { 2023: { source: "捐赠" } } }, complete), "funding", "not_a_choice")).toMatch(/^funding\.2023\.source: /);
    rejected(check({ funding: { 2025: { budget: 1 } } }, complete), "funding", "unknown_row");
    rejected(check({ funding: { 2023: { spent: 1 } } }, complete), "funding", "unknown_column");
    rejected(check({ funding: { 2023: [] } }, complete), "funding", "wrong_type");
  });

  it("takes a cell's other text as <column>-Comment inside the row", () => {
    accepted(check({ funding: { 2024: { kind: "other", "kind-Comment": "社会捐赠" } } }, complete));
    rejected(check({ funding: { 2024: { kind: "other" } } }, complete), "funding", "other_text_required");
  });

  it("recomputes the totals row and drops a client's copy", () => {
    const data = accepted(check({ funding: { 2023: { budget: 5 }, 2024: { budget: 7 } }, "funding-total": { budget: 999 } }, complete));
    expect(data["funding-total"]).toEqual({ budget: 12 });
  });

  it("stores the totals row of every submission, not only when the model sees rows change", () => {
    const totals = checkerFor([{ type: "matrixdynamic", name: "m", rowCount: 0, columns: [{ name: "h", cellType: "text", inputType: "number", totalType: "sum" }] }]);
    expect(accepted(totals({ m: [{ h: 1 }] }, complete))["m-total"]).toEqual({ h: 1 });
    expect(accepted(totals({ m: [{ h: 5 }, { h: 2 }] }, partial))["m-total"]).toEqual({ h: 7 });
    expect(accepted(totals({ m: [{ h: 3 }] }, partial))["m-total"]).toEqual({ h: 3 });
    expect(accepted(totals({}, partial))["m-total"]).toEqual({ h: 0 });
  });

  it("wants an array of row objects no longer than maxRowCount", () => {
    const data = accepted(check({ trainings: [{ topic: "党史", hours: 2 }] }, complete));
    expect(data.trainings).toEqual([{ topic: "党史", hours: 2, double: 4 }]);
    expect(rejected(check({ trainings: [{ topic: "a" }, { topic: "b" }, { topic: "c" }] }, complete), "trainings", "too_many_rows")).toBe("At most 2 rows are allowed, got 3.");
    rejected(check({ trainings: { topic: "a" } }, complete), "trainings", "wrong_type");
    rejected(check({ trainings: ["a"] }, complete), "trainings", "wrong_type");
  });

  it("reports a required cell with its row", () => {
    expect(rejected(check({ trainings: [{ topic: "a" }, { hours: 3 }] }, complete), "trainings", "required")).toBe("trainings[1].topic: Response required.");
  });

  it("accepts no rows at all: a respondent may delete the default row", () => {
    accepted(check({}, complete));
  });
});

describe("multipletext", () => {
  const check = checkerFor([
    {
      type: "multipletext",
      name: "contact",
      items: [
        { name: "name", isRequired: true },
        { name: "phone", validators: [{ type: "regex", regex: "^1\\d{10}$" }] },
        { name: "years", inputType: "number" },
      ],
    },
  ]);

  it("wants an object of known items, each by its input type", () => {
    accepted(check({ contact: { name: "李四", phone: "13800138000", years: 5 } }, complete));
    rejected(check({ contact: { nick: "x" } }, complete), "contact", "unknown_item");
    expect(rejected(check({ contact: { name: "a", years: "5" } }, complete), "contact", "wrong_type")).toBe("contact.years: Expected a number, got a string.");
    rejected(check({ contact: "李四" }, complete), "contact", "wrong_type");
  });

  it("passes on item validators and required items with the item's path", () => {
    expect(rejected(check({ contact: { name: "a", phone: "123" } }, complete), "contact", "invalid")).toMatch(/^contact\.phone: /);
    rejected(check({ contact: { phone: "13800138000" } }, complete), "contact", "required");
    accepted(check({ contact: { phone: "13800138000" } }, partial));
  });
});

describe("paneldynamic", () => {
  const check = checkerFor([
    {
      type: "paneldynamic",
      name: "members",
      maxPanelCount: 3,
      templateElements: [
        { type: "text", name: "name", isRequired: true },
        { type: "text", name: "age", inputType: "number", validators: [{ type: "numeric", minValue: 18 }] },
        { type: "boolean", name: "lead" },
        { type: "text", name: "since", inputType: "date", visibleIf: "{panel.lead} = true" },
        { type: "radiogroup", name: "sex", choices: ["男", "女"], showOtherItem: true },
      ],
    },
  ]);

  it("checks every panel against the template, with the panel's path", () => {
    accepted(
      check(
        {
          members: [
            { name: "a", age: 30 },
            { name: "b", sex: "other", "sex-Comment": "不便透露" },
          ],
        },
        complete,
      ),
    );
    expect(rejected(check({ members: [{ name: "a" }, { name: "b" }, { name: "c", age: "x" }] }, complete), "members", "wrong_type")).toBe(
      "members[2].age: Expected a number, got a string.",
    );
    rejected(check({ members: [{ name: "a", nickname: "x" }] }, complete), "members", "unknown_question");
    rejected(check({ members: { name: "a" } }, complete), "members", "wrong_type");
    rejected(check({ members: [{ name: "a" }, { name: "b" }, { name: "c" }, { name: "d" }] }, complete), "members", "too_many_panels");
  });

  it("passes on inner required questions and validators with the panel's path", () => {
    expect(rejected(check({ members: [{ name: "a" }, { age: 40 }] }, complete), "members", "required")).toBe("members[1].name: Response required.");
    expect(rejected(check({ members: [{ name: "a", age: 12 }] }, complete), "members", "invalid")).toMatch(/^members\[0\]\.age: /);
    accepted(check({ members: [{ age: 40 }] }, partial));
  });

  it("clears an inner answer hidden by its panel's condition on completion", () => {
    const data = accepted(check({ members: [{ name: "a", lead: false, since: "2020-01-01" }] }, complete));
    expect(data.members).toEqual([{ name: "a", lead: false }]);
  });

  it("accepts a panel whose inner dynamic matrix had its default row deleted", () => {
    const nested = checkerFor([
      {
        type: "paneldynamic",
        name: "p",
        templateElements: [
          { type: "text", name: "n" },
          { type: "matrixdynamic", name: "rows", rowCount: 1, columns: [{ name: "c", cellType: "text", isRequired: true }] },
        ],
      },
    ]);
    accepted(nested({ p: [{ n: "a" }] }, complete));
    rejected(nested({ p: [{ n: "a", rows: [{}] }] }, complete), "p", "required");
  });

  it("judges each submission on its own, whatever panels the previous one had", () => {
    const needsOne = checkerFor([{ type: "paneldynamic", name: "p", minPanelCount: 1, templateElements: [{ type: "text", name: "n", isRequired: true }] }]);
    accepted(needsOne({ p: [{ n: "a" }, { n: "b" }, { n: "c" }] }, complete));
    // Without a value the form still shows its minimum panel, whose required question is empty.
    rejected(needsOne({}, complete), "p", "required");
    accepted(needsOne({ p: [{ n: "d" }] }, complete));
  });

  it("stores the minimum of empty panels whatever the previous submission had, off the first page too", () => {
    // survey-core gives a dynamic panel on a later page back its old count of empty panels when the data is replaced.
    const pages = [
      { name: "first", elements: [{ type: "text", name: "x" }] },
      { name: "second", elements: [{ type: "paneldynamic", name: "p", minPanelCount: 1, templateElements: [{ type: "text", name: "n" }] }] },
    ];
    const check = createAnswerChecker({ pages });
    accepted(check({ p: [{ n: "a" }, { n: "b" }] }, partial));
    const after = check({}, partial);
    expect(after.ok && after.data).toEqual({ p: [{}] });
  });
});

describe("logic: visibleIf, requiredIf, expressions and clearInvisibleValues", () => {
  const elements = [
    { type: "boolean", name: "member" },
    { type: "text", name: "branch", visibleIf: "{member} = true", isRequired: true },
    { type: "text", name: "reason", requiredIf: "{member} = false" },
    { type: "panel", name: "extra", visibleIf: "{member} = true", elements: [{ type: "text", name: "years", inputType: "number" }] },
    { type: "expression", name: "label", expression: "iif({member}, '党员', '群众')" },
  ];
  const policies = (policy?: string) =>
    checkerFor(elements, {
      ...(policy ? { clearInvisibleValues: policy } : {}),
      calculatedValues: [{ name: "is_member", expression: "{member} = true", includeIntoResult: true }],
    });
  const check = policies();

  it("requires a visible question and not a hidden one", () => {
    rejected(check({ member: true }, complete), "branch", "required");
    accepted(check({ member: false, reason: "x" }, complete));
  });

  it("forgets the errors of a question the previous submission showed and this one hides", () => {
    rejected(check({ member: true }, complete), "branch", "required");
    accepted(check({ member: false, reason: "x" }, complete));
    const paged = createAnswerChecker({
      pages: [{ elements: [{ type: "boolean", name: "go" }] }, { visibleIf: "{go} = true", elements: [{ type: "text", name: "t", isRequired: true }] }],
    });
    rejected(paged({ go: true }, complete), "t", "required");
    accepted(paged({ go: false }, complete));
  });

  it("reports a required panel under the panel's name", () => {
    const panel = checkerFor([
      {
        type: "panel",
        name: "contact_panel",
        isRequired: true,
        elements: [
          { type: "text", name: "a" },
          { type: "text", name: "b" },
        ],
      },
    ]);
    expect(rejected(panel({}, complete), "contact_panel", "required")).toBe("Response required: answer at least one question.");
    accepted(panel({}, partial));
    accepted(panel({ b: "x" }, complete));
  });

  it("requires a question when its requiredIf holds", () => {
    rejected(check({ member: false }, complete), "reason", "required");
    accepted(check({ member: false }, partial));
  });

  it("stores expressions and calculated values as the model computes them", () => {
    const data = accepted(check({ member: false, reason: "x", label: "伪造", is_member: true }, complete));
    expect(data).toEqual({ member: false, reason: "x", label: "群众", is_member: false });
  });

  it("checks the shape of a hidden question's answer too", () => {
    rejected(check({ member: false, reason: "x", years: "many" }, complete), "years", "wrong_type");
  });

  it("clears hidden answers on completion by default (onComplete), keeps them in unfinished responses", () => {
    const hidden = { member: false, reason: "x", branch: "一支部", years: 3 };
    expect(accepted(check(hidden, complete))).toEqual({ member: false, reason: "x", label: "群众", is_member: false });
    expect(accepted(check(hidden, partial))).toMatchObject({ branch: "一支部", years: 3 });
  });

  it("clears hidden answers at once with onHidden and onHiddenContainer", () => {
    for (const policy of ["onHidden", "onHiddenContainer"]) {
      const data = accepted(policies(policy)({ member: false, reason: "x", branch: "一支部", years: 3 }, partial));
      expect(data).not.toHaveProperty("branch");
      expect(data).not.toHaveProperty("years");
    }
  });

  it("keeps hidden answers with none", () => {
    expect(accepted(policies("none")({ member: false, reason: "x", branch: "一支部" }, complete))).toMatchObject({ branch: "一支部" });
  });

  it("honours a question's own clearIfInvisible", () => {
    const own = checkerFor([
      { type: "boolean", name: "m" },
      { type: "text", name: "t", visibleIf: "{m} = true", clearIfInvisible: "none" },
    ]);
    expect(accepted(own({ m: false, t: "kept" }, complete))).toEqual({ m: false, t: "kept" });
  });
});

describe("validators and partial responses", () => {
  const check = checkerFor([
    { type: "text", name: "name", isRequired: true, validators: [{ type: "text", minLength: 2 }] },
    { type: "text", name: "phone", validators: [{ type: "regex", regex: "^1\\d{10}$", text: "请输入11位手机号码" }] },
    // survey-core runs expression validators on empty questions too, hence the "empty or".
    { type: "text", name: "n", inputType: "number", validators: [{ type: "expression", expression: "{n} empty or {n} > {m}" }] },
    { type: "text", name: "m", inputType: "number" },
    { type: "text", name: "soft", validators: [{ type: "text", maxLength: 2, notificationType: "warning" }] },
  ]);

  it("passes on validator errors with the questionnaire's own text", () => {
    rejected(check({ name: "a" }, complete), "name", "invalid");
    expect(rejected(check({ name: "张三", phone: "123" }, complete), "phone", "invalid")).toBe("请输入11位手机号码");
    rejected(check({ name: "张三", n: 1, m: 2 }, complete), "n", "invalid");
  });

  it("lets warnings through: they do not stop the form either", () => {
    accepted(check({ name: "张三", soft: "很长的一段话" }, complete));
  });

  it("checks given answers but not required ones in an unfinished response", () => {
    accepted(check({}, partial));
    accepted(check({ phone: "13800138000" }, partial));
    rejected(check({ phone: "123" }, partial), "phone", "invalid");
    rejected(check({ phone: 123 }, partial), "phone", "wrong_type");
    rejected(check({ nope: 1 }, partial), "nope", "unknown_question");
  });
});

describe("valueName", () => {
  it("keeps the answer under valueName, not under the question name", () => {
    const check = checkerFor([{ type: "text", name: "q1", valueName: "org_name" }]);
    accepted(check({ org_name: "一支部" }, complete));
    rejected(check({ q1: "一支部" }, complete), "q1", "unknown_question");
  });
});

describe("the kitchen sink", () => {
  const check = createAnswerChecker(kitchenSink);
  const minimal = {
    org_name: "城关镇第一党支部",
    org_level: "市级",
    org_type: "branch",
    member_count: 25,
    activities: ["三会一课", "主题党日"],
    meetings_per_year: 6,
    satisfaction: 5,
    evaluation: { system: 4, team: 5, style: 4 },
    members: [{ name: "张三", age: 45 }],
    contact: { name: "李四" },
  };

  it("accepts a plausible complete response and adds what the form computes", () => {
    const data = accepted(check(minimal, complete));
    expect(data).toMatchObject({ ...minimal, training_hours: 0, is_grassroots: false });
  });

  it("reports one error per offending question, nested ones with their path", () => {
    const result = check(
      {
        ...minimal,
        activities: "三会一课",
        members: [
          { name: "张三", age: 45 },
          { name: "李四", age: "四十" },
        ],
        contact: { name: "李四", phone: "110" },
      },
      complete,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => [e.question, e.code])).toEqual([
        ["activities", "wrong_type"],
        ["members", "wrong_type"],
        ["contact", "invalid"],
      ]);
      expect(result.errors[1].message).toBe("members[1].age: Expected a number, got a string.");
      expect(result.errors[2].message).toBe("contact.phone: 请输入11位手机号码");
    }
  });
});
