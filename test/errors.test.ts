import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { phrase } from "../i18n/phrase.js";
import { AppError, fieldError, onError, problem } from "../src/errors.js";
import { requestLanguage } from "../src/middleware/language.js";

/** A tiny app with the platform's language middleware and error handler. */
function appThrowing(error: () => Error) {
  const app = new Hono();
  app.onError(onError);
  app.use(requestLanguage());
  app.get("/", () => {
    throw error();
  });
  return app;
}

describe("AppError", () => {
  it("keeps its English detail and field messages for callers without a request", () => {
    const error = new AppError("not_found", phrase("surveys.noVersion", { name: "demo", version: 3 }), [
      fieldError("version", "no_version", phrase("surveys.noVersion", { name: "demo", version: 3 })),
    ]);
    expect(error.message).toBe("Survey 'demo' has no version 3.");
    expect(error.detail).toBe("Survey 'demo' has no version 3.");
    expect(error.errors).toEqual([{ question: "version", code: "no_version", message: "Survey 'demo' has no version 3." }]);
  });

  it("is said in the request's language by onError, with stable codes", async () => {
    const app = appThrowing(() => new AppError("conflict", phrase("responses.idInUse", { id: "x" }), [fieldError("id", "id_in_use", phrase("responses.idInUse", { id: "x" }))]));
    const res = await app.request("/", { headers: { "accept-language": "zh-TW" } });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      type: "/problems/conflict",
      title: "衝突",
      status: 409,
      detail: "答卷編號 x 已被使用，請換一個新編號。",
      detailCode: "responses.idInUse",
      errors: [{ question: "id", code: "id_in_use", message: "答卷編號 x 已被使用，請換一個新編號。" }],
    });
  });

  it("still takes a plain string, sent as written (sites not converted yet)", async () => {
    const app = appThrowing(() => new AppError("unprocessable", "Plain English detail.", [{ question: "q", message: "plain reason" }]));
    const body = await (await app.request("/?lang=zh-Hant")).json();
    expect(body).toEqual({
      type: "/problems/unprocessable",
      title: "無法處理的內容",
      status: 422,
      detail: "Plain English detail.",
      errors: [{ question: "q", message: "plain reason" }],
    });
  });

  it("words an unexpected error's 500 in the request's language", async () => {
    const app = appThrowing(() => new Error("boom"));
    const original = console.error;
    console.error = () => {};
    try {
      const body = await (await app.request("/", { headers: { "accept-language": "zh-CN" } })).json();
      expect(body).toMatchObject({ status: 500, title: "服务器内部错误", detail: "服务器处理此请求时出错。", detailCode: "http.internal" });
    } finally {
      console.error = original;
    }
  });
});

describe("problem", () => {
  it("defaults to Simplified Chinese", () => {
    expect(problem("not_found", phrase("surveys.notFound", { name: "demo" }))).toEqual({
      type: "/problems/not-found",
      title: "未找到",
      status: 404,
      detail: "没有名为“demo”的问卷。",
      detailCode: "surveys.notFound",
    });
  });
});
