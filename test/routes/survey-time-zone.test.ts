/**
 * A survey's own time zone (issue 11): set and read with its other settings (PATCH
 * /api/surveys/{name}, the survey list), refused with a 422 naming the field when it is no IANA
 * zone, and used wherever the survey's days and clocks are read: CSV (offset), XLSX and .sav
 * (wall-clock date-times), the monitor's days (and the zone it names), the responses list's and the export's day filters,
 * "today" in the survey list. Two responses whose Beijing days differ but whose Urumqi day is one tell the
 * zones apart. On PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { responses } from "../../src/db/schema/index.js";
import { SPSS_EPOCH_OFFSET } from "../../src/services/export/sav-bytes.js";
import { listSurveys } from "../../src/services/surveys.js";
import { publishSurvey } from "../../src/services/surveys.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";
import { readSav } from "../services/export/sav-reader.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let headers: Record<string, string>;

/** 23:30 on 1 March in Beijing, 21:30 in Urumqi. */
const EVENING = "2024-03-01T15:30:00Z";
/** 01:30 on 2 March in Beijing, 23:30 on 1 March in Urumqi. */
const NIGHT = "2024-03-01T17:30:00Z";

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  headers = await researcherHeaders(database);
  await publishSurvey(database.db, "small", small);
  for (const [at, level] of [
    [EVENING, "市"],
    [NIGHT, "区(县)"],
  ]) {
    const id = crypto.randomUUID();
    const res = await app.request("/api/surveys/small/responses", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id, data: { level, main_problems: ["经费不足"] } }),
    });
    expect(res.status).toBe(201);
    await database.db
      .update(responses)
      .set({ createdAt: new Date(at) })
      .where(eq(responses.id, id));
  }
});
afterAll(async () => database?.close());

const setZone = (timeZone: unknown, lang = "en") =>
  app.request("/api/surveys/small", { method: "PATCH", headers: { ...headers, "accept-language": lang }, body: JSON.stringify({ timeZone }) });
const listed = async () => ((await (await app.request("/api/surveys", { headers })).json()) as { surveys: { name: string; timeZone: string }[] }).surveys[0];
const exported = (format: string) => app.request(`/api/surveys/small/export?format=${format}&labels=values`, { headers });
const monitor = async () => (await (await app.request("/api/surveys/small/monitor", { headers })).json()) as { timeZone: string; days: { date: string; complete: number }[] };
const monitorDays = async () => (await monitor()).days;
const listedOn = async (day: string) =>
  ((await (await app.request(`/api/surveys/small/responses?from=${day}&to=${day}`, { headers })).json()) as { items: { data: { level: string } }[] }).items.map(
    (r) => r.data.level,
  );
/** The levels an export holds with `from`/`to` both set to the day (JSON Lines, one response a line). */
const exportedOn = async (day: string) =>
  (await (await app.request(`/api/surveys/small/export?format=jsonl&labels=values&from=${day}&to=${day}`, { headers })).text())
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { level: string }).level)
    .sort();
const xlsxTimes = async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await (await exported("xlsx")).arrayBuffer());
  const times: string[] = [];
  workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cell.value instanceof Date && times.push(cell.value.toISOString())));
  return times.sort();
};
const savTimes = async () => {
  const file = readSav(Buffer.from(await (await exported("sav")).arrayBuffer()));
  const at = file.variables.findIndex((v) => v.name === "created_at");
  return file.rows.map((r) => new Date(((r[at] as number) - SPSS_EPOCH_OFFSET) * 1000).toISOString()).sort();
};
const todayCount = async () => {
  const [survey] = await listSurveys(database.db, { userId: null, admin: true } as never, new Date("2024-03-01T17:50:00Z"));
  return survey.responses.today;
};

