import { describe, expect, it } from "vitest";
import { asksForHelp, HelpRequested, parseCommandArgs } from "../../src/cli/args.js";
import { CliError } from "../../src/cli/cli-error.js";

describe("parseCommandArgs", () => {
  const usage = "usage: thing <x> [--out FILE]";
  it("answers --help or -h anywhere with the usage, before looking at anything else", () => {
    for (const args of [["--help"], ["a", "-h"], ["--out", "x", "--nonsense", "--help"]]) {
      expect(() => parseCommandArgs(args, usage, { out: { type: "string" } })).toThrow(HelpRequested);
    }
    expect(asksForHelp(["--", "-h"])).toBe(false);
  });

  it("refuses unknown options, missing values and extra words with the usage", () => {
    const tryParse = (args: string[]) => () => parseCommandArgs(args, usage, { out: { type: "string" } }, 1);
    expect(tryParse(["--oot", "x"])).toThrow(CliError);
    expect(tryParse(["--oot", "x"])).toThrow(/Unknown option '--oot'[\s\S]*usage: thing/);
    expect(tryParse(["a", "--out"])).toThrow(/argument missing/);
    expect(tryParse(["a", "b"])).toThrow(/Unexpected argument 'b'/);
    expect(parseCommandArgs(["a", "--out=f"], usage, { out: { type: "string" } }, 1)).toMatchObject({ values: { out: "f" }, positionals: ["a"] });
  });
});
