/**
 * Single-use invitation codes of a collection link: once a link has any, it takes answers
 * only with one; each code carries one response (that response may be saved, continued and
 * completed under it), and every refusal is a 422 naming `invitation` with nothing stored.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { responses } from "../../src/db/schema/index.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let auth: Record<string, string>;
let link = "";
let open = "";
let codes: { code: string; url: string; usedAt: string | null }[] = [];

const json = { "content-type": "application/json" };
const good = { level: "社会组织", staff_count: 12, main_problems: ["管理体制不顺畅"] };
const submit = (body: Record<string, unknown>, lang = "zh-CN") =>
  app.request("/api/surveys/invited/responses", { method: "POST", headers: { ...json, "accept-language": lang }, body: JSON.stringify({ data: good, ...body }) });
const stored = async (id: string) => (await database.db.select({ n: count() }).from(responses).where(eq(responses.id, id)))[0].n;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  auth = await researcherHeaders(database);
  await app.request("/api/surveys", { method: "POST", headers: auth, body: JSON.stringify({ name: "invited", json: small }) });
  link = ((await (await app.request("/api/surveys/invited/links", { method: "POST", headers: auth, body: JSON.stringify({ unit: "朝阳区" }) })).json()) as { code: string }).code;
  open = ((await (await app.request("/api/surveys/invited/links", { method: "POST", headers: auth, body: JSON.stringify({ unit: "海淀区" }) })).json()) as { code: string }).code;
});
afterAll(async () => database.close());

describe("invitation codes", () => {
  it("makes codes with their own addresses", async () => {
    const res = await app.request(`http://survey.example.cn/api/surveys/invited/links/${link}/invitations`, { method: "POST", headers: auth, body: JSON.stringify({ count: 3 }) });
    expect(res.status).toBe(201);
    codes = ((await res.json()) as { invitations: typeof codes }).invitations;
    expect(codes).toHaveLength(3);
    expect(new Set(codes.map((c) => c.code)).size).toBe(3);
    expect(codes[0].url).toBe(`http://survey.example.cn/s/invited?c=${link}&i=${codes[0].code}`);
    expect(codes.every((c) => c.usedAt === null)).toBe(true);
  });

  it("refuses a submission through the link without a code, or with one it did not make", async () => {
    const id = crypto.randomUUID();
    const none = await submit({ id, link }, "en");
    expect(none.status).toBe(422);
    const body = (await none.json()) as { detail: string; errors: { question: string; code: string }[] };
    expect(body.errors).toMatchObject([{ question: "invitation", code: "invitation_required" }]);
    expect(body.detail).toMatch(/invitation code only; nothing was stored/);
    const made = await submit({ id, link, invitation: "nosuchcode" });
    expect(made.status).toBe(422);
    expect(((await made.json()) as { errors: { code: string }[] }).errors[0].code).toBe("unknown_invitation");
    expect(await stored(id)).toBe(0);
  });

  it("takes one response per code: saved, continued and completed under it; another response is refused", async () => {
    const id = crypto.randomUUID();
    const invitation = codes[0].code;
    expect((await submit({ id, link, invitation, complete: false, data: { level: "市" } })).status).toBe(201);
    expect((await submit({ id, link, invitation })).status).toBe(200);
    // The same body again (a phone retrying) is a repeat.
    expect((await submit({ id, link, invitation })).status).toBe(200);
    const other = crypto.randomUUID();
    const used = await submit({ id: other, link, invitation }, "zh-CN");
    expect(used.status).toBe(422);
    const body = (await used.json()) as { detail: string; errors: { question: string; code: string }[] };
    expect(body.errors).toMatchObject([{ question: "invitation", code: "invitation_used" }]);
    expect(body.detail).toContain("已被另一份答卷使用");
    expect(await stored(other)).toBe(0);
    // A link that hands out no codes takes the response and leaves the other link's code unspent.
    expect((await submit({ id: other, link: open, invitation: codes[1].code })).status).toBe(201);
  });

  it("lists the codes with when each was used, as JSON and as CSV", async () => {
    const list = (await (await app.request(`/api/surveys/invited/links/${link}/invitations`, { headers: auth })).json()) as { invitations: typeof codes };
    expect(list.invitations.map((c) => c.code)).toEqual(codes.map((c) => c.code));
    expect(list.invitations.map((c) => c.usedAt !== null)).toEqual([true, false, false]);
    const csv = await app.request(`/api/surveys/invited/links/${link}/invitations?format=csv`, { headers: auth });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("code,url,used_at");
    expect(lines).toHaveLength(4);
  });

  it("leaves links without codes open to anyone", async () => {
    expect((await submit({ id: crypto.randomUUID(), link: open })).status).toBe(201);
  });

  it("names a count out of range", async () => {
    const res = await app.request(`/api/surveys/invited/links/${link}/invitations`, {
      method: "POST",
      headers: { ...auth, "accept-language": "en" },
      body: JSON.stringify({ count: 0 }),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { question: string; message: string }[] };
    expect(body.errors[0]).toMatchObject({ question: "count" });
    expect(body.errors[0].message).toMatch(/1 to 5000/);
  });
});
