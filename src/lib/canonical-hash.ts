import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every depth, so two bodies that differ only in key
 * order hash alike (clients and JSON libraries do not agree on key order).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

/** Hex SHA-256 of a string. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Hex SHA-256 of a value's canonical JSON. */
export function hashJson(value: unknown): string {
  return sha256(canonicalJson(value));
}
