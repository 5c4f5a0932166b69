import { describe, expect, it } from "vitest";
import { parsePopulation, populationText } from "../../../../src/workspace/pages/workbench/population-paste.js";

const BAOJI = { 社会团体: 793, 民办非企业单位: 750, 基金会: 6, 社会中介组织: 54, 城乡社区社会组织: 5 };

describe("parsePopulation", () => {
  it("reads two columns pasted from a spreadsheet (tabs), with a header line", () => {
    const text = "类型\t数量\n社会团体\t793\n民办非企业单位\t750\n基金会\t6\n社会中介组织\t54\n城乡社区社会组织\t5\n";
    expect(parsePopulation(text)).toEqual({ population: BAOJI, problems: [] });
  });

  it("takes commas, Chinese punctuation, spaces, digit grouping and full-width digits", () => {
    const text = "社会团体,793\r\n民办非企业单位，750\n基金会：６\n社会中介组织   54\n城乡社区社会组织；5\n合计,1,608";
    expect(parsePopulation(text).population).toEqual({ ...BAOJI, 合计: 1608 });
  });

  it("names each line that is no category and count (after the first)", () => {
    expect(parsePopulation("社会团体 793\n基金会\n\n社会中介组织 x")).toEqual({
      population: { 社会团体: 793 },
      problems: [
        { line: 2, text: "基金会" },
        { line: 4, text: "社会中介组织 x" },
      ],
    });
  });

  it("writes counts back as tab-separated lines that read the same", () => {
    expect(parsePopulation(populationText(BAOJI)).population).toEqual(BAOJI);
  });
});
