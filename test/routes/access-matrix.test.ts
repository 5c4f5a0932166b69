/**
 * Every role against every researcher endpoint of a survey (issue 10): owner, editor,
 * analyst, viewer, an analyst limited to one unit, an account that is no member, no
 * credentials, and a revoked token. Each cell asserts the status; each read that succeeds
 * is checked to hold no other survey's rows and, for the unit-limited analyst, no other
 * unit's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createUser } from "../../src/services/accounts/users.js";
import type { Permission, Role } from "../../src/services/access/permissions.js";
import { createToken, revokeToken } from "../../src/services/tokens.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;

type Who = Role | "unitAnalyst" | "stranger" | "signedOut" | "revoked";
const WHO: Who[] = ["owner", "editor", "analyst", "viewer", "unitAnalyst", "stranger", "signedOut", "revoked"];
const headers: Partial<Record<Who, Record<string, string>>> = {};
const json = { "content-type": "application/json" };

const v2 = { ...small, title: "小型测试问卷（第二版）" };
const answer = (level: string) => ({ level, staff_count: 12, main_problems: ["管理体制不顺畅"] });
/** Responses of the survey under test, by unit; the other survey holds its own. */
const SENT = { 朝阳区: 3, 海淀区: 2 } as const;
const ids: Record<string, string[]> = { 朝阳区: [], 海淀区: [], other: [] };
let chaoyangCode = "";
let haidianCode = "";

async function tokenFor(login: string, role?: { survey: string; role: Role; unit?: string }) {
  const user = await createUser(database.db, { login, name: `<b>${login}</b>`, password: "correct horse battery" });
  const { token } = await createToken(database.db, login, user.id);
  const h = { authorization: `Bearer ${token}`, ...json };
  if (role) {
    const res = await app.request(`/api/surveys/${role.survey}/members/${login}`, {
      method: "PUT",
      headers: headers.owner,
      body: JSON.stringify({ role: role.role, unit: role.unit ?? null }),
    });
    expect(res.status).toBe(200);
  }
  return h;
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  headers.owner = await tokenFor("owner");
  // The owner creates the survey and so owns it; someone else owns another.
  expect((await app.request("/api/surveys", { method: "POST", headers: headers.owner, body: JSON.stringify({ name: "small", json: small }) })).status).toBe(201);
  // A second version, so that version 1 is an old one (for members only).
  expect((await app.request("/api/surveys", { method: "POST", headers: headers.owner, body: JSON.stringify({ name: "small", json: v2 }) })).status).toBe(201);
  const otherOwner = await tokenFor("other-owner");
  expect((await app.request("/api/surveys", { method: "POST", headers: otherOwner, body: JSON.stringify({ name: "other", json: small }) })).status).toBe(201);
  headers.editor = await tokenFor("editor", { survey: "small", role: "editor" });
  headers.analyst = await tokenFor("analyst", { survey: "small", role: "analyst" });
  headers.viewer = await tokenFor("viewer", { survey: "small", role: "viewer" });
  headers.unitAnalyst = await tokenFor("unit-analyst", { survey: "small", role: "analyst", unit: "朝阳区" });
  headers.stranger = await tokenFor("stranger");
  headers.signedOut = json;
  const revokedUser = await createUser(database.db, { login: "revoked", name: "revoked", password: "correct horse battery" });
  const revoked = await createToken(database.db, "revoked", revokedUser.id);
  headers.revoked = { authorization: `Bearer ${revoked.token}`, ...json };
  await app.request("/api/surveys/small/members/revoked", { method: "PUT", headers: headers.owner, body: JSON.stringify({ role: "owner" }) });
  await revokeToken(database.db, revoked.id);

  for (const [unit, n] of Object.entries(SENT)) {
    const link = (await (await app.request("/api/surveys/small/links", { method: "POST", headers: headers.owner, body: JSON.stringify({ unit }) })).json()) as { code: string };
    if (unit === "朝阳区") chaoyangCode = link.code;
    else haidianCode = link.code;
    for (let i = 0; i < n; i++) {
      const id = crypto.randomUUID();
      ids[unit].push(id);
      const res = await app.request("/api/surveys/small/responses", { method: "POST", headers: json, body: JSON.stringify({ id, link: link.code, data: answer("市") }) });
      expect(res.status).toBe(201);
    }
  }
  for (let i = 0; i < 4; i++) {
    const id = crypto.randomUUID();
    ids.other.push(id);
    await app.request("/api/surveys/other/responses", { method: "POST", headers: json, body: JSON.stringify({ id, data: answer("区") }) });
  }
  await createUser(database.db, { login: "ghost", name: "ghost", password: "correct horse battery" });
});
afterAll(async () => database.close());