describe("the setting", () => {
  it("is Asia/Shanghai by default, and the times read so", async () => {
    expect((await listed()).timeZone).toBe("Asia/Shanghai");
    const csv = await (await exported("csv")).text();
    expect(csv).toContain("2024-03-01 23:30:00+08:00");
    expect(csv).toContain("2024-03-02 01:30:00+08:00");
    expect(await monitorDays()).toEqual([expect.objectContaining({ date: "2024-03-01" }), expect.objectContaining({ date: "2024-03-02" })]);
    expect((await monitor()).timeZone).toBe("Asia/Shanghai");
    expect(await listedOn("2024-03-02")).toEqual(["区(县)"]);
    expect(await exportedOn("2024-03-01")).toEqual(["市"]);
    expect(await exportedOn("2024-03-02")).toEqual(["区(县)"]);
    expect(await todayCount()).toBe(1);
  });

  it("refuses a name that is no IANA zone with a 422 naming timeZone, in the caller's language", async () => {
    for (const bad of ["Mars/Olympus", "+06:00", "GMT+6", ""]) {
      const res = await setZone(bad);
      expect(res.status, bad).toBe(422);
      const body = (await res.json()) as { errors: { question: string; message: string }[] };
      expect(body.errors).toEqual([expect.objectContaining({ question: "timeZone" })]);
    }
    const zh = (await (await setZone("Mars/Olympus", "zh-CN")).json()) as { errors: { message: string }[] };
    expect(zh.errors[0].message).toContain("不是时区名称");
    expect((await setZone(6)).status).toBe(422);
    expect((await listed()).timeZone).toBe("Asia/Shanghai");
  });

  it("is set through PATCH with the survey's other settings, in its canonical spelling", async () => {
    const res = await setZone("asia/urumqi");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: "small", status: "open", timeZone: "Asia/Urumqi" });
    expect((await listed()).timeZone).toBe("Asia/Urumqi");
  });
});

describe("in Asia/Urumqi", () => {
  it("CSV writes the wall-clock times with +06:00", async () => {
    const csv = await (await exported("csv")).text();
    expect(csv).toContain("2024-03-01 21:30:00+06:00");
    expect(csv).toContain("2024-03-01 23:30:00+06:00");
    expect(csv).not.toContain("+08:00");
  });

  it("XLSX and .sav write Urumqi wall-clock date-times", async () => {
    const wall = ["2024-03-01T21:30:00.000Z", "2024-03-01T23:30:00.000Z"];
    expect((await xlsxTimes()).filter((t) => t.startsWith("2024-03-01"))).toEqual(wall);
    expect(await savTimes()).toEqual(wall);
  });

  it(".sav's header and documents give the export's moment on Urumqi's clock", async () => {
    const before = Date.now();
    const file = readSav(Buffer.from(await (await exported("sav")).arrayBuffer()));
    const after = Date.now();
    // The header's fields carry no zone: they are the wall clock in the survey's zone (UTC+6).
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const two = (n: number) => String(n).padStart(2, "0");
    const header = (ms: number) => {
      const wall = new Date(ms + 6 * 3_600_000);
      return `${two(wall.getUTCDate())} ${months[wall.getUTCMonth()]} ${two(wall.getUTCFullYear() % 100)} ${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`;
    };
    expect([header(before), header(after)]).toContain(`${file.created.date} ${file.created.time.slice(0, 5)}`);
    expect(file.documents.join("\n")).toMatch(/Exported \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+06:00 by dangjian-survey/);
  });

  it("the monitor's days, the day filters and today are Urumqi days", async () => {
    expect(await monitor()).toMatchObject({ timeZone: "Asia/Urumqi", days: [expect.objectContaining({ date: "2024-03-01", complete: 2 })] });
    expect(await monitorDays()).toHaveLength(1);
    expect((await listedOn("2024-03-01")).sort()).toEqual(["区(县)", "市"]);
    expect(await listedOn("2024-03-02")).toEqual([]);
    expect(await exportedOn("2024-03-01")).toEqual(["区(县)", "市"]);
    expect(await exportedOn("2024-03-02")).toEqual([]);
    expect(await todayCount()).toBe(2);
  });
});
