import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants as zlibConstants, gzip } from "node:zlib";
import { build } from "esbuild";

/** One built file, ready to serve: its body in each encoding and a content-hashed name. */
export interface Asset {
  /** e.g. `respondent.3f9a0c1d2e4b5a69.js`: the name changes whenever the content does. */
  file: string;
  contentType: string;
  identity: Uint8Array;
  gzip: Uint8Array;
  br: Uint8Array;
}

/** The respondent page's script and style sheet. */
export interface RespondentAssets {
  script: Asset;
  style: Asset;
}

const entry = fileURLToPath(new URL("./respondent.ts", import.meta.url));
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

let built: Promise<RespondentAssets> | undefined;

/**
 * The respondent bundle, built by esbuild on first use and kept for the life of the
 * process (a failed build is forgotten, so the next request tries again). The bundle
 * holds survey-core, survey-js-ui (Preact) and the Chinese UI strings; the style sheet
 * is survey-core's font-less CSS plus ours, so the page fetches nothing from another
 * host. esbuild output is deterministic: every process of a deployment serves the same
 * hashed names.
 */
export function respondentAssets(): Promise<RespondentAssets> {
  built ??= buildRespondentAssets().catch((err: unknown) => {
    built = undefined;
    throw err;
  });
  return built;
}

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
    toAsset("respondent", "js", "text/javascript; charset=utf-8", js.contents),
    toAsset("respondent", "css", "text/css; charset=utf-8", css.contents),
  ]);
  return { script, style };
}

async function toAsset(base: string, ext: string, contentType: string, body: Uint8Array): Promise<Asset> {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  const [gz, br] = await Promise.all([
    gzipAsync(body, { level: 9 }),
    brotliAsync(body, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 10,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
      },
    }),
  ]);
  return { file: `${base}.${hash}.${ext}`, contentType, identity: body, gzip: gz, br };
}