interface Cell {
  name: string;
  method: string;
  path: string | (() => string);
  body?: unknown;
  permission: Permission;
  /** Status when allowed. */
  ok: number;
  /** Run before each caller's request (by the owner): puts the state back. */
  before?: () => Promise<void>;
  /** For an allowed read: what the answer must (and must not) hold. */
  check?: (res: Response, who: Who) => Promise<void>;
}

const frequencies = { question: "main_problems", filter: { unit: ["海淀区"] } };

/** Every unit a caller should see, and the response ids that go with it. */
const seen = (who: Who) => (who === "unitAnalyst" ? ids.朝阳区 : [...ids.朝阳区, ...ids.海淀区]);

const CELLS: Cell[] = [
  { name: "list derived variables", method: "GET", path: "/api/surveys/small/variables", permission: "analyse", ok: 200 },
  {
    name: "define a derived variable",
    method: "POST",
    path: "/api/surveys/small/variables",
    body: { name: "city", from: "level", equals: "市" },
    permission: "variables",
    ok: 201,
    before: async () => {
      await app.request("/api/surveys/small/variables/city", { method: "DELETE", headers: headers.owner });
    },
  },
  {
    name: "redefine a derived variable",
    method: "PUT",
    path: "/api/surveys/small/variables/kept",
    body: { name: "kept", from: "staff_count", bins: [{ label: "<10", max: 10 }] },
    permission: "variables",
    ok: 200,
    before: async () => {
      await app.request("/api/surveys/small/variables", { method: "POST", headers: headers.owner, body: JSON.stringify({ name: "kept", from: "staff_count", equals: 0 }) });
    },
  },
  {
    name: "delete a derived variable",
    method: "DELETE",
    path: "/api/surveys/small/variables/gone",
    permission: "variables",
    ok: 204,
    before: async () => {
      await app.request("/api/surveys/small/variables", {
        method: "POST",
        headers: headers.owner,
        body: JSON.stringify({ name: "gone", from: "main_problems", option: "经费不足" }),
      });
    },
  },
  { name: "read a draft-or-old version", method: "GET", path: "/api/surveys/small?version=1", permission: "read", ok: 200 },
  { name: "change the survey's life", method: "PATCH", path: "/api/surveys/small", body: { status: "open" }, permission: "edit", ok: 200 },
  // The current version again: allowed callers get the unchanged 200.
  { name: "publish a new version", method: "POST", path: "/api/surveys", body: { name: "small", json: v2 }, permission: "edit", ok: 200 },
  {
    name: "list responses",
    method: "GET",
    path: "/api/surveys/small/responses",
    permission: "responses",
    ok: 200,
    check: async (res, who) => {
      const body = (await res.json()) as { items: { id: string }[] };
      expect(body.items.map((i) => i.id).sort()).toEqual([...seen(who)].sort());
    },
  },
  {
    name: "export CSV",
    method: "GET",
    path: "/api/surveys/small/export?format=csv",
    permission: "export",
    ok: 200,
    check: async (res, who) => {
      const text = await res.text();
      for (const id of seen(who)) expect(text).toContain(id);
      for (const id of [...ids.other, ...(who === "unitAnalyst" ? ids.海淀区 : [])]) expect(text).not.toContain(id);
    },
  },
  { name: "codebook", method: "GET", path: "/api/surveys/small/export/codebook", permission: "export", ok: 200 },
  { name: "list stored reports", method: "GET", path: "/api/surveys/small/reports", permission: "analyse", ok: 200 },
  { name: "store a report", method: "POST", path: "/api/surveys/small/reports", body: { title: "报告", analyses: [] }, permission: "reports", ok: 201 },
  {
    name: "one response (of the unit every member may see)",
    method: "GET",
    path: () => `/api/surveys/small/responses/${ids.朝阳区[0]}`,
    permission: "responses",
    ok: 200,
    check: async (res) => expect(((await res.json()) as { unit: string }).unit).toBe("朝阳区"),
  },
  {
    name: "monitor",
    method: "GET",
    path: "/api/surveys/small/monitor",
    permission: "analyse",
    ok: 200,
    check: async (res, who) => {
      const body = (await res.json()) as { total: { complete: number; partial: number }; units: { unit: string | null }[] };
      expect(body.total.complete + body.total.partial).toBe(seen(who).length);
      expect(body.units.map((u) => u.unit).sort()).toEqual(who === "unitAnalyst" ? ["朝阳区"] : ["朝阳区", "海淀区"]);
    },
  },
  {
    name: "the survey's audit log",
    method: "GET",
    path: "/api/surveys/small/audit",
    permission: "manage",
    ok: 200,
    check: async (res) => {
      const body = (await res.json()) as { events: { survey: string | null }[] };
      expect(body.events.length).toBeGreaterThan(0);
      expect(body.events.every((e) => e.survey === "small")).toBe(true);
    },
  },
  {
    name: "frequencies (asking for another unit)",
    method: "POST",
    path: "/api/surveys/small/analysis/frequencies",
    body: frequencies,
    permission: "analyse",
    ok: 200,
    check: async (res, who) => {
      const body = (await res.json()) as { n: number };
      // The unit-limited analyst asked for 海淀区 but sees only 朝阳区: nothing is left.
      expect(body.n).toBe(who === "unitAnalyst" ? 0 : SENT.海淀区);
    },
  },
  {
    name: "numeric by unit",
    method: "POST",
    path: "/api/surveys/small/analysis/numeric",
    body: { question: "staff_count", by: { unit: true } },
    permission: "analyse",
    ok: 200,
    check: async (res, who) => {
      const text = await res.text();
      expect(text.includes("海淀区")).toBe(who !== "unitAnalyst");
      expect(text).toContain("朝阳区");
    },
  },
  {
    name: "keyword table by unit",
    method: "POST",
    path: "/api/surveys/small/analysis/text",
    body: { question: "main_problems", by: { unit: true } },
    permission: "analyse",
    ok: 200,
    check: async (res, who) => {
      const text = await res.text();
      expect(text.includes("海淀区")).toBe(who !== "unitAnalyst");
      expect(text).toContain("朝阳区");
    },
  },
  { name: "the text dictionary", method: "GET", path: "/api/surveys/small/text/dictionary", permission: "analyse", ok: 200 },
  { name: "save the text dictionary", method: "PUT", path: "/api/surveys/small/text/dictionary", body: { terms: ["三会一课"] }, permission: "code", ok: 200 },
  {
    name: "report",
    method: "POST",
    path: "/api/surveys/small/report",
    body: { lang: "en", analyses: [{ type: "frequencies", title: "Problems", question: "main_problems" }] },
    permission: "analyse",
    ok: 200,
  },
  {
    name: "list links",
    method: "GET",
    path: "/api/surveys/small/links",
    permission: "links",
    ok: 200,
    check: async (res, who) => {
      const body = (await res.json()) as { links: { unit: string }[] };
      expect(body.links.map((l) => l.unit).sort()).toEqual(who === "unitAnalyst" ? ["朝阳区"] : ["朝阳区", "海淀区"].sort());
    },
  },
  { name: "link cards", method: "GET", path: "/api/surveys/small/links/cards", permission: "links", ok: 200 },
  { name: "a link's QR code", method: "GET", path: () => `/api/surveys/small/links/${chaoyangCode}/qr.png`, permission: "links", ok: 200 },
  { name: "a link's invitation codes", method: "GET", path: () => `/api/surveys/small/links/${chaoyangCode}/invitations`, permission: "links", ok: 200 },
  // Made on 海淀区's link, so 朝阳区's stays open to the matrix's other submissions.
  { name: "make invitation codes", method: "POST", path: () => `/api/surveys/small/links/${haidianCode}/invitations`, body: { count: 1 }, permission: "edit", ok: 201 },
  { name: "make a link", method: "POST", path: "/api/surveys/small/links", body: { unit: "朝阳区", label: "test" }, permission: "edit", ok: 201 },
  { name: "close a link", method: "PATCH", path: () => `/api/surveys/small/links/${chaoyangCode}`, body: { closed: false }, permission: "edit", ok: 200 },
  // No file: a caller who may import gets past the access check to the body's 400.
  { name: "import", method: "POST", path: "/api/surveys/small/import?dryRun=true", body: undefined, permission: "edit", ok: 400 },
  {
    name: "list members",
    method: "GET",
    path: "/api/surveys/small/members",
    permission: "manage",
    ok: 200,
    check: async (res) => {
      const body = (await res.json()) as { members: { login: string }[] };
      expect(body.members.map((m) => m.login)).not.toContain("other-owner");
    },
  },
  { name: "put a member", method: "PUT", path: "/api/surveys/small/members/ghost", body: { role: "viewer" }, permission: "manage", ok: 200 },
  {
    name: "remove a member",
    method: "DELETE",
    path: "/api/surveys/small/members/ghost",
    permission: "manage",
    ok: 204,
    before: async () => {
      await app.request("/api/surveys/small/members/ghost", { method: "PUT", headers: headers.owner, body: JSON.stringify({ role: "viewer" }) });
    },
  },
];

