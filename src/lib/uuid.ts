/**
 * A version-4 UUID (RFC 4122) from 16 random bytes: by default from `crypto.getRandomValues`,
 * because `crypto.randomUUID` exists only on secure origins and survey links are often plain
 * http on a LAN address; the demo data hands in a seeded source, so its ids are as reproducible
 * as its answers. The respondent page bundles this file for the browser: it imports nothing.
 *
 * @param fill fills the given bytes with random ones and returns them
 * @example uuidV4() // "xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx"
 */
export function uuidV4(fill: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = fill(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
