import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { nextPath } from "../../src/routes/account-pages.js";
import { rootOf } from "../../src/routes/workspace.js";
import { createUser } from "../../src/services/accounts/users.js";
import type { WorkspaceBoot } from "../../src/workspace/boot.js";
import { sessionCookieOf, signedInCookie } from "../helpers/accounts.js";
import { testApp } from "../helpers/app.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let cookie: string;

const EVIL_NAME = "</script><script>alert(1)</script>";

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  cookie = await signedInCookie(app, database, "wang", { admin: true });
  await createUser(database.db, { login: "evil", name: EVIL_NAME, password: "correct horse battery" });
});
afterAll(async () => database.close());

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

/** The boot data the page carries, parsed as the script parses it. */
function boot(html: string): WorkspaceBoot {
  const match = /<script type="application\/json" id="dj-workspace">([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error("no boot data in the page");
  return JSON.parse(match[1]) as WorkspaceBoot;
}

function assets(html: string) {
  const script = /<script type="module" src="((?:\.\/|(?:\.\.\/)+)assets\/(workspace\.[A-Z0-9]+\.js))"><\/script>/.exec(html);
  const style = /<link rel="stylesheet" href="((?:\.\/|(?:\.\.\/)+)assets\/(workspace\.[A-Z0-9]+\.css))">/.exec(html);
  if (!script || !style) throw new Error(`page links no workspace script or style sheet:\n${html}`);
  return { scriptHref: script[1], script: `/assets/${script[2]}`, styleHref: style[1], style: `/assets/${style[2]}` };
}

describe("GET / signed out", () => {
  it("sends the reader to the sign-in page, and a workspace path comes back after it", async () => {
    const res = await get("/");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("./login");
    const deep = await get("/w/surveys/demo/responses");
    expect(deep.status).toBe(303);
    expect(deep.headers.get("location")).toBe(`../../../login?next=${encodeURIComponent("w/surveys/demo/responses")}`);
  });

  it("treats an unknown or ended session as signed out", async () => {
    expect((await get("/", { cookie: "dj_session=nonsense" })).status).toBe(303);
    const brief = await signedInCookie(app, database, "brief");
    expect((await get("/", { cookie: brief })).status).toBe(200);
    const signOut = await app.request("/api/session", { method: "DELETE", headers: { cookie: brief } });
    expect(signOut.status).toBe(204);
    expect((await get("/", { cookie: brief })).status).toBe(303);
  });

  it("signs in through the form and lands on the path it came from, in the chosen language", async () => {
    await createUser(database.db, { login: "li", name: "李四", password: "correct horse battery" });
    const form = await get("/login?next=w%2Fsurveys%2Fdemo%2Fmonitor");
    const html = await form.text();
    expect(html).toContain('name="next" value="w/surveys/demo/monitor"');
    const res = await app.request("/login?lang=en", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ login: "li", password: "correct horse battery", next: "w/surveys/demo/monitor" }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("./w/surveys/demo/monitor?lang=en");
    const session = sessionCookieOf(res)!;
    expect((await get("/w/surveys/demo/monitor?lang=en", { cookie: session })).status).toBe(200);
  });

  it("ignores a next that would leave the workspace", () => {
    for (const bad of ["//evil.example", "https://evil.example", "w/../../x", "w/%2e%2e/x", "/w/x", "w//evil.example", "x/y", "w/a\\b"]) expect(nextPath(bad)).toBe("");
    expect(nextPath("w/surveys/demo-1/responses")).toBe("w/surveys/demo-1/responses");
    expect(nextPath("w/tokens")).toBe("w/tokens");
  });
});

describe("GET / signed in", () => {
  it("is the workspace shell under a strict CSP, with its words and the account as inert JSON", async () => {
    const res = await get("/", { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("base-uri 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await res.text();
    // No inline script: the only <script> elements are the module by URL and the JSON data block.
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts).toEqual([expect.stringMatching(/^<script type="module" src="[^"]+">$/), '<script type="application/json" id="dj-workspace">']);
    expect(html).not.toMatch(/\sstyle=/);
    const data = boot(html);
    expect(data).toMatchObject({ lang: "zh-Hans", root: "./", user: { login: "wang", admin: true } });
    expect(data.words.list.heading).toBe("问卷");
    // One language only travels with the page.
    expect(html).not.toContain("Collection links");
  });

  it("serves the same shell under /w/..., with the way back to the root", async () => {
    for (const [path, root] of [
      ["/w/tokens", "../"],
      ["/w/surveys/demo/overview", "../../../"],
      ["/w/surveys/demo/responses/0b4a1c9e-8a53-4c1f-9a39-5c63a0f3c2d1", "../../../../"],
    ] as const) {
      const res = await get(path, { cookie });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(boot(html).root).toBe(root);
      expect(assets(html).scriptHref.startsWith(`${root}assets/`)).toBe(true);
      expect(rootOf(path)).toBe(root);
    }
  });

  it("shows an account name a user typed only as escaped JSON", async () => {
    const evil = await signedInCookie(app, database, "evil2");
    await app.request("/api/users/evil2", { method: "PATCH", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ name: EVIL_NAME }) });
    const html = await (await get("/", { cookie: evil })).text();
    expect(html).not.toContain(EVIL_NAME);
    expect(boot(html).user.name).toBe(EVIL_NAME);
  });
});

describe("the workspace's assets", () => {
  it("are content-hashed, cached for a year, compressed, and change name with their content", async () => {
    const html = await (await get("/", { cookie })).text();
    const { script, style } = assets(html);
    const js = await get(script, { "accept-encoding": "br" });
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(js.headers.get("content-encoding")).toBe("br");
    const code = brotliDecompressSync(Buffer.from(await js.arrayBuffer())).toString("utf8");
    expect(code).toContain("dj-workspace");
    // The chart code is a chunk of its own, loaded by the monitor page only.
    const chunk = /workspace-chunk\.[A-Z0-9]+\.js/.exec(code)?.[0];
    expect(chunk).toBeDefined();
    const chunkRes = await get(`/assets/${chunk}`);
    expect(chunkRes.status).toBe(200);
    const css = await get(style);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await css.text()).toContain(":focus-visible");
    expect((await get("/assets/workspace.NOTAHASH.js")).status).toBe(404);
    // The respondent page's assets are served beside them as before.
    expect((await get("/assets/respondent.0000000000000000.js")).status).toBe(404);
  });
});

describe("the workspace's language", () => {
  it("is Simplified Chinese by default, else Accept-Language", async () => {
    expect(boot(await (await get("/", { cookie })).text()).lang).toBe("zh-Hans");
    expect(boot(await (await get("/", { cookie, "accept-language": "zh-TW" })).text()).lang).toBe("zh-Hant");
  });

  it("follows ?lang= and remembers it in the dj_lang cookie", async () => {
    const res = await get("/?lang=en", { cookie });
    const html = await res.text();
    expect(boot(html).lang).toBe("en");
    expect(html).toContain('<html lang="en">');
    expect(boot(html).words.list.heading).toBe("Surveys");
    const set = res.headers.getSetCookie().find((c) => c.startsWith("dj_lang="));
    expect(set).toMatch(/^dj_lang=en;/);
    expect(set).toContain("Path=/");
    expect(set).not.toContain("HttpOnly");
  });

  it("reads the dj_lang cookie after ?lang= and before Accept-Language, on pages and API errors alike", async () => {
    const both = `${cookie}; dj_lang=zh-Hant`;
    const html = await (await get("/", { cookie: both, "accept-language": "en" })).text();
    expect(boot(html).lang).toBe("zh-Hant");
    expect(boot(html).words.list.heading).toBe("問卷");
    expect(boot(await (await get("/?lang=en", { cookie: both })).text()).lang).toBe("en");
    const problem = await get("/api/surveys/nope/links", { cookie: both, "accept-language": "en" });
    expect(problem.headers.get("content-type")).toContain("application/problem+json");
    const body = (await problem.json()) as { title: string };
    expect(body.title).toMatch(/[\u4e00-\u9fff]/);
    // A cookie that names no language of ours is ignored.
    expect(boot(await (await get("/", { cookie: `${cookie}; dj_lang=fr`, "accept-language": "en" })).text()).lang).toBe("en");
  });

  it("carries the cookie to the sign-in page", async () => {
    const html = await (await get("/login", { cookie: "dj_lang=en" })).text();
    expect(html).toContain('<html lang="en">');
  });
});
