import { randomBytes } from "node:crypto";

/** Lower-case letters and digits without the look-alikes 0/o, 1/l: 32 symbols, 5 bits each. */
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

/** Link codes are this long: 50 random bits, out of reach of guessing, short enough for a QR code. */
export const CODE_LENGTH = 10;

/** What a code may look like when it is read back from a request (older or hand-made codes included). */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{4,40}$/;

/** A new link code from the operating system's random source (URL-safe, case-insensitive to read aloud). */
export function newLinkCode(): string {
  // 256 is a multiple of 32, so `byte & 31` picks every symbol equally often.
  return [...randomBytes(CODE_LENGTH)].map((byte) => ALPHABET[byte & 31]).join("");
}
