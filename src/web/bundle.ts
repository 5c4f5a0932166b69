import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type Asset, hashedName, once, toAsset } from "./asset.js";

export type { Asset } from "./asset.js";

/** The respondent page's script and style sheet. */
export interface RespondentAssets {
  script: Asset;
  style: Asset;
}

const entry = fileURLToPath(new URL("./respondent.ts", import.meta.url));

/**
 * The respondent bundle, built by esbuild on first use and kept for the life of the
 * process (a failed build is forgotten, so the next request tries again). The bundle
 * holds survey-core, survey-js-ui (Preact) and the Chinese UI strings; the style sheet
 * is survey-core's font-less CSS plus ours, so the page fetches nothing from another
 * host. esbuild output is deterministic: every process of a deployment serves the same
 * hashed names.
 */
export const respondentAssets: () => Promise<RespondentAssets> = once(buildRespondentAssets);

async function buildRespondentAssets(): Promise<RespondentAssets> {
  const result = await build({
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
    write: false,
    outdir: "/assets",
    logLevel: "silent",
  });
  const js = result.outputFiles.find((f) => f.path.endsWith(".js"));
  const css = result.outputFiles.find((f) => f.path.endsWith(".css"));
  if (!js || !css) throw new Error("respondentAssets: esbuild produced no script or no style sheet");
  const [script, style] = await Promise.all([
    toAsset(hashedName("respondent", "js", js.contents), js.contents),
    toAsset(hashedName("respondent", "css", css.contents), css.contents),
  ]);
  return { script, style };
}