/**
 * The words, written out here rather than taken from the code under test: an owner
 * does everything; an editor the questionnaire, collection points and responses; an analyst
 * analysis, charts, reports and raw exports; a viewer analysis results and reports only.
 */
const SPEC: Record<Permission, Role[]> = {
  read: ["owner", "editor", "analyst", "viewer"],
  analyse: ["owner", "editor", "analyst", "viewer"],
  variables: ["owner", "editor", "analyst"],
  responses: ["owner", "editor", "analyst"],
  links: ["owner", "editor", "analyst"],
  export: ["owner", "analyst"],
  edit: ["owner", "editor"],
  manage: ["owner"],
  // Issue 15: coding open answers (the segmentation dictionary) is for editors and analysts.
  code: ["owner", "editor", "analyst"],
  reports: ["owner", "editor", "analyst"],
};

/** What a caller must get for a cell. */
function expected(cell: Cell, who: Who): number {
  // Without credentials a non-public version does not exist; a revoked token is refused outright.
  if (who === "signedOut") return cell.permission === "read" ? 404 : 401;
  if (who === "revoked") return 401;
  if (who === "stranger") return cell.name === "publish a new version" ? 409 : 404;
  const role: Role = who === "unitAnalyst" ? "analyst" : who;
  return SPEC[cell.permission].includes(role) ? cell.ok : 403;
}

