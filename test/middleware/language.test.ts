import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import type { Database } from "../../src/db/client.js";
import { publishSurvey } from "../../src/services/surveys.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp({ db: database.db, kind: database.kind });
  await publishSurvey(database.db, "small", small);
});
afterAll(async () => database.close());

interface Problem {
  title: string;
  detail: string;
  detailCode?: string;
  errors: { question: string; message: string; code?: string }[];
}

/**
 * One refused submission of each kind: a string for a checkbox, an unknown key, a required answer
 * left out (survey-core's own error: staff_count shows for 社会组织).
 */
async function refuse(headers: Record<string, string> = {}, query = ""): Promise<Problem> {
  const res = await app.request(`/api/surveys/small/responses${query}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ id: crypto.randomUUID(), data: { level: "社会组织", main_problems: "经费不足", unknown_q: 1 } }),
  });
  expect(res.status).toBe(422);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  return (await res.json()) as Problem;
}

const message = (body: Problem, question: string) => body.errors.find((e) => e.question === question)?.message;

describe("problem+json in the request's language", () => {
  it("answers Traditional Chinese to Accept-Language: zh-TW", async () => {
    const body = await refuse({ "accept-language": "zh-TW,zh;q=0.9,en;q=0.8" });
    expect(body.title).toBe("無法處理的內容");
    expect(body.detail).toBe("答案與問卷「small」第 1 版不符：有 3 道題需要修改。");
    expect(message(body, "main_problems")).toBe("應為由選項值組成的陣列，收到的是字串。");
    expect(message(body, "unknown_q")).toBe('沒有題目 "unknown_q"。');
    // survey-core's own text in its Traditional Chinese table.
    expect(message(body, "staff_count")).toBe("請填寫此問題");
  });

  it("answers English to Accept-Language: en", async () => {
    const body = await refuse({ "accept-language": "en-GB" });
    expect(body.title).toBe("Unprocessable content");
    expect(body.detail).toBe("The answers do not fit version 1 of 'small': 3 question(s) need attention.");
    expect(message(body, "main_problems")).toBe("Expected an array of choice values, got a string.");
    expect(message(body, "unknown_q")).toBe('Unknown question "unknown_q".');
    expect(message(body, "staff_count")).toBe("Response required.");
  });

  it("answers Simplified Chinese without Accept-Language", async () => {
    const body = await refuse();
    expect(body.title).toBe("无法处理的内容");
    expect(body.detail).toBe("答案与问卷“small”第 1 版不符：有 3 道题需要修改。");
    expect(message(body, "main_problems")).toBe("应为由选项值组成的数组，收到的是字符串。");
    expect(message(body, "staff_count")).toBe("请填写此问题");
  });

  it("lets ?lang= beat Accept-Language", async () => {
    const body = await refuse({ "accept-language": "zh-TW" }, "?lang=en");
    expect(body.title).toBe("Unprocessable content");
    expect(message(body, "unknown_q")).toBe('Unknown question "unknown_q".');
  });

  it("keeps the codes the same in every language, so clients never read the text", async () => {
    const [hant, en] = await Promise.all([refuse({ "accept-language": "zh-HK" }), refuse({ "accept-language": "en" })]);
    expect(hant.detailCode).toBe("responses.answersInvalid");
    expect(en.detailCode).toBe("responses.answersInvalid");
    expect(hant.errors.map((e) => [e.question, e.code])).toEqual(en.errors.map((e) => [e.question, e.code]));
    expect(en.errors.map((e) => e.code).sort()).toEqual(["required", "unknown_question", "wrong_type"]);
  });

  it("words a 404 and a 401 in the request's language too", async () => {
    const missing = (await (await app.request("/api/surveys/nope", { headers: { "accept-language": "zh-Hant" } })).json()) as Problem;
    expect(missing).toMatchObject({ title: "找不到", detail: "沒有名為「nope」的問卷。", detailCode: "surveys.notFound" });
    const unauthorized = (await (await app.request("/api/surveys/small/responses?lang=en")).json()) as Problem;
    expect(unauthorized).toMatchObject({ title: "Unauthorized", detailCode: "http.tokenMissing" });
  });
});
