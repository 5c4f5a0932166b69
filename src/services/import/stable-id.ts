/** Response ids for imported rows that stay the same however often the file is imported. */
import { createHash } from "node:crypto";

/** The platform's namespace for name-based ids (RFC 9562 UUID version 5). */
const NAMESPACE = Buffer.from("6f1d2c3b4a5948e7a6b5c4d3e2f10a9b", "hex");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in its usual 8-4-4-4-12 spelling. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/**
 * A version-5 UUID (SHA-1 of a namespace and a name): the same name gives the same id.
 * @example uuidV5("dangjian-innovation-2023\nid:BJ-0001") // always the same UUID
 */
export function uuidV5(name: string): string {
  const hash = createHash("sha1").update(NAMESPACE).update(name, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of an imported row: the UUID in its id column; a name-based UUID of the survey and the
 * id column's text when that is a questionnaire number ("BJ-0001"); else a name-based UUID of the
 * survey, the row's answers, and how many identical rows came before it in the file (two paper
 * questionnaires with the same answers are two responses).
 */
export function stableId(survey: string, explicit: string | undefined, content: string, occurrence: number): string {
  if (explicit !== undefined) return isUuid(explicit) ? explicit.toLowerCase() : uuidV5(`${survey}\nid:${explicit}`);
  return uuidV5(`${survey}\nrow:${content}\n#${occurrence}`);
}
