import { fileURLToPath } from "node:url";
import type { BuildOptions } from "esbuild";
import { type Asset, hashedName, once, toAsset } from "./asset.js";
import { type CachedBuild, cachedBuild, defaultBundleCacheDir } from "./bundle-cache.js";

export type { Asset } from "./asset.js";

/** The respondent page's script and style sheet. */
export interface RespondentAssets {
  script: Asset;
  style: Asset;
}

const entry = fileURLToPath(new URL("./respondent.ts", import.meta.url));

/** How the respondent bundle is built. */
const respondentBuildOptions: BuildOptions = {
  entryPoints: { respondent: entry },
  bundle: true,
  minify: true,
  format: "iife",
  platform: "browser",
  // Phones in the field run old WebViews: lower the syntax, keep the features.
  target: ["es2018", "chrome64"],
  charset: "utf8",
  legalComments: "eof",
  // survey-js-ui tries `require("jquery")` inside a try block; there is no jQuery here.
  external: ["jquery"],
  define: { "process.env.NODE_ENV": '"production"' },
  outdir: "/assets",
  logLevel: "silent",
};

/**
 * The respondent bundle, built by esbuild on first use (or read from the disk cache a previous
 * process left, see ./bundle-cache.ts) and kept for the life of the process (a failed build is
 * forgotten, so the next request tries again). The bundle holds survey-core, survey-js-ui
 * (Preact) and the Chinese UI strings; the style sheet is survey-core's font-less CSS plus ours,
 * so the page fetches nothing from another host. esbuild output is deterministic: every process
 * of a deployment serves the same hashed names.
 */
export const respondentAssets: () => Promise<RespondentAssets> = once(async () => pickRespondentAssets((await cachedBuild(respondentBundle(defaultBundleCacheDir))).assets));

/**
 * The respondent bundle's build, for ./bundle-cache.ts.
 * @param cacheDir the cache's folder; `undefined` builds afresh
 */
export function respondentBundle(cacheDir: string | undefined): CachedBuild {
  return {
    name: "respondent",
    options: respondentBuildOptions,
    caller: import.meta.url,
    cacheDir,
    async toAssets(outputs) {
      const js = outputs.find((f) => f.path.endsWith(".js"));
      const css = outputs.find((f) => f.path.endsWith(".css"));
      if (!js || !css) throw new Error("respondentAssets: esbuild produced no script or no style sheet");
      return Promise.all([toAsset(hashedName("respondent", "js", js.contents), js.contents), toAsset(hashedName("respondent", "css", css.contents), css.contents)]);
    },
  };
}

function pickRespondentAssets(assets: Asset[]): RespondentAssets {
  const script = assets.find((a) => a.file.endsWith(".js"));
  const style = assets.find((a) => a.file.endsWith(".css"));
  if (!script || !style) throw new Error("respondentAssets: no script or no style sheet");
  return { script, style };
}
