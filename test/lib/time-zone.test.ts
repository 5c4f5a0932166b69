import { describe, expect, it } from "vitest";
import { words } from "../../i18n/words.js";
import { excelDateTime, isTimeZone, zonedDateTime, zonedDayStart, zonedInputInstant, zonedInputValue, zoneName, zoneOffsetMs } from "../../src/lib/time-zone.js";

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

  it("reads a typed wall-clock time in the survey's zone, on either side of midnight and of a clock change", () => {
    // 00:30 in Urumqi is still the day before in UTC; 23:30 in New York is already the next day there.
    expect(zonedInputInstant("2026-12-01T00:30", "Asia/Urumqi")).toBe("2026-12-01T00:30:00+06:00");
    expect(Date.parse(zonedInputInstant("2026-12-01T00:30", "Asia/Urumqi")!)).toBe(Date.parse("2026-11-30T18:30:00Z"));
    expect(zonedInputInstant("2026-12-01T23:30", "America/New_York")).toBe("2026-12-01T23:30:00-05:00");
    expect(zonedInputInstant("2026-07-01T23:30:15", "America/New_York")).toBe("2026-07-01T23:30:15-04:00");
    expect(zonedInputInstant("2026-12-01T00:00", "Asia/Shanghai")).toBe("2026-12-01T00:00:00+08:00");
    // 02:30 on 10 March 2024 never happened in New York (02:00 became 03:00): the instant after the jump.
    expect(zonedInputInstant("2024-03-10T02:30", "America/New_York")).toBe("2024-03-10T03:30:00-04:00");
    expect(zonedDayStart("2024-03-10", "America/New_York")?.toISOString()).toBe("2024-03-10T05:00:00.000Z");
    for (const bad of ["2026-02-30T10:00", "2026-12-01T24:00", "2026-12-01T10:60", "2026-12-01 10:00", "", "2026-12-01"]) {
      expect(zonedInputInstant(bad, "Asia/Shanghai"), bad).toBeNull();
    }
  });

  it("gives an input's value in the zone, the inverse of reading it", () => {
    const at = Date.parse("2026-12-01T16:30:00Z");
    expect(zonedInputValue(at, "Asia/Shanghai")).toBe("2026-12-02T00:30");
    expect(zonedInputValue(at, "Asia/Urumqi")).toBe("2026-12-01T22:30");
    expect(zonedInputValue(at, "America/New_York")).toBe("2026-12-01T11:30");
    for (const zone of ["Asia/Shanghai", "Asia/Urumqi", "America/New_York"]) {
      expect(Date.parse(zonedInputInstant(zonedInputValue(at, zone), zone)!), zone).toBe(at);
    }
  });

  it("names a zone from a language's list, or by its IANA name when the list has none", () => {
    expect(zoneName("Asia/Shanghai", words("zh-Hans").zones.names)).toBe("北京时间");
    expect(zoneName("Asia/Urumqi", words("zh-Hans").zones.names)).toBe("乌鲁木齐时间");
    expect(zoneName("Asia/Urumqi", words("zh-Hant").zones.names)).toBe("烏魯木齊時間");
    expect(zoneName("Asia/Urumqi", words("en").zones.names)).toBe("Urumqi Time");
    expect(zoneName("America/New_York", words("zh-Hans").zones.names)).toBe("America/New_York");
    // A name of Object.prototype is no zone name.
    expect(zoneName("constructor", words("en").zones.names)).toBe("constructor");
  });
});
