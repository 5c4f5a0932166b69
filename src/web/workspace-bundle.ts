import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type Asset, once, toAsset } from "./asset.js";

/** The workspace's files: the entry script, its style sheet, and the chunks it loads later. */
export interface WorkspaceAssets {
  script: Asset;
  style: Asset;
  /** Every file, the entry and style included, by served name. */
  files: ReadonlyMap<string, Asset>;
}

const entry = fileURLToPath(new URL("../workspace/main.tsx", import.meta.url));

/**
 * The workspace bundle (src/workspace/: Preact pages), built by esbuild on first use and
 * kept for the life of the process. An ES module split into chunks: the charting code
 * (vega, vega-lite) is a chunk of its own that only the monitor page loads. esbuild names
 * every file by a hash of its content, so the names are stable across processes and change
 * with the code.
 */
export const workspaceAssets: () => Promise<WorkspaceAssets> = once(buildWorkspaceAssets);

async function buildWorkspaceAssets(): Promise<WorkspaceAssets> {
  const result = await build({
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
    write: false,
    outdir: "/assets",
    logLevel: "silent",
  });
  const files = new Map<string, Asset>();
  for (const output of result.outputFiles) {
    const file = output.path.slice(output.path.lastIndexOf("/") + 1);
    files.set(file, await toAsset(file, output.contents));
  }
  const script = [...files.values()].find((a) => a.file.startsWith("workspace.") && a.file.endsWith(".js"));
  const style = [...files.values()].find((a) => a.file.startsWith("workspace.") && a.file.endsWith(".css"));
  if (!script || !style) throw new Error("workspaceAssets: esbuild produced no entry script or no style sheet");
  return { script, style, files };
}
