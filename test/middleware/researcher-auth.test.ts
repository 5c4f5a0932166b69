import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { signedInCookie } from "../helpers/accounts.js";
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let cookie: string;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  cookie = await signedInCookie(app, database, "researcher");
});
afterAll(async () => database.close());

const publish = (headers: Record<string, string>) =>
  app.request("/api/surveys", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ name: "small", json: small }) });

describe("researcher calls", () => {
  it("accept a session cookie as well as a bearer token", async () => {
    expect((await app.request("/api/surveys", { headers: { cookie } })).status).toBe(200);
    expect((await app.request("/api/surveys", { headers: await researcherHeaders(database) })).status).toBe(200);
    expect((await publish({ cookie, origin: "http://localhost", "sec-fetch-site": "same-origin" })).status).toBe(201);
  });

  it("answer 401 as before with neither, and for a session that was signed out", async () => {
    const none = await app.request("/api/surveys");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="researcher"');
    const own = await signedInCookie(app, database, "short-lived");
    await app.request("/api/session", { method: "DELETE", headers: { cookie: own } });
    const ended = await app.request("/api/surveys", { headers: { cookie: own } });
    expect(ended.status).toBe(401);
    expect(((await ended.json()) as { detailCode: string }).detailCode).toBe("accounts.sessionInvalid");
  });

  it("refuse a cross-site state-changing request that carries a session cookie (403), by Sec-Fetch-Site or Origin", async () => {
    const bySite = await publish({ cookie, "sec-fetch-site": "cross-site" });
    expect(bySite.status).toBe(403);
    expect(((await bySite.json()) as { detailCode: string }).detailCode).toBe("accounts.crossSite");
    expect((await publish({ cookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await publish({ cookie, origin: "null" })).status).toBe(403);
    // A cross-site form post carrying the cookie (text/plain or form-encoded is what a form can send).
    const form = await app.request("http://localhost/api/session", {
      method: "DELETE",
      headers: { cookie, origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(403);
    expect((await app.request("/api/session", { headers: { cookie } })).status).toBe(200);
  });

  it("let bearer-token calls from anywhere through, as before (no cookie, no check)", async () => {
    const headers = await researcherHeaders(database);
    expect(
      (await app.request("/api/surveys", { method: "POST", headers: { ...headers, origin: "https://elsewhere.example" }, body: JSON.stringify({ name: "small", json: small }) }))
        .status,
    ).toBe(200);
  });
});
