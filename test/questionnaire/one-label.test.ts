/**
 * One model, one label: an answer to a question whose choices come from another question
 * (`choicesFromQuestion`) carries the same text in the frequencies, the cross-tab, the CSV export,
 * the .sav value labels and the report — all of them read the questionnaire model.
 */
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import type { Database } from "../../src/db/client.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";
import { readSav } from "../services/export/sav-reader.js";

const SURVEY = "carry-forward";
const QUESTIONNAIRE = {
  title: "活动调查",
  elements: [
    { type: "radiogroup", name: "level", title: "层级", choices: ["市", "区"] },
    {
      type: "checkbox",
      name: "activities",
      title: "开展过哪些活动",
      showOtherItem: true,
      choices: [
        { value: "meet", text: { default: "三会一课", en: "Three meetings, one lesson" } },
        { value: "day", text: { default: "主题党日", en: "Theme day" } },
      ],
    },
    { type: "radiogroup", name: "main_activity", title: "最主要的活动", choicesFromQuestion: "activities", choicesFromQuestionMode: "selected" },
  ],
};

let database: Database;
let app: ReturnType<typeof createApp>;
let auth: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp({ db: database.db, kind: database.kind });
  auth = await researcherHeaders(database);
  const published = await app.request("/api/surveys", { method: "POST", headers: auth, body: JSON.stringify({ name: SURVEY, json: QUESTIONNAIRE }) });
  expect(published.status).toBe(201);
  const answers = [
    { level: "市", activities: ["meet", "day"], main_activity: "meet" },
    { level: "市", activities: ["meet"], main_activity: "meet" },
    { level: "区", activities: ["day"], main_activity: "day" },
  ];
  for (const [i, data] of answers.entries()) {
    const res = await app.request(`/api/surveys/${SURVEY}/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: `00000000-0000-4000-8000-00000000000${i + 1}`, data }),
    });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => database.close());

const post = (path: string, body: unknown) => app.request(`/api/surveys/${SURVEY}${path}`, { method: "POST", headers: auth, body: JSON.stringify(body) });

describe("an answer copied from another question's choices", () => {
  it("is labelled with the source's text in the frequencies, in every language", async () => {
    for (const [lang, label] of [
      ["zh-Hans", "三会一课"],
      ["en", "Three meetings, one lesson"],
    ] as const) {
      const body = (await (await post("/analysis/frequencies", { question: "main_activity", lang })).json()) as {
        categories: { value: unknown; label: string; unlisted?: true }[];
        counts: number[];
      };
      const k = body.categories.findIndex((c) => c.value === "meet");
      expect(body.categories[k]).toEqual({ value: "meet", label });
      expect(body.counts[k]).toBe(2);
    }
  });

  it("is labelled the same in the cross-tab", async () => {
    const body = (await (await post("/analysis/crosstab", { row: "main_activity", column: "level" })).json()) as { rowCategories: { value: unknown; label: string }[] };
    expect(body.rowCategories.find((r) => r.value === "meet")).toEqual({ value: "meet", label: "三会一课" });
  });

  it("is labelled the same in the CSV export and the .sav value labels", async () => {
    const csv = Buffer.from(await (await app.request(`/api/surveys/${SURVEY}/export?format=csv`, { headers: auth })).arrayBuffer()).toString("utf8");
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    const column = header.split(",").indexOf("main_activity");
    expect(lines.map((l) => l.split(",")[column]).sort()).toEqual(["三会一课", "三会一课", "主题党日"]);

    const sav = readSav(Buffer.from(await (await app.request(`/api/surveys/${SURVEY}/export?format=sav`, { headers: auth })).arrayBuffer()));
    const variable = sav.variables.find((v) => v.name === "main_activity")!;
    expect([...variable.valueLabels.values()]).toContain("三会一课");
  });

  it("is labelled the same in the report", async () => {
    const res = await post("/report", { title: "报告", analyses: [{ type: "frequencies", title: "最主要的活动", question: "main_activity" }] });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const html = Buffer.from(files["report.html"]).toString("utf8");
    expect(html).toContain("三会一课");
    expect(html).toContain("主题党日");
  });
});
