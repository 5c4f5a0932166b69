/**
 * The XSS corpus (test/fixtures/xss-payloads.ts) typed wherever the workspace shows text back:
 * survey titles, choice texts, unit names, link labels and levels, account names, token labels,
 * open answers. Every workspace page shows them as text: no payload runs, no element or
 * attribute is injected, no dialog opens, no CSP violation fires.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUser } from "../../src/services/accounts/users.js";
import { createUser } from "../../src/services/accounts/users.js";
import { publishSurvey } from "../../src/services/surveys.js";
import { createToken } from "../../src/services/tokens.js";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.js";
import { ADMIN, newPage, openWorkspace, signInByApi, submit, type Workspace } from "./workspace-server.js";
import { armTraps, hostileSurvey, sprung } from "./xss-traps.js";

const HOSTILE = "hostile";
/** Payloads that fit the 100-character fields (units, labels, names). */
const SHORT = XSS_PAYLOADS.filter((p) => p.trim().length > 0 && p.length <= 100);

let workspace: Workspace;
let responseId: string;

beforeAll(async () => {
  workspace = await openWorkspace();
  const { db } = workspace.database;
  const admin = (await findUser(db, ADMIN.login))!;
  const { token } = await createToken(db, SHORT[0], admin.id);
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const call = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${workspace.server.origin}${path}`, { method, headers, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  await publishSurvey(db, HOSTILE, hostileSurvey(), { owner: admin.id });
  for (const [i, title] of SHORT.slice(1, 6).entries()) await publishSurvey(db, `hostile-${i}`, { ...hostileSurvey(), title }, { owner: admin.id });
  const codes: string[] = [];
  for (const [i, unit] of SHORT.slice(0, 12).entries()) {
    const body = { unit, label: SHORT[(i + 3) % SHORT.length], expected: 3 };
    // Links take a level once the responses-audit work has landed.
    const link = await call("POST", `/api/surveys/${HOSTILE}/links`, { ...body, level: SHORT[(i + 7) % SHORT.length] }).catch(() =>
      call("POST", `/api/surveys/${HOSTILE}/links`, body),
    );
    codes.push(link.code);
  }
  for (const [i, code] of codes.entries()) {
    await submit(
      workspace.server,
      HOSTILE,
      { pick: `c${i}`, many: [1, 2], drop: XSS_PAYLOADS[10 + (i % 10)], note: XSS_PAYLOADS[(i + 20) % XSS_PAYLOADS.length] },
      { link: code, complete: i % 2 === 0 },
    );
  }
  responseId = await submit(workspace.server, HOSTILE, { pick: "c1", many: [3], drop: XSS_PAYLOADS[12], note: XSS_PAYLOADS.join("\n") });
  for (const [i, name] of SHORT.slice(0, 6).entries()) {
    await createUser(db, { login: `hostile${i}`, name, password: "correct horse battery" });
    await call("PUT", `/api/surveys/${HOSTILE}/members/hostile${i}`, { role: "analyst", unit: SHORT[(i + 2) % SHORT.length] });
  }
  for (const label of SHORT.slice(1, 5)) await createToken(db, label, admin.id);
}, 180_000);
afterAll(async () => workspace?.close());

const PAGES = [
  { name: "surveys", path: "/", ready: "table.survey-list" },
  { name: "overview", path: `/w/surveys/${HOSTILE}/overview`, ready: "#life-heading" },
  { name: "responses", path: `/w/surveys/${HOSTILE}/responses`, ready: "table.responses" },
  { name: "response", path: `/w/surveys/${HOSTILE}/responses/{id}`, ready: "table.answers, .problem" },
  { name: "monitor", path: `/w/surveys/${HOSTILE}/monitor`, ready: ".chart-box[data-rendered], .problem" },
  { name: "links", path: `/w/surveys/${HOSTILE}/links`, ready: "table.links" },
  { name: "members", path: `/w/surveys/${HOSTILE}/members`, ready: "table.members, .problem" },
  { name: "audit", path: `/w/surveys/${HOSTILE}/audit`, ready: "table.audit, .problem" },
  { name: "tokens", path: "/w/tokens", ready: "table.tokens, .problem" },
  { name: "users", path: "/w/users", ready: "table.users" },
] as const;

describe("the XSS corpus in the workspace", () => {
  it.each(PAGES)("$name shows every payload as text and runs none", async ({ path, ready }) => {
    const { context, page, problems, dialogs } = await newPage(workspace);
    const traps = await armTraps(page);
    await signInByApi(workspace, context);
    await page.goto(`${workspace.server.origin}${path.replace("{id}", responseId)}`);
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState("networkidle");
    // Focus and hover everything focusable once, so autofocus/onfocus payloads would have had their chance.
    await page.keyboard.press("Tab");
    const text = await page.locator("main").innerText();
    const shown = XSS_PAYLOADS.filter((p) => text.includes(p));
    const found = await sprung(page);
    await context.close();
    expect(found.calls).toEqual([]);
    expect(found.injected).toEqual([]);
    expect(traps.dialogs).toEqual([]);
    expect(dialogs()).toBe(0);
    expect(problems).toEqual([]);
    // The payloads are there, as text (a page that dropped them would pass the rest).
    expect(shown.length).toBeGreaterThan(0);
  });
});
