import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants as zlibConstants, gzip } from "node:zlib";

/** One built file, ready to serve: its body in each encoding and a content-hashed name. */
export interface Asset {
  /** e.g. `respondent.3f9a0c1d2e4b5a69.js`: the name changes whenever the content does. */
  file: string;
  contentType: string;
  identity: Uint8Array;
  gzip: Uint8Array;
  br: Uint8Array;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** The content type of a built file, by its extension. */
export function contentTypeOf(file: string): string {
  if (file.endsWith(".js")) return "text/javascript; charset=utf-8";
  if (file.endsWith(".css")) return "text/css; charset=utf-8";
  throw new Error(`contentTypeOf: no content type for ${file}`);
}

/** `base.<first 16 hex digits of the body's SHA-256>.ext` */
export function hashedName(base: string, ext: string, body: Uint8Array): string {
  return `${base}.${createHash("sha256").update(body).digest("hex").slice(0, 16)}.${ext}`;
}

/**
 * A built file under the name it is served by, compressed once (gzip and brotli) so each
 * request only picks the encoding.
 * @param file - the served name; make it change with the content (`hashedName`, or esbuild's `[hash]`)
 */
export async function toAsset(file: string, body: Uint8Array): Promise<Asset> {
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
  return { file, contentType: contentTypeOf(file), identity: body, gzip: gz, br };
}

/**
 * Builds once on first use and keeps the result for the life of the process; a failed
 * build is forgotten, so the next request tries again.
 */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let built: Promise<T> | undefined;
  return () => {
    built ??= make().catch((err: unknown) => {
      built = undefined;
      throw err;
    });
    return built;
  };
}
