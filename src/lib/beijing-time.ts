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

/**
 * The Beijing calendar day of a moment.
 * @example beijingDate(new Date("2026-03-01T23:30:00Z")) // "2026-03-02"
 */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The instant a Beijing day (`YYYY-MM-DD`) begins, or null when the text is not a real date;
 * `dayAfter` gives the start of the following day (the end of an inclusive range).
 * @example parseBeijingDay("2026-03-02") // 2026-03-01T16:00:00.000Z
 */
export function parseBeijingDay(day: string, dayAfter = false): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, date));
  // Rejects 2026-02-30 and the like, which Date.UTC would roll over.
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== date) return null;
  return new Date(utc.getTime() - CHINA_OFFSET_MS + (dayAfter ? 86_400_000 : 0));
}
