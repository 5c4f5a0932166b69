/** XLSForm's `range` ⇄ SurveyJS's rating: the parameters cell, the 422 for a bad one, and the round trip. */
import { describe, expect, it } from "vitest";
import { say } from "../../../i18n/phrase.js";
import { fromXlsForm } from "../../../src/questionnaire/xlsform/from-xlsform.js";
import { printRange, readRange } from "../../../src/questionnaire/xlsform/range.js";
import { bookOf } from "./book-of.js";
import { roundTripOf } from "./round-trip-of.js";

describe("readRange", () => {
  it("reads start, end and step in any separator pyxform takes, XLSForm's defaults for the rest", () => {
    expect(readRange("start=1 end=5 step=1")).toEqual({ rateMin: 1, rateMax: 5, rateStep: 1 });
    expect(readRange("start=0;end=10,step=2")).toEqual({ rateMin: 0, rateMax: 10, rateStep: 2 });
    expect(readRange("")).toEqual({ rateMin: 1, rateMax: 10, rateStep: 1 });
    expect(readRange("end=2 step=0.5")).toEqual({ rateMin: 1, rateMax: 2, rateStep: 0.5 });
  });

  it("is undefined for what is no scale", () => {
    for (const bad of ["start=5 end=1", "step=0", "start=1 end=4 step=2", "tick=1", "start=a", "start=1 end=1"]) expect(readRange(bad)).toBeUndefined();
  });

  it("prints SurveyJS's scale, its defaults filled in", () => {
    expect(printRange({})).toBe("start=1 end=5 step=1");
    expect(printRange({ rateMin: 0, rateMax: 10, rateStep: 2 })).toBe("start=0 end=10 step=2");
    expect(printRange({ rateMin: "0" })).toBeUndefined();
  });
});

describe("a range row", () => {
  it("is a rating with the three limits", () => {
    const result = fromXlsForm(
      bookOf({
        survey: [
          ["type", "name", "label", "parameters"],
          ["range", "score", "Score", "start=0 end=10 step=2"],
        ],
      }),
    );
    expect(result.ok && result.json.pages).toEqual([{ name: "page1", elements: [{ type: "rating", name: "score", title: "Score", rateMin: 0, rateMax: 10, rateStep: 2 }] }]);
  });

  it("with bad parameters, and parameters on another type, is a 422 naming the cell, in every language", () => {
    const result = fromXlsForm(
      bookOf({
        survey: [
          ["type", "name", "parameters"],
          ["range", "score", "start=1 end=4 step=2"],
          ["text", "other", "max-pixels=1024"],
        ],
      }),
    );
    expect(result.ok ? [] : result.problems.map((p) => [p.sheet, p.row, p.column, p.value, p.code])).toEqual([
      ["survey", 2, "parameters", "start=1 end=4 step=2", "bad_range"],
      ["survey", 3, "parameters", "max-pixels=1024", "unsupported_column"],
    ]);
    const wording = !result.ok && result.problems[0]!.wording;
    if (!wording) return;
    expect(say("en", wording)).toContain("'start=1 end=4 step=2' is not a range read here");
    expect(say("zh-Hans", wording)).toContain("不读取范围参数“start=1 end=4 step=2”");
    expect(say("zh-Hant", wording)).toContain("不讀取範圍參數「start=1 end=4 step=2」");
  });
});

describe("a rating through the sheets", () => {
  const trip = roundTripOf({
    pages: [
      {
        name: "page1",
        elements: [
          { type: "rating", name: "satisfaction", rateMax: 7, minRateDescription: "差" },
          { type: "rating", name: "custom", rateValues: [1, 2, 4] },
        ],
      },
    ],
  });

  it("is a range row, what range cannot say on the notes", () => {
    expect(trip.row("satisfaction")).toMatchObject({ type: "range", parameters: "start=1 end=7 step=1" });
    expect(trip.notes.map((n) => [n.question, n.property])).toEqual([
      ["satisfaction", "minRateDescription"],
      ["custom", "(question)"],
    ]);
    expect((trip.json.pages as { elements: unknown[] }[])[0]!.elements).toEqual([{ type: "rating", name: "satisfaction", rateMin: 1, rateMax: 7, rateStep: 1 }]);
  });

  it("refuses and accepts the same answers before and after", () => {
    for (const value of [0, 1, 7, 8, 2.5, "3"]) {
      const [before, after] = trip.verdicts({ satisfaction: value });
      expect(after).toEqual(before);
    }
    expect(trip.verdicts({ satisfaction: 8 })[1]).toEqual([["satisfaction", expect.any(String)]]);
    expect(trip.verdicts({ satisfaction: 7 })[1]).toEqual([]);
  });
});
