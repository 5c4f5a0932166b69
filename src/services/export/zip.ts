/** Zip archives streamed as their files are produced (fflate's container, Node's zlib deflate): the export bundle, the XLSX export and the report bundle. */
import { constants, deflateRawSync } from "node:zlib";
import { Zip, ZipPassThrough, type FlateError } from "fflate";

/**
 * A zip entry deflated by Node's zlib (several times faster than fflate's JavaScript deflate),
 * synchronously, chunk by chunk: each chunk becomes DEFLATE blocks ending in a sync flush, the
 * last one a final block, which together form one valid DEFLATE stream. fflate counts the size
 * and CRC of what is pushed.
 */
export class NativeZipDeflate extends ZipPassThrough {
  constructor(
    filename: string,
    private readonly level = 6,
  ) {
    super(filename);
    this.compression = 8;
  }

  process(chunk: Uint8Array, final: boolean): void {
    try {
      const flush = final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH;
      this.ondata(null, deflateRawSync(chunk, { level: this.level, finishFlush: flush }), final);
    } catch (error) {
      this.ondata(error as FlateError, new Uint8Array(0), final);
    }
  }
}

/**
 * An fflate `Zip` whose output collects in a queue, and `drain`, which yields what has
 * collected (or throws the zip's error): call it after every push to stream the archive.
 */
export function zipWriter(): { zip: Zip; drain: () => Generator<Uint8Array> } {
  const pending: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else if (chunk.length > 0) pending.push(chunk);
  });
  const drain = function* () {
    if (failure) throw failure;
    while (pending.length > 0) yield pending.shift()!;
  };
  return { zip, drain };
}

export interface BundleFile {
  name: string;
  data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** Already compressed (XLSX is a zip itself): stored, not deflated again. */
  stored?: boolean;
}

/**
 * Zips the files in order. fflate's synchronous deflate hands out compressed bytes during each
 * push, so every input chunk turns into output chunks before the next one is read: memory holds
 * one chunk at a time.
 */
export async function* zipBundle(files: BundleFile[]): AsyncGenerator<Uint8Array> {
  const { zip, drain } = zipWriter();
  for (const file of files) {
    const entry = file.stored ? new ZipPassThrough(file.name) : new NativeZipDeflate(file.name);
    zip.add(entry);
    for await (const chunk of file.data) {
      if (chunk.length === 0) continue;
      entry.push(chunk);
      yield* drain();
    }
    entry.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