describe.each(CELLS)("$method $name", (cell) => {
  it.each(WHO)("as %s", async (who) => {
    await cell.before?.();
    const path = typeof cell.path === "function" ? cell.path() : cell.path;
    const res = await app.request(path, { method: cell.method, headers: headers[who], body: cell.body === undefined ? undefined : JSON.stringify(cell.body) });
    const want = expected(cell, who);
    if (res.status !== want) throw new Error(`${cell.method} ${path} as ${who}: ${res.status}, expected ${want}: ${await res.text()}`);
    if (want === cell.ok && cell.check) await cell.check(res, who);
    if (want === 404 && res.headers.get("content-type")?.includes("json")) {
      // The 404 of a survey one is no member of reads exactly as an unknown survey's.
      expect(((await res.json()) as { detail: string }).detail).toMatch(/small/);
    }
    // As any client does: a report's, an import's or an export's place is given back once its answer is read.
    if (!res.bodyUsed) await res.arrayBuffer();
  });
});

describe("the survey list", () => {
  it.each(WHO)("as %s holds only the caller's surveys, with the caller's role and unit figures", async (who) => {
    const res = await app.request("/api/surveys", { headers: headers[who] });
    if (who === "signedOut" || who === "revoked") return expect(res.status).toBe(401);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { surveys: { name: string; role: string; unit: string | null; responses: { total: number } }[] };
    if (who === "stranger") return expect(body.surveys).toEqual([]);
    expect(body.surveys.map((s) => s.name)).toEqual(["small"]);
    expect(body.surveys[0]).toMatchObject({ role: who === "unitAnalyst" ? "analyst" : who, unit: who === "unitAnalyst" ? "朝阳区" : null, responses: { total: seen(who).length } });
  });
});

