/**
 * Moments as a research group reads them: the wall-clock time in the survey's time zone. China
 * keeps one zone without daylight saving time, but the offset is looked up per moment (through
 * Intl's time-zone data), so a study elsewhere reads right on both sides of a clock change.
 */

/** Where the studies run unless a survey says otherwise. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    // Throws a RangeError naming the zone when Intl does not know it.
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether Intl knows this IANA time-zone name. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's canonical IANA spelling (`asia/urumqi` → `Asia/Urumqi`, `PRC` → `Asia/Shanghai`),
 * stored so that Intl here and the database's zone data read the same name.
 */
export function canonicalTimeZone(timeZone: string): string {
  return formatter(timeZone).resolvedOptions().timeZone;
}

/**
 * The zone's offset from UTC at `ms`, in milliseconds. Offsets change on whole hours or half
 * hours, so one look-up per UTC hour serves every moment in it (an export calls this per cell).
 */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const hour = Math.floor(ms / HOUR_MS);
  const key = `${timeZone}\u0000${hour}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const name = formatter(timeZone)
      .formatToParts(new Date(hour * HOUR_MS))
      .find((p) => p.type === "timeZoneName")!.value;
    const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
    offset = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * HOUR_MS + Number(match[3]) * 60_000) : 0;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * The wall-clock time to the second, with its offset: what Excel, R and people all read.
 * @example zonedDateTime(Date.parse("2023-06-01T10:00:00Z"), "Asia/Shanghai") // "2023-06-01 18:00:00+08:00"
 */
export function zonedDateTime(ms: number, timeZone: string): string {
  const offset = zoneOffsetMs(ms, timeZone);
  const wall = new Date(ms + offset).toISOString().slice(0, 19).replace("T", " ");
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? "-" : "+";
  return `${wall}${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Days from Excel's epoch (1899-12-30, the 1900 date system) to 1970-01-01. */
const EXCEL_UNIX_EPOCH_DAYS = 25_569;

/**
 * The Excel serial date-time of the wall-clock time in the zone, to the whole second (as the
 * CSV shows it; Excel serials carry no zone, so the zone is applied here).
 * @example excelDateTime(Date.parse("2023-06-01T10:00:00Z"), "Asia/Shanghai") // 45078.75
 */
export function excelDateTime(ms: number, timeZone: string): number {
  const seconds = Math.floor((ms + zoneOffsetMs(ms, timeZone)) / 1000);
  return seconds / 86_400 + EXCEL_UNIX_EPOCH_DAYS;
}

/**
 * The calendar day of a moment in the zone.
 * @example zonedDate(Date.parse("2026-03-01T23:30:00Z"), "Asia/Shanghai") // "2026-03-02"
 */
export function zonedDate(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 10);
}

/**
 * The wall-clock time to the minute with its offset, as sentences show a moment.
 * @example zonedMinute(Date.parse("2026-12-01T10:00:00Z"), "Asia/Urumqi") // "2026-12-01 16:00 UTC+6"
 */
export function zonedMinute(ms: number, timeZone: string): string {
  const offset = zoneOffsetMs(ms, timeZone);
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? "-" : "+";
  const hours = `${sign}${Math.floor(minutes / 60)}${minutes % 60 ? `:${String(minutes % 60).padStart(2, "0")}` : ""}`;
  return `${new Date(ms + offset).toISOString().slice(0, 16).replace("T", " ")} UTC${hours}`;
}

/** The instant the wall-clock time `wall` (milliseconds of a UTC-read date) happens in the zone. */
function instantOfWall(wall: number, timeZone: string): number {
  // Two steps settle the offset on either side of a clock change.
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  if (second + zoneOffsetMs(second, timeZone) === wall) return second;
  // A wall time the clock skips (02:30 when it jumps from 02:00 to 03:00) reads as the instant
  // after the jump, as the same count of minutes past the last wall time before it.
  return Math.max(first, second);
}

/**
 * The instant a day (`YYYY-MM-DD`) begins in the zone, or null when the text is not a real date;
 * `dayAfter` gives the start of the following day (the end of an inclusive range).
 * @example zonedDayStart("2026-03-02", "Asia/Shanghai") // 2026-03-01T16:00:00.000Z
 */
export function zonedDayStart(day: string, timeZone: string, dayAfter = false): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, date + (dayAfter ? 1 : 0));
  const check = new Date(Date.UTC(year, month - 1, date));
  // Rejects 2026-02-30 and the like, which Date.UTC would roll over.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  return new Date(instantOfWall(utc, timeZone));
}

/** The instant the day of `ms` began in the zone. */
export function zonedStartOfDay(ms: number, timeZone: string): Date {
  return zonedDayStart(zonedDate(ms, timeZone), timeZone)!;
}

/**
 * The wall-clock time in the zone as a `datetime-local` input holds it.
 * @example zonedInputValue(Date.parse("2026-12-01T16:30:00Z"), "America/New_York") // "2026-12-01T11:30"
 */
export function zonedInputValue(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 16);
}

/**
 * A wall-clock time typed in the zone (`YYYY-MM-DDTHH:mm`, seconds optional, as a
 * `datetime-local` input gives it) as ISO 8601 with the zone's offset at that moment, or null
 * when the text is not such a time.
 * @example zonedInputInstant("2026-12-01T00:30", "Asia/Urumqi") // "2026-12-01T00:30:00+06:00"
 */
export function zonedInputInstant(value: string, timeZone: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const day = zonedDayStart(match[1], timeZone);
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (!day || hours > 23 || minutes > 59 || seconds > 59) return null;
  const wall = Date.parse(`${match[1]}T00:00:00Z`) + ((hours * 60 + minutes) * 60 + seconds) * 1000;
  return zonedDateTime(instantOfWall(wall, timeZone), timeZone).replace(" ", "T");
}

/**
 * The zone's name from a language's list of zone names (the catalogue's `zones.names`), or its
 * IANA name when the list has none.
 * @example zoneName("Asia/Urumqi", { "Asia/Urumqi": "乌鲁木齐时间" }) // "乌鲁木齐时间"
 */
export function zoneName(timeZone: string, names: Readonly<Record<string, string>>): string {
  return Object.hasOwn(names, timeZone) ? names[timeZone] : timeZone;
}
