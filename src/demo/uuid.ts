import type { Random } from "./random.js";

/**
 * A version-4 UUID drawn from a seeded {@link Random}, so that demo response ids are
 * as reproducible as the answers (a re-import of the demo data is then idempotent).
 * @example uuidV4(createRandom(1)) // "xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx"
 */
export function uuidV4(random: Random): string {
  const bytes: number[] = [];
  for (let i = 0; i < 4; i++) {
    const word = random.nextUint32();
    bytes.push(word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
