import { describe, expect, it } from "vitest";
import { excelDateTime, isTimeZone, zonedDateTime, zoneOffsetMs } from "../../src/lib/time-zone.js";

describe("time zones", () => {
  it("shows a moment in Beijing time with its offset, and as an Excel serial of that wall-clock time", () => {
    const at = Date.parse("2023-06-01T10:00:00Z");
    expect(zonedDateTime(at, "Asia/Shanghai")).toBe("2023-06-01 18:00:00+08:00");
    expect(zonedDateTime(Date.parse("2023-06-01T16:30:00.999Z"), "Asia/Shanghai")).toBe("2023-06-02 00:30:00+08:00");
    // 2023-06-01 is day 45078 in Excel's 1900 date system; 18:00 is three quarters of it.
    expect(excelDateTime(at, "Asia/Shanghai")).toBe(45078.75);
  });

  it("follows daylight saving time and offsets of half hours or west of UTC", () => {
    expect(zonedDateTime(Date.parse("2024-03-31T00:30:00Z"), "Europe/Berlin")).toBe("2024-03-31 01:30:00+01:00");
    expect(zonedDateTime(Date.parse("2024-03-31T01:30:00Z"), "Europe/Berlin")).toBe("2024-03-31 03:30:00+02:00");
    expect(zonedDateTime(Date.parse("2024-01-01T00:00:00Z"), "Asia/Kolkata")).toBe("2024-01-01 05:30:00+05:30");
    expect(zonedDateTime(Date.parse("2024-01-01T00:00:00Z"), "America/New_York")).toBe("2023-12-31 19:00:00-05:00");
    expect(zoneOffsetMs(0, "UTC")).toBe(0);
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
