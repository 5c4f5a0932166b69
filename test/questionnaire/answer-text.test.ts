import { describe, expect, it } from "vitest";
import { answerText } from "../../src/questionnaire/answer-text.js";
import { readVersion } from "../../src/questionnaire/read-version.js";

const questionnaire = readVersion({
  elements: [
    {
      type: "radiogroup",
      name: "level",
      title: { default: "层级", en: "Level" },
      choices: [
        { value: "city", text: { default: "市", en: "City" } },
        { value: "district", text: { default: "区", en: "District" } },
      ],
    },
    {
      type: "checkbox",
      name: "activities",
      showOtherItem: true,
      choices: [
        { value: "meet", text: { default: "三会一课", en: "Three meetings, one lesson" } },
        { value: "day", text: { default: "主题党日", en: "Theme day" } },
      ],
    },
    { type: "boolean", name: "hub", labelTrue: { default: "是", en: "Yes" }, labelFalse: { default: "否", en: "No" } },
    {
      type: "matrix",
      name: "ratings",
      rows: [{ value: "a", text: { default: "学习", en: "Study" } }],
      columns: [
        { value: 1, text: { default: "差", en: "Poor" } },
        { value: 2, text: { default: "好", en: "Good" } },
      ],
    },
    { type: "multipletext", name: "counts", items: [{ name: "staff", title: { default: "员工", en: "Staff" } }] },
    {
      type: "ranking",
      name: "order",
      choices: [
        { value: "x", text: { default: "甲", en: "X" } },
        { value: "y", text: { default: "乙", en: "Y" } },
      ],
    },
    { type: "text", name: "staff_count", inputType: "number" },
  ],
});
const spec = (name: string) => questionnaire.questions.find((q) => q.name === name)!;

describe("answerText", () => {
  const data = {
    level: "district",
    activities: ["meet", "other"],
    "activities-Comment": "读书会",
    hub: true,
    ratings: { a: 2 },
    counts: { staff: 12 },
    order: ["y", "x"],
    staff_count: 12,
  };

  it("says a choice by its text in the language asked for", () => {
    expect(answerText(spec("level"), data, "zh-Hans")).toBe("区");
    expect(answerText(spec("level"), data, "en")).toBe("District");
  });

  it("lists the choices of a multi-select, with the typed 'other' text", () => {
    expect(answerText(spec("activities"), data, "zh-Hans")).toBe("三会一课；其他：读书会");
    expect(answerText(spec("activities"), data, "en")).toBe("Three meetings, one lesson; Other: 读书会");
  });

  it("words booleans, matrix rows, multiple texts and ranks", () => {
    expect(answerText(spec("hub"), data, "en")).toBe("Yes");
    expect(answerText(spec("hub"), data, "zh-Hans")).toBe("是");
    expect(answerText(spec("ratings"), data, "en")).toBe("Study: Good");
    expect(answerText(spec("counts"), data, "zh-Hans")).toBe("员工：12");
    expect(answerText(spec("order"), data, "en")).toBe("1. Y; 2. X");
    expect(answerText(spec("staff_count"), data, "en")).toBe("12");
  });

  it("is empty for an unanswered question and keeps a value the model does not know", () => {
    expect(answerText(spec("level"), {}, "en")).toBe("");
    expect(answerText(spec("level"), { level: "village" }, "en")).toBe("village");
  });
});