describe("public reads", () => {
  it("the current version of an open survey is public; of a draft it does not exist to non-members", async () => {
    expect((await app.request("/api/surveys/small")).status).toBe(200);
    await app.request("/api/surveys/other", { method: "PATCH", headers: headers.owner, body: JSON.stringify({ status: "draft" }) });
    const draft = await app.request("/api/surveys", { method: "POST", headers: headers.owner, body: JSON.stringify({ name: "drafty", json: small, status: "draft" }) });
    expect(draft.status).toBe(201);
    expect((await app.request("/api/surveys/drafty")).status).toBe(404);
    expect((await app.request("/api/surveys/drafty", { headers: headers.stranger })).status).toBe(404);
    expect((await app.request("/api/surveys/drafty", { headers: headers.owner })).status).toBe(200);
  });

  it("an unknown survey and a stranger's are the same 404", async () => {
    const unknown = await app.request("/api/surveys/nope/responses", { headers: headers.stranger });
    const theirs = await app.request("/api/surveys/small/responses", { headers: headers.stranger });
    expect([unknown.status, theirs.status]).toEqual([404, 404]);
    const a = (await unknown.json()) as { title: string; detail: string };
    const b = (await theirs.json()) as { title: string; detail: string };
    expect(b.detail.replace("small", "nope")).toBe(a.detail);
  });
});

describe("members", () => {
  it("names a bad role and an unknown account, in the caller's language", async () => {
    const other = await tokenFor("owner2");
    await app.request("/api/surveys", { method: "POST", headers: other, body: JSON.stringify({ name: "mine", json: small }) });
    const bad = await app.request("/api/surveys/mine/members/ghost", { method: "PUT", headers: { ...other, "accept-language": "zh-CN" }, body: JSON.stringify({ role: "boss" }) });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { errors: { question: string; message: string }[] };
    expect(body.errors[0]).toMatchObject({ question: "role" });
    expect(body.errors[0].message).toContain("owner、editor、analyst 或 viewer");
    const nobody = await app.request("/api/surveys/mine/members/nobody", { method: "PUT", headers: other, body: JSON.stringify({ role: "viewer" }) });
    expect(nobody.status).toBe(404);
    const last = await app.request("/api/surveys/mine/members/owner2", { method: "DELETE", headers: { ...other, "accept-language": "en" } });
    expect(last.status).toBe(409);
    expect(((await last.json()) as { detail: string }).detail).toBe("Survey 'mine' must keep at least one owner.");
  });
});
