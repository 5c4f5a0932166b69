import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.js";
import type { Database } from "../../src/db/client.js";
import { publishSurvey } from "../../src/services/surveys.js";
import demo from "../fixtures/respondent-demo.json" with { type: "json" };
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;

const INJECTION = "</script><script>alert(1)</script><!-- \u2028\u2029 & 'quotes\"";

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  await publishSurvey(database.db, "demo", demo);
  await publishSurvey(database.db, "demo", { ...demo, description: "第二版" });
  await publishSurvey(database.db, "evil", { ...demo, title: INJECTION });
});
afterAll(async () => database.close());

/** The JSON the page embeds, parsed the way the bundle parses it. */
function embedded(html: string) {
  const match = /<script type="application\/json" id="dj-survey">([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error("no embedded survey in the page");
  return JSON.parse(match[1]) as { name: string; version: number; json: Record<string, unknown> };
}

function assetPaths(html: string) {
  const script = /<script defer src="\.\.\/assets\/([^"]+\.js)"><\/script>/.exec(html)?.[1];
  const style = /<link rel="stylesheet" href="\.\.\/assets\/([^"]+\.css)">/.exec(html)?.[1];
  if (!script || !style) throw new Error("page links no script or no style sheet");
  return { script: `/assets/${script}`, style: `/assets/${style}` };
}

async function page(name: string) {
  const res = await app.request(`/s/${name}`);
  return { res, html: await res.text() };
}

describe("the respondent page", () => {
  it("embeds the current version of the questionnaire", async () => {
    const { res, html } = await page("demo");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(embedded(html)).toEqual({ name: "demo", version: 2, json: { ...demo, description: "第二版" } });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("<title>基层党组织建设情况调查</title>");
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1');
  });

  it("allows only its own origin through its Content-Security-Policy", async () => {
    const { res } = await page("demo");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers an unknown survey with a Chinese 404 page", async () => {
    const { res, html } = await page("no-such-survey");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html).toContain("未找到问卷");
    expect((await app.request("/s/Not%20A%20Name")).status).toBe(404);
  });
});

describe("script injection through the questionnaire", () => {
  it("keeps a title with </script> inside the embedded JSON", async () => {
    const { res, html } = await page("evil");
    expect(res.status).toBe(200);
    // Exactly the page's own two script elements: the JSON did not open a third.
    expect(html.match(/<script\b/gi)).toHaveLength(2);
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toMatch(/[\u2028\u2029]/);
    expect(embedded(html).json.title).toBe(INJECTION);
    // The server-rendered <title> is escaped text too.
    expect(html).toContain("<title>&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;");
  });
});

describe("assets", () => {
  it("serves the bundle and the style sheet under content-hashed names, cached for a year", async () => {
    const { html } = await page("demo");
    const { script, style } = assetPaths(html);
    expect(script).toMatch(/^\/assets\/respondent\.[0-9a-f]{16}\.js$/);
    expect(style).toMatch(/^\/assets\/respondent\.[0-9a-f]{16}\.css$/);

    const js = await app.request(script);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const jsText = await js.text();
    expect(jsText).toContain("survey-js-ui");
    expect(jsText.length).toBeGreaterThan(500_000);
    // Minified: no line of source formatting left.
    expect(jsText.split("\n").length).toBeLessThan(100);

    const css = await app.request(style);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const cssText = await css.text();
    expect(cssText).toContain(".sd-root-modern");
    expect(cssText).toMatch(/--sjs-font-family:\s*var\(--dj-font-sc\)/);
    expect(cssText).toContain('"PingFang SC"');
  });

  it("sends brotli or gzip when the client takes them", async () => {
    const { script } = assetPaths((await page("demo")).html);
    const plain = Buffer.from(await (await app.request(script)).arrayBuffer());
    const br = await app.request(script, { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toBe("accept-encoding");
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(plain)).toBe(true);
    const gz = await app.request(script, { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(plain)).toBe(true);
  });

  it("answers 404 for an asset name it did not build", async () => {
    expect((await app.request("/assets/respondent.0000000000000000.js")).status).toBe(404);
    expect((await app.request("/assets/..%2F..%2Fpackage.json")).status).toBe(404);
  });
});

describe("no CDN", () => {
  /**
   * Absolute URLs that are in the bundle but never fetched: XML namespaces, an id string,
   * survey-core's YouTube detection for image questions, a console warning, and the
   * "powered by" block of survey-js-ui, which renders only with `showBrandInfo` (the
   * page forces it off). A new entry here needs a reason; the browser test checks that
   * the page really requests nothing from another host.
   */
  const NEVER_FETCHED = new Set([
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/1998/Math/MathML",
    "http://json-schema.org/draft-07/schema#",
    "https://www.youtube.com/",
    "https://surveyjs.io/stay-updated/release-notes/v2.0.0#form-library-removes-apis-for-integration-with-surveyjs-demo-service",
    "https://surveyjs.io/?utm_source=built-in_links&utm_medium=online_survey_tool&utm_campaign=landing_page",
    "https://surveyjs.io/Content/Images/poweredby.svg",
    "https://surveyjs.io/create-survey?utm_source=built-in_links&utm_medium=online_survey_tool&utm_campaign=create_survey",
    "https://surveyjs.io/TermsOfUse",
  ]);
  const urls = (text: string) => [...text.matchAll(/https?:\/\/[^\s"'`)\\<>]*/g)].map((m) => m[0]);
  /** The MIT notices esbuild keeps at the end of the bundle (they must stay). */
  const withoutLicenseComments = (text: string) => text.replace(/\/\*![\s\S]*?\*\//g, "");

  it("has no URL to another host in the HTML", async () => {
    for (const name of ["demo", "no-such-survey"]) {
      const { html } = await page(name);
      expect(urls(html)).toEqual([]);
    }
  });

  it("has no URL to another host in the style sheet, and nothing it would load but data: URLs", async () => {
    const { style } = assetPaths((await page("demo")).html);
    const css = withoutLicenseComments(await (await app.request(style)).text());
    expect(css).not.toMatch(/@import/);
    expect(css).not.toMatch(/@font-face/);
    for (const m of css.matchAll(/url\(\s*["']?([^"')]*)/g)) expect(m[1]).toMatch(/^data:/);
    expect(new Set(urls(css))).toEqual(new Set(["http://www.w3.org/2000/svg"]));
  });

  it("has no URL to another host in the script except known strings it never fetches", async () => {
    const { script } = assetPaths((await page("demo")).html);
    const js = withoutLicenseComments(await (await app.request(script)).text());
    const unexpected = urls(js).filter((u) => !NEVER_FETCHED.has(u));
    expect(unexpected).toEqual([]);
  });
});
