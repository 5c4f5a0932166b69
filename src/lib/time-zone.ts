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
