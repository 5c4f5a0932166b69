/** A moment as research groups read it: the date and time in China Standard Time, with its offset. */

const CHINA_OFFSET_MS = 8 * 3600_000;

/**
 * @example beijingTime(new Date("2026-12-01T10:00:00Z")) // "2026-12-01 18:00 UTC+8"
 */
export function beijingTime(at: Date): string {
  return `${new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ")} UTC+8`;
}

/** The moment the Beijing day of `at` began (China keeps no daylight saving time). */
export function beijingDayStart(at: Date): Date {
  const local = at.getTime() + CHINA_OFFSET_MS;
  return new Date(local - (local % 86_400_000) - CHINA_OFFSET_MS);
}
