/**
 * A disk cache of built bundles, so that a restarted server process, or the second process of a
 * deployment, serves the bundles at once instead of running esbuild and brotli again (1–2 s per
 * start on two cores). An entry is found by a hash of everything the bytes depend on: the build
 * options, esbuild's, Node's zlib and brotli versions, this module and the caller's source (how
 * outputs become assets), and the content of every file the build read (esbuild's metafile).
 * Entries are written to a temporary file and renamed, so a process never reads half an entry.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildOptions, build, type OutputFile, version as esbuildVersion } from "esbuild";
import { type Asset, contentTypeOf } from "./asset.js";

/** The project's own cache folder (git-ignored); the server's user can write it where it can build. */
export const defaultBundleCacheDir = fileURLToPath(new URL("../../.cache/bundles/", import.meta.url));

/** Where the relative paths of esbuild's metafile start: every build runs from here. */
const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Bump when the layout of an entry changes. */
const FORMAT = 1;

export interface CachedBuild {
  /** name, e.g. "respondent": part of the cache file names */
  name: string;
  /** esbuild's options; `write: false` and `metafile: true` are added here */
  options: BuildOptions;
  /** the caller's module (`import.meta.url`): its source is part of the key, as it shapes the assets */
  caller: string;
  /** turns esbuild's output files into the served assets */
  toAssets: (outputs: OutputFile[]) => Promise<Asset[]>;
  /** the cache folder; `undefined` builds afresh and stores nothing */
  cacheDir: string | undefined;
}

/**
 * The bundle's assets, from the cache when an entry for exactly these inputs exists, else built
 * (and stored for the next process). A cache that cannot be read or written is only a slower start.
 * @returns the assets and where they came from
 */
export async function cachedBuild(spec: CachedBuild): Promise<{ assets: Asset[]; from: "cache" | "build" }> {
  const settingsKey = await settingsHash(spec);
  const dir = spec.cacheDir;
  if (dir) {
    const hit = await readEntry(dir, spec.name, settingsKey).catch(() => undefined);
    if (hit) return { assets: hit, from: "cache" };
  }
  const result = await build({ ...spec.options, absWorkingDir: projectRoot, write: false, metafile: true });
  const assets = await spec.toAssets(result.outputFiles);
  if (dir) {
    const inputs = Object.keys(result.metafile.inputs).sort();
    await writeEntry(dir, spec.name, settingsKey, inputs, assets).catch(() => undefined);
  }
  return { assets, from: "build" };
}

/** The part of the key known before building: options, versions, and the code that makes assets. */
async function settingsHash(spec: CachedBuild): Promise<string> {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ FORMAT, name: spec.name, options: spec.options, esbuildVersion, zlib: process.versions.zlib, brotli: process.versions.brotli }));
  for (const file of [fileURLToPath(import.meta.url), fileURLToPath(new URL("./asset.ts", import.meta.url)), fileURLToPath(spec.caller)]) {
    // Run from compiled JavaScript, a source may be absent: the versions and options still key the entry.
    hash.update((await readFile(file).catch(() => undefined)) ?? "missing");
  }
  return hash.digest("hex").slice(0, 32);
}

/** The full key: the settings and the content of every input (a file gone or not a file counts as "missing"). */
async function inputsHash(settingsKey: string, inputs: string[]): Promise<string> {
  const hash = createHash("sha256").update(settingsKey);
  for (const input of inputs) {
    const content = await readFile(resolve(projectRoot, input)).catch(() => undefined);
    hash.update(`\0${input}\0`);
    hash.update(content ? createHash("sha256").update(content).digest("hex") : "missing");
  }
  return hash.digest("hex").slice(0, 32);
}

/** `<name>-<settings>.inputs.json` lists the files the last build read; `<name>-<full key>.bin` holds the assets. */
async function readEntry(dir: string, name: string, settingsKey: string): Promise<Asset[] | undefined> {
  const inputs = JSON.parse(await readFile(join(dir, `${name}-${settingsKey}.inputs.json`), "utf8")) as string[];
  const key = await inputsHash(settingsKey, inputs);
  return decode(await readFile(join(dir, `${name}-${key}.bin`)));
}

async function writeEntry(dir: string, name: string, settingsKey: string, inputs: string[], assets: Asset[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const key = await inputsHash(settingsKey, inputs);
  // The assets first: a manifest is only ever seen with its entry already in place.
  await writeAtomically(join(dir, `${name}-${key}.bin`), encode(assets));
  await writeAtomically(join(dir, `${name}-${settingsKey}.inputs.json`), JSON.stringify(inputs));
}

async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}

/** [header length, 4 bytes][header JSON: names and lengths][every body, in order] */
function encode(assets: Asset[]): Uint8Array {
  const header = Buffer.from(JSON.stringify(assets.map((a) => ({ file: a.file, sizes: [a.identity.byteLength, a.gzip.byteLength, a.br.byteLength] }))));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.byteLength);
  return Buffer.concat([length, header, ...assets.flatMap((a) => [a.identity, a.gzip, a.br])]);
}

function decode(data: Buffer): Asset[] {
  const headerEnd = 4 + data.readUInt32BE(0);
  const header = JSON.parse(data.subarray(4, headerEnd).toString("utf8")) as { file: string; sizes: [number, number, number] }[];
  let at = headerEnd;
  const take = (size: number) => {
    if (at + size > data.byteLength) throw new Error("bundle cache: entry cut short");
    const body = new Uint8Array(data.subarray(at, at + size));
    at += size;
    return body;
  };
  const assets = header.map(({ file, sizes }) => ({ file, contentType: contentTypeOf(file), identity: take(sizes[0]), gzip: take(sizes[1]), br: take(sizes[2]) }));
  if (at !== data.byteLength) throw new Error("bundle cache: entry longer than its header says");
  return assets;
}
