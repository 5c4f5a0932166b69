import { fileURLToPath } from "node:url";
import type { BuildOptions } from "esbuild";
import { type Asset, once, toAsset } from "./asset.js";
import { type CachedBuild, cachedBuild, defaultBundleCacheDir } from "./bundle-cache.js";

/** The workspace's files: the entry script, its style sheet, and the chunks it loads later. */
export interface WorkspaceAssets {
  script: Asset;
  style: Asset;
  /** Every file, the entry and style included, by served name. */
  files: ReadonlyMap<string, Asset>;
}

const entry = fileURLToPath(new URL("../workspace/main.tsx", import.meta.url));

/** How the workspace bundle is built. */
const workspaceBuildOptions: BuildOptions = {
  entryPoints: { workspace: entry },
  bundle: true,
  minify: true,
  splitting: true,
  format: "esm",
  platform: "browser",
  // What current desktop and phone browsers run; vega's d3 modules cannot be lowered further by esbuild.
  target: ["es2020"],
  charset: "utf8",
  legalComments: "eof",
  jsx: "automatic",
  jsxImportSource: "preact",
  entryNames: "[name].[hash]",
  chunkNames: "workspace-chunk.[hash]",
  assetNames: "workspace-asset.[hash]",
  define: { "process.env.NODE_ENV": '"production"' },
  outdir: "/assets",
  logLevel: "silent",
};

/**
 * The workspace bundle (src/workspace/: Preact pages), built by esbuild on first use (or read
 * from the disk cache, see ./bundle-cache.ts) and kept for the life of the process. An ES module
 * split into chunks: the charting code (vega, vega-lite) is a chunk of its own that only the
 * monitor page loads. esbuild names every file by a hash of its content, so the names are stable
 * across processes and change with the code.
 */
export const workspaceAssets: () => Promise<WorkspaceAssets> = once(async () => pickWorkspaceAssets((await cachedBuild(workspaceBundle(defaultBundleCacheDir))).assets));

/**
 * The workspace bundle's build, for ./bundle-cache.ts.
 * @param cacheDir the cache's folder; `undefined` builds afresh
 */
export function workspaceBundle(cacheDir: string | undefined): CachedBuild {
  return {
    name: "workspace",
    options: workspaceBuildOptions,
    caller: import.meta.url,
    cacheDir,
    toAssets: (outputs) => Promise.all(outputs.map((output) => toAsset(output.path.slice(output.path.lastIndexOf("/") + 1), output.contents))),
  };
}

function pickWorkspaceAssets(assets: Asset[]): WorkspaceAssets {
  const files = new Map(assets.map((a) => [a.file, a]));
  const script = assets.find((a) => a.file.startsWith("workspace.") && a.file.endsWith(".js"));
  const style = assets.find((a) => a.file.startsWith("workspace.") && a.file.endsWith(".css"));
  if (!script || !style) throw new Error("workspaceAssets: esbuild produced no entry script or no style sheet");
  return { script, style, files };
}
