import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.js";
import type { Database } from "../../src/db/client.js";
import { responses } from "../../src/db/schema/index.js";
import { RESPONSE_BODY_LIMIT } from "../../src/routes/responses.js";
import { publishSurvey } from "../../src/services/surveys.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let headers: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  headers = await researcherHeaders(database);
  await publishSurvey(database.db, "small", small);
  await publishSurvey(database.db, "other", { ...small, title: "另一份问卷" });
});
afterAll(async () => database.close());

const post = (name: string, body: unknown) =>
  app.request(`/api/surveys/${name}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const stored = (id: string) => database.db.select().from(responses).where(eq(responses.id, id));
const good = { level: "社会组织", staff_count: 12, main_problems: ["管理体制不顺畅", "创新动力不足"] };

describe("storing a response", () => {
  it("stores a valid complete response with its version (201)", async () => {
    const id = crypto.randomUUID();
    const res = await post("small", { id, data: good });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id, version: 1, complete: true, outcome: "created" });
    const [row] = await stored(id);
    expect(row).toMatchObject({ id, version: 1, complete: true, data: good });
    expect(row.completedAt).toBeInstanceOf(Date);
    // No respondent address or agent is kept anywhere in the row.
    expect(Object.keys(row).sort()).toEqual(["bodyHash", "complete", "completedAt", "createdAt", "data", "id", "linkId", "notAsked", "surveyId", "unit", "updatedAt", "version"]);
  });

  it("records questions hidden by logic as not asked and drops answers sent to them", async () => {
    const id = crypto.randomUUID();
    // staff_count shows only for 社会组织: for a city-level respondent it was never asked.
    const res = await post("small", { id, data: { level: "市", staff_count: 5, main_problems: ["经费不足"] } });
    expect(res.status).toBe(201);
    const [row] = await stored(id);
    expect(row.notAsked).toEqual(["staff_count"]);
    expect(row.data).toEqual({ level: "市", main_problems: ["经费不足"] });
    const asked = crypto.randomUUID();
    await post("small", { id: asked, data: good });
    expect((await stored(asked))[0].notAsked).toEqual([]);
  });

  it("answers 200 to a repeat of the same id and body and keeps one row", async () => {
    const id = crypto.randomUUID();
    expect((await post("small", { id, data: good })).status).toBe(201);
    const again = await post("small", { id, data: { ...good } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { outcome: string }).outcome).toBe("repeat");
    expect(await stored(id)).toHaveLength(1);
  });

  it("treats two identical submissions arriving together as one", async () => {
    const id = crypto.randomUUID();
    const [a, b] = await Promise.all([post("small", { id, data: good }), post("small", { id, data: good })]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(await stored(id)).toHaveLength(1);
  });

  it("answers 409 to the same id with different answers, and the first stays", async () => {
    const id = crypto.randomUUID();
    await post("small", { id, data: good });
    const res = await post("small", { id, data: { ...good, staff_count: 99 } });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const [row] = await stored(id);
    expect(row.data).toEqual(good);
  });

  it("lets a partial response be saved, continued and completed under its id", async () => {
    const id = crypto.randomUUID();
    const partial = await post("small", { id, data: { level: "市" }, complete: false });
    expect(partial.status).toBe(201);
    expect((await stored(id))[0].complete).toBe(false);
    const done = await post("small", { id, data: { level: "市", main_problems: ["顶层设计不到位"] }, complete: true });
    expect(done.status).toBe(200);
    expect(((await done.json()) as { outcome: string }).outcome).toBe("updated");
    const [row] = await stored(id);
    expect(row).toMatchObject({ complete: true, data: { level: "市", main_problems: ["顶层设计不到位"] } });
  });

  it("records the older version a response answered when it says so", async () => {
    await publishSurvey(database.db, "small", { ...small, title: "第二版" });
    const id = crypto.randomUUID();
    const res = await post("small", { id, data: good, version: 1 });
    expect(res.status).toBe(201);
    expect((await stored(id))[0].version).toBe(1);
    const current = crypto.randomUUID();
    await post("small", { id: current, data: good });
    expect((await stored(current))[0].version).toBe(2);
  });
});

describe("bad submissions store nothing", () => {
  it("answers 422 with one entry per offending question", async () => {
    const id = crypto.randomUUID();
    const res = await post("small", {
      id,
      data: { level: "火星", main_problems: "管理体制不顺畅", unknown_q: 1 },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { status: number; errors: { question: string; message: string }[] };
    expect(body.status).toBe(422);
    const questions = body.errors.map((e) => e.question).sort();
    expect(questions).toEqual(["level", "main_problems", "unknown_q"]);
    expect(await stored(id)).toHaveLength(0);
  });

  it("rejects a missing required answer and more choices than allowed", async () => {
    const res = await post("small", {
      id: crypto.randomUUID(),
      data: { level: "社会组织", main_problems: ["管理体制不顺畅", "创新动力不足", "有效覆盖不高", "顶层设计不到位"] },
    });
    expect(res.status).toBe(422);
    const questions = ((await res.json()) as { errors: { question: string }[] }).errors.map((e) => e.question).sort();
    expect(questions).toEqual(["main_problems", "staff_count"]);
  });

  it("names the bad field of a malformed body", async () => {
    const res = await post("small", { id: "not-a-uuid", data: [] });
    expect(res.status).toBe(422);
    const questions = ((await res.json()) as { errors: { question: string }[] }).errors.map((e) => e.question).sort();
    expect(questions).toEqual(["data", "id"]);
    expect((await post("small", "{not json")).status).toBe(400);
  });

  it("answers 413 to a body over the limit", async () => {
    const res = await post("small", { id: crypto.randomUUID(), data: { suggestions: "长".repeat(RESPONSE_BODY_LIMIT) } });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { status: number }).status).toBe(413);
  });

  it("answers 404 for an unknown survey or version", async () => {
    expect((await post("nope", { id: crypto.randomUUID(), data: good })).status).toBe(404);
    expect((await post("small", { id: crypto.randomUUID(), data: good, version: 42 })).status).toBe(404);
  });
});

describe("surveys stay apart", () => {
  it("refuses an id already used by another survey without revealing it", async () => {
    const id = crypto.randomUUID();
    await post("other", { id, data: good });
    const res = await post("small", { id, data: good });
    expect(res.status).toBe(409);
    const text = await res.text();
    expect(text).not.toContain("other");
    expect(text).not.toContain("管理体制");
    expect((await stored(id))[0].surveyId).not.toBe(undefined);
  });

  it("lists only the survey's own responses, page by page, for researchers", async () => {
    await publishSurvey(database.db, "paged", small);
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const id = crypto.randomUUID();
      ids.add(id);
      await post("paged", { id, data: { level: "市", main_problems: ["经费不足"] } });
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const url: string = `/api/surveys/paged/responses?limit=2${after ? `&after=${after}` : ""}`;
      const res = await app.request(url, { headers });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { id: string }[]; next: string | null };
      seen.push(...page.items.map((r) => r.id));
      after = page.next;
    } while (after);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(ids);
    expect((await app.request("/api/surveys/paged/responses?after=garbage", { headers })).status).toBe(400);
    expect((await app.request("/api/surveys/paged/responses?limit=0", { headers })).status).toBe(400);
  });
});
