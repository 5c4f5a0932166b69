import { describe, expect, it } from "vitest";
import { cutUtf8, NameRegistry, spssName } from "../../../src/services/dataset/names.js";

describe("SPSS variable names", () => {
  it("keeps valid names and repairs the rest", () => {
    expect(spssName("main_problems")).toBe("main_problems");
    expect(spssName("main problems (1)")).toBe("main_problems_1");
    expect(spssName("1st")).toBe("v1st");
    expect(spssName("_x_")).toBe("x");
    expect(spssName("a.")).toBe("a");
    expect(spssName("ＱＵ１")).toBe("QU1");
  });

  it("keeps Chinese letters, which SPSS accepts in Unicode mode", () => {
    expect(spssName("党员数")).toBe("党员数");
    expect(spssName("评价_制度建设")).toBe("评价_制度建设");
  });

  it("avoids reserved words", () => {
    expect(spssName("all")).toBe("all_v");
    expect(spssName("WITH")).toBe("WITH_v");
  });

  it("cuts names to 64 bytes without splitting a character", () => {
    const long = spssName("问".repeat(30));
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(64);
    expect(long).toBe("问".repeat(21));
    expect(cutUtf8("ab问", 4)).toBe("ab");
  });

  it("makes names unique regardless of case", () => {
    const names = new NameRegistry();
    expect(names.claim("Q1")).toBe("Q1");
    expect(names.claim("q1")).toBe("q1_2");
    expect(names.claim("q1")).toBe("q1_3");
    const base = "x".repeat(64);
    expect(names.claim(base)).toBe(base);
    const second = names.claim(base);
    expect(second).toBe(`${"x".repeat(62)}_2`);
    expect(Buffer.byteLength(second)).toBe(64);
  });
});
