import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as analysis from "../../analysis/index.js";

// Runs every `@example` in analysis/*.ts and checks the value after `// =>`
// (numbers to 1e-12 relative; a trailing "…" means "starts with these digits").
const dir = new URL("../../analysis/", import.meta.url);
const names = Object.keys(analysis);
const values = Object.values(analysis);

function examples(source: string): string[] {
  const out: string[] = [];
  const pattern = /@example\n([\s\S]*?)(?=\n \*\/|\n \* @)/g;
  for (const match of source.matchAll(pattern)) {
    out.push(
      match[1]
        .split("\n")
        .map((line) => line.replace(/^ \* ?/, ""))
        .join("\n"),
    );
  }
  return out;
}

function splitLastStatement(code: string): [string, string] {
  let depth = 0;
  let last = -1;
  let quote: string | null = null;
  const body = code.trim().replace(/;\s*$/, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
    else if (ch === ";" && depth === 0) last = i;
  }
  return [body.slice(0, last + 1), body.slice(last + 1)];
}

function check(actual: unknown, expectedText: string): void {
  const text = expectedText.replace(/\s*\(.*\)\s*$/, "").trim();
  if (text.endsWith("…")) {
    expect(String(actual).startsWith(text.slice(0, -1)), `${String(actual)} vs ${text}`).toBe(true);
    return;
  }
  const expected = JSON.parse(text);
  const compare = (a: unknown, e: unknown): void => {
    if (typeof e === "number") {
      expect(typeof a).toBe("number");
      expect(Math.abs((a as number) - e), `${String(a)} vs ${e}`).toBeLessThanOrEqual(1e-12 * Math.abs(e) + 1e-15);
    } else if (Array.isArray(e)) {
      expect(Array.isArray(a)).toBe(true);
      (e as unknown[]).forEach((x, i) => compare((a as unknown[])[i], x));
    } else {
      expect(a).toEqual(e);
    }
  };
  compare(actual, expected);
}

describe("JSDoc examples run and give what they say", () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))) {
    const source = readFileSync(new URL(file, dir), "utf8");
    examples(source).forEach((example, index) => {
      it(`${file} #${index + 1}`, () => {
        const [code, expectedRaw] = example.replace(/\n\s*\/\/ =>/g, " // =>").split("// =>");
        expect(expectedRaw, "example has a // => result").toBeDefined();
        const [prefix, expression] = splitLastStatement(code.replace(/\/\/[^\n]*\n/g, "\n"));
        const run = new Function(...names, `${prefix}\nreturn (${expression});`);
        check(run(...values), expectedRaw.trim().replace(/\n[\s\S]*$/, ""));
      });
    });
  }
});
