import { describe, expect, it } from "vitest";
import { canonicalJson, hashJson } from "../../src/lib/canonical-hash.js";

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: "市" } })).toBe('{"a":{"c":"市","d":[2,1]},"b":1}');
  });
  it("hashes bodies that differ only in key order alike, and others differently", () => {
    expect(hashJson({ a: 1, b: [1, 2] })).toBe(hashJson({ b: [1, 2], a: 1 }));
    expect(hashJson({ a: 1, b: [1, 2] })).not.toBe(hashJson({ a: 1, b: [2, 1] }));
    expect(hashJson({ a: 1 })).not.toBe(hashJson({ a: "1" }));
  });
});
