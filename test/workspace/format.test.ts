/**
 * The workspace's dates (src/workspace/format.ts): shown and entered in the survey's time zone,
 * around midnight, where a zone other than Beijing's puts a moment on another day.
 */
import { describe, expect, it } from "vitest";
import { workspaceBoot } from "../../src/web/workspace-page.js";
import { dateTime, fromZoneInput, surveyZone, toZoneInput, zoneName } from "../../src/workspace/format.js";

/** 00:30 on 2 March in Beijing; 22:30 on 1 March in Urumqi; 11:30 on 1 March in New York. */
const LATE = "2024-03-01T16:30:00Z";

describe("workspace dates", () => {
  it("shows a moment in the survey's zone, Beijing's when the survey names none", () => {
    expect(dateTime(LATE, "en")).toBe("02/03/2024, 00:30");
    expect(dateTime(LATE, "zh-Hans")).toBe("2024/03/02 00:30");
    expect(dateTime(LATE, "zh-Hans", "Asia/Urumqi")).toBe("2024/03/01 22:30");
    // zh-TW puts a thin space (U+2009) between the date and the time.
    expect(dateTime(LATE, "zh-Hant", "America/New_York")).toBe("2024/03/01\u200911:30");
    expect(dateTime(null, "en")).toBe("");
    expect(surveyZone({})).toBe("Asia/Shanghai");
    expect(surveyZone({ timeZone: "America/New_York" })).toBe("America/New_York");
  });

  it("fills a closing-time input in the survey's zone and reads it back there", () => {
    expect(toZoneInput(LATE, "Asia/Shanghai")).toBe("2024-03-02T00:30");
    expect(toZoneInput(LATE, "Asia/Urumqi")).toBe("2024-03-01T22:30");
    expect(toZoneInput(LATE, "America/New_York")).toBe("2024-03-01T11:30");
    expect(toZoneInput(null, "Asia/Urumqi")).toBe("");
    expect(fromZoneInput("2024-03-02T00:30", "Asia/Shanghai")).toBe("2024-03-02T00:30:00+08:00");
    expect(fromZoneInput("2024-03-01T22:30", "Asia/Urumqi")).toBe("2024-03-01T22:30:00+06:00");
    // The same wall time in New York is a different instant in winter and in summer.
    expect(fromZoneInput("2024-03-01T23:59", "America/New_York")).toBe("2024-03-01T23:59:00-05:00");
    expect(fromZoneInput("2024-07-01T23:59", "America/New_York")).toBe("2024-07-01T23:59:00-04:00");
    for (const zone of ["Asia/Shanghai", "Asia/Urumqi", "America/New_York"]) expect(Date.parse(fromZoneInput(toZoneInput(LATE, zone), zone)!)).toBe(Date.parse(LATE));
    expect(fromZoneInput("", "Asia/Urumqi")).toBeNull();
    // Not a time: sent as typed, for the server's 400 to say why.
    expect(fromZoneInput("2024-02-30T10:00", "Asia/Urumqi")).toBe("2024-02-30T10:00");
  });

  it("names the zone from the boot data's list in the page's language, else by its IANA name", () => {
    const boot = (lang: "zh-Hans" | "zh-Hant" | "en") => workspaceBoot(lang, "./", { login: "a", name: "A", admin: false }).zones;
    expect(zoneName("Asia/Shanghai", boot("zh-Hans"))).toBe("北京时间");
    expect(zoneName("Asia/Shanghai", boot("zh-Hant"))).toBe("北京時間");
    expect(zoneName("Asia/Urumqi", boot("en"))).toBe("Urumqi Time");
    expect(zoneName("America/New_York", boot("zh-Hans"))).toBe("America/New_York");
  });
});
