import { describe, expect, it } from "vitest";
import { localisableTexts } from "../../../src/questionnaire/localisable-texts.js";
import { ownerOf, renameOwner } from "../../../src/workspace/editor/converted-marks.js";
import { elementAt, type ElementPath, walkElements } from "../../../src/workspace/editor/element-path.js";

const json = {
  title: "问卷",
  pages: [
    { name: "p/1", title: "第一页", elements: [{ type: "panel", name: "group", title: "组", elements: [{ type: "text", name: "a:b", title: "甲" }] }] },
    { title: "无名页", elements: [{ type: "text", title: "无名题" }] },
  ],
};

describe("ownerOf", () => {
  it("spells each element's title path as the server's text paths do", () => {
    const server = new Set(localisableTexts(json).map((t) => t.path));
    const paths: ElementPath[] = [[], ...[...walkElements(json)].map((e) => e.path)];
    const owners = paths.map((path) => ownerOf(elementAt(json, path) ?? {}, path));
    expect(owners).toEqual(["survey", "page:p%2F1", "panel:group", "question:a%3Ab", undefined, undefined]);
    for (const owner of owners) if (owner) expect(server.has(`${owner}/title`)).toBe(true);
  });
});

describe("renameOwner", () => {
  const list = ["question:level/title@zh-Hant", "question:level/choices:city/text@zh-Hant", "question:levels/title@zh-Hant"];
  it("moves a renamed element's marks, and only its own", () => {
    expect(renameOwner(list, "question:level", "question:tier")).toEqual([
      "question:tier/title@zh-Hant",
      "question:tier/choices:city/text@zh-Hant",
      "question:levels/title@zh-Hant",
    ]);
  });
  it("leaves the list when the new name already has marks or the old had none", () => {
    expect(renameOwner(list, "question:level", "question:levels")).toBe(list);
    expect(renameOwner(list, "question:other", "question:tier")).toBe(list);
  });
});
