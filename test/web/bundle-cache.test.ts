import { mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type CachedBuild, cachedBuild } from "../../src/web/bundle-cache.js";
import { respondentBundle } from "../../src/web/bundle.js";
import { toAsset } from "../../src/web/asset.js";
import { workspaceBundle } from "../../src/web/workspace-bundle.js";

const work = mkdtempSync(join(tmpdir(), "djs-bundle-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every served file, by name: the hashed URL and the bytes of each encoding. */
const served = (assets: { file: string; contentType: string; identity: Uint8Array; gzip: Uint8Array; br: Uint8Array }[]) =>
  Object.fromEntries(assets.map((a) => [a.file, { contentType: a.contentType, identity: Buffer.from(a.identity), gzip: Buffer.from(a.gzip), br: Buffer.from(a.br) }]));

describe.each([
  ["respondent", respondentBundle],
  ["workspace", workspaceBundle],
])("the %s bundle from the disk cache", (name, bundle) => {
  const cacheDir = join(work, name);
  it("is built once, then read back by the next process with the same names and bytes as a fresh build", async () => {
    // The first one is a fresh build (the cache folder is empty), which it then stores.
    const first = await cachedBuild(bundle(cacheDir));
    // What a restarted process (nothing in memory) does: only the files on disk carry over.
    const second = await cachedBuild(bundle(cacheDir));
    expect(first.from).toBe("build");
    expect(second.from).toBe("cache");
    expect(first.assets.length).toBeGreaterThanOrEqual(2);
    expect(served(second.assets)).toEqual(served(first.assets));
    // Nothing half-written is left behind.
    expect(readdirSync(cacheDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 120_000);
});

describe("the bundle cache's key", () => {
  const sources = join(work, "sources");
  const cacheDir = join(work, "small");
  const spec = (): CachedBuild => ({
    name: "small",
    options: { entryPoints: { small: join(sources, "main.ts") }, bundle: true, format: "iife", charset: "utf8", outdir: "/assets", logLevel: "silent" },
    caller: import.meta.url,
    cacheDir,
    toAssets: (outputs) => Promise.all(outputs.map((o) => toAsset(`small.${o.hash}.js`, o.contents))),
  });
  const text = (assets: { identity: Uint8Array }[]) => Buffer.from(assets[0].identity).toString("utf8");

  it("changes with any file the build read, not only the entry", async () => {
    mkdirSync(sources);
    writeFileSync(join(sources, "main.ts"), 'import { word } from "./word";\nconsole.log(word);\n');
    writeFileSync(join(sources, "word.ts"), 'export const word = "第一";\n');
    expect((await cachedBuild(spec())).from).toBe("build");
    const cached = await cachedBuild(spec());
    expect(cached.from).toBe("cache");
    expect(text(cached.assets)).toContain("第一");

    writeFileSync(join(sources, "word.ts"), 'export const word = "第二";\n');
    const changed = await cachedBuild(spec());
    expect(changed.from).toBe("build");
    expect(text(changed.assets)).toContain("第二");
    expect(changed.assets[0].file).not.toBe(cached.assets[0].file);

    // Back to the first content: its entry is still there.
    writeFileSync(join(sources, "word.ts"), 'export const word = "第一";\n');
    expect((await cachedBuild(spec())).from).toBe("cache");
  });

  it("changes with the build options", async () => {
    const minified = { ...spec(), options: { ...spec().options, minify: true } };
    expect((await cachedBuild(minified)).from).toBe("build");
    expect((await cachedBuild(minified)).from).toBe("cache");
  });

  it("builds again when an entry is cut short (a torn disk write) instead of serving it", async () => {
    const before = await cachedBuild(spec());
    for (const f of readdirSync(cacheDir).filter((f) => f.startsWith("small-") && f.endsWith(".bin"))) truncateSync(join(cacheDir, f), 20);
    const after = await cachedBuild(spec());
    expect(after.from).toBe("build");
    expect(served(after.assets)).toEqual(served(before.assets));
    expect((await cachedBuild(spec())).from).toBe("cache");
  });
});
