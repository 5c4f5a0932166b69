import { describe, expect, it } from "vitest";
import { hashJson } from "../../src/lib/canonical-hash.js";
import { cachedVersion } from "../../src/questionnaire/version-cache.js";

describe("cachedVersion", () => {
  it("reads a version once per content hash", () => {
    const json = { elements: [{ type: "text", name: "a" }] };
    const first = cachedVersion(hashJson(json), json);
    expect(cachedVersion(hashJson(json), json)).toBe(first);
    const other = { elements: [{ type: "text", name: "b" }] };
    expect(cachedVersion(hashJson(other), other).questions[0].name).toBe("b");
  });
});
