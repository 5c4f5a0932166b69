import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let headers: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  headers = await researcherHeaders(database);
});
afterAll(async () => database.close());

const convert = (body: unknown, extra: Record<string, string> = {}) =>
  app.request("/api/questionnaires/convert-chinese", { method: "POST", headers: { ...headers, ...extra }, body: JSON.stringify(body) });

const questionnaire = { title: "网络调查", elements: [{ type: "radiogroup", name: "q", title: { default: "软件", "zh-tw": "軟件（人工）" }, choices: ["信息"] }] };

describe("happy path", () => {
  it("fills the missing zh-Hant texts in Taiwan's standard and lists them", async () => {
    const res = await convert({ json: questionnaire, direction: "to-traditional", standard: "tw", converted: [] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      json: {
        title: { default: "网络调查", "zh-tw": "網路調查" },
        elements: [{ type: "radiogroup", name: "q", title: { default: "软件", "zh-tw": "軟件（人工）" }, choices: [{ value: "信息", text: { "zh-tw": "資訊" } }] }],
      },
      converted: ["survey/title@zh-Hant", "question:q/choices:信息/text@zh-Hant"],
      count: 2,
      standard: "tw",
    });
  });

  it("writes Hong Kong's standard, and re-converts a listed text", async () => {
    const res = await convert({ json: { title: { default: "网络", "zh-tw": "網路" } }, direction: "to-traditional", standard: "hk", converted: ["survey/title@zh-Hant"] });
    expect(await res.json()).toEqual({ json: { title: { default: "网络", "zh-tw": "網絡" } }, converted: ["survey/title@zh-Hant"], count: 1, standard: "hk" });
  });

  it("fills zh-Hans from zh-Hant", async () => {
    const res = await convert({ json: { locale: "zh-tw", title: "黨組織單獨建立" }, direction: "to-simplified", standard: "tw" });
    expect(await res.json()).toEqual({
      json: { locale: "zh-tw", title: { default: "黨組織單獨建立", "zh-cn": "党组织单独建立" } },
      converted: ["survey/title@zh-Hans"],
      count: 1,
      standard: "tw",
    });
  });
});

describe("the survey's standard", () => {
  const network = { title: "网络调查" };
  const filled = async (res: Response) => {
    expect(res.status).toBe(200);
    const body = (await res.json()) as { json: { title: Record<string, string> }; standard: string };
    return { zhTw: body.json.title["zh-tw"], standard: body.standard };
  };

  it("follows the standard the survey keeps (PATCH …{traditionalStandard}) when the call names none, Taiwan's without a survey", async () => {
    expect((await app.request("/api/surveys/new", { method: "POST", headers, body: JSON.stringify({ name: "hongkong", from: { kind: "empty" } }) })).status).toBe(201);
    expect(await filled(await convert({ json: network, direction: "to-traditional", survey: "hongkong" }))).toEqual({ zhTw: "網路調查", standard: "tw" });
    const set = await app.request("/api/surveys/hongkong", { method: "PATCH", headers, body: JSON.stringify({ traditionalStandard: "hk" }) });
    expect(set.status).toBe(200);
    expect(((await set.json()) as { traditionalStandard: string }).traditionalStandard).toBe("hk");
    expect(await filled(await convert({ json: network, direction: "to-traditional", survey: "hongkong" }))).toEqual({ zhTw: "網絡調查", standard: "hk" });
    // A standard named in the call wins; no survey and no standard is Taiwan's.
    expect(await filled(await convert({ json: network, direction: "to-traditional", survey: "hongkong", standard: "tw" }))).toEqual({ zhTw: "網路調查", standard: "tw" });
    expect(await filled(await convert({ json: network, direction: "to-traditional" }))).toEqual({ zhTw: "網路調查", standard: "tw" });
  });

  it("answers 404 for a survey the caller may not read, as for one that does not exist", async () => {
    const res = await convert({ json: network, direction: "to-traditional", survey: "no-such-survey" }, { "accept-language": "en" });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { detail: string }).detail).toBe("There is no survey 'no-such-survey'.");
  });
});

describe("errors", () => {
  it("answers 422 naming each bad field, in the caller's language", async () => {
    const res = await convert({ json: [], direction: "sideways", standard: "mo", converted: [1] }, { "accept-language": "zh-CN" });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { question: string; message: string }[] };
    expect(body.errors.map((e) => e.question).sort()).toEqual(["converted.0", "direction", "json", "standard"]);
    expect(body.errors.find((e) => e.question === "direction")?.message).toContain("to-traditional");
    expect(body.errors.find((e) => e.question === "standard")?.message).toBe("“mo”不是 tw、hk 之一");
    expect(body.errors.find((e) => e.question === "json")?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("answers 422 when a field is missing", async () => {
    const res = await convert({ json: {}, standard: "tw" }, { "accept-language": "en" });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { question: string }[] };
    expect(body.errors.map((e) => e.question)).toEqual(["direction"]);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const res = await app.request("/api/questionnaires/convert-chinese", { method: "POST", headers, body: "{" });
    expect(res.status).toBe(400);
  });
});

describe("security", () => {
  it("needs a signed-in researcher", async () => {
    const res = await app.request("/api/questionnaires/convert-chinese", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: questionnaire, direction: "to-traditional", standard: "tw" }),
    });
    expect(res.status).toBe(401);
  });

  it("keeps names that are properties of every object as they are", async () => {
    const json = JSON.parse('{"elements":[{"type":"radiogroup","name":"__proto__","title":"层级","choices":[{"value":"constructor","text":"组织"}]}]}');
    const res = await convert({ json, direction: "to-traditional", standard: "tw" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { converted: string[] };
    expect(body.converted).toEqual(["question:__proto__/title@zh-Hant", "question:__proto__/choices:constructor/text@zh-Hant"]);
  });
});
