import { describe, expect, it } from "vitest";
import { findMerged, mergeVersions } from "../../src/questionnaire/merge.js";
import { readVersion } from "../../src/questionnaire/read-version.js";

const v1 = {
  elements: [
    { type: "radiogroup", name: "q", choices: ["甲", "乙", "丙"] },
    { type: "text", name: "old" },
    { type: "radiogroup", name: "kind", choices: ["x"] },
  ],
};
const v2 = {
  title: "二版",
  elements: [
    { type: "radiogroup", name: "q", choices: ["甲", "乙", "丁"] },
    { type: "checkbox", name: "kind", choices: ["y"] },
    { type: "text", name: "renamed", valueName: "old" },
  ],
};
const merged = () =>
  mergeVersions([
    { version: 2, questionnaire: readVersion(v2) },
    { version: 1, questionnaire: readVersion(v1) },
  ]);

describe("mergeVersions", () => {
  it("keeps the newest order and texts and appends choices only older versions had, marked retired", () => {
    const { questions, versions, title } = merged();
    expect(versions).toEqual([2, 1]);
    expect(title["zh-Hans"]).toBe("二版");
    const q = questions[0];
    expect(q.kind === "single" && q.items.map((i) => [i.value, i.retired ?? false])).toEqual([
      ["甲", false],
      ["乙", false],
      ["丁", false],
      ["丙", true],
    ]);
    expect([...q.keys]).toEqual([
      [2, "q"],
      [1, "q"],
    ]);
  });

  it("matches a renamed question by its data key, and pools nothing of another kind", () => {
    const questionnaire = merged();
    const { questions } = questionnaire;
    const renamed = findMerged(questionnaire, "renamed")!;
    expect([...renamed.keys]).toEqual([
      [2, "old"],
      [1, "old"],
    ]);
    // The old name is found through the data key both versions share.
    expect(findMerged(questionnaire, "old")).toBe(renamed);
    const kind = questions.find((q) => q.name === "kind")!;
    expect(kind.kind === "multi" && kind.items.map((i) => i.value)).toEqual(["y"]);
    expect(questions.map((q) => q.name)).toEqual(["q", "kind", "renamed"]);
  });

  it("does not change the versions it merges (they are cached and shared)", () => {
    const version = readVersion(v1);
    const before = JSON.stringify(version);
    mergeVersions([
      { version: 2, questionnaire: readVersion(v2) },
      { version: 1, questionnaire: version },
    ]);
    expect(JSON.stringify(version)).toBe(before);
  });
});
