import type { Random } from "./random.js";

/** The 31 characters of GB 32100-2015 (digits and capitals without I, O, Z, S, V). */
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** Position weights 3^i mod 31 of GB 32100-2015. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Position weights of the organisation code check digit, GB 11714-1997. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Check character of an 18-character unified social credit code (GB 32100-2015),
 * computed from its first 17 characters.
 * @example creditCodeCheck("91110108551385082") // "Q"
 */
export function creditCodeCheck(first17: string): string {
  if (first17.length !== 17) throw new Error(`creditCodeCheck: expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]);
    if (value < 0) throw new Error(`creditCodeCheck: '${first17[i]}' is not allowed`);
    sum += value * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * Check character of the 9-character organisation code embedded in positions 9–17
 * (GB 11714-1997), from its first eight characters.
 * @example organisationCodeCheck("55138508") // "2"
 */
export function organisationCodeCheck(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i];
    sum += (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55) * ORG_CODE_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

/**
 * True when `code` is a well-formed unified social credit code whose check character
 * (and embedded organisation-code check digit) are right.
 * @example isCreditCode("91350100M000100Y43") // true (the example in GB 32100-2015)
 */
export function isCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return creditCodeCheck(code.slice(0, 17)) === code[17] && organisationCodeCheck(code.slice(8, 16)) === code[16];
}

/** Second character of the code: the kind of organisation the civil-affairs bureau registered. */
const CATEGORY: Record<string, string> = { 社会团体: "1", 民办非企业单位: "2", 基金会: "3" };

/**
 * A plausible code for a social organisation registered by a civil-affairs bureau
 * (registering authority "5"), in the area `adminCode`, with valid check characters.
 * The body follows the "MJ" pattern civil-affairs bureaus have used since 2016; the
 * digits are random, so a code is only as real as the rest of the demo data.
 */
export function drawCreditCode(random: Random, orgType: string, adminCode: string): string {
  if (!/^\d{6}$/.test(adminCode)) throw new Error(`drawCreditCode: admin code must be 6 digits, got '${adminCode}'`);
  let body = "MJ";
  for (let i = 0; i < 6; i++) body += String(random.int(0, 9));
  const first17 = `5${CATEGORY[orgType] ?? "9"}${adminCode}${body}${organisationCodeCheck(body)}`;
  return first17 + creditCodeCheck(first17);
}
