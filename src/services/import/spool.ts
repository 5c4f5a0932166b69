/**
 * Checked rows waiting to be stored, kept in a temporary file rather than in memory: the import
 * stores nothing until every row has passed, so they wait for the whole file, and a file of a
 * hundred thousand rows would otherwise hold them all at once. Checking stays outside the
 * database transaction, which on the embedded database would hold up every other request.
 */
import { createReadStream } from "node:fs";
import { appendFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { CheckedResponse } from "./stored-state.js";

export class Spool {
  private count = 0;
  private constructor(
    private readonly dir: string,
    private readonly file: string,
  ) {}

  /** A new, empty spool in the system's temporary directory. */
  static async open(): Promise<Spool> {
    const dir = await mkdtemp(join(tmpdir(), "survey-import-"));
    return new Spool(dir, join(dir, "rows.ndjson"));
  }

  /** How many rows are written. */
  get size(): number {
    return this.count;
  }

  /** Appends a batch of rows, one JSON line each. */
  async write(rows: readonly CheckedResponse[]): Promise<void> {
    if (rows.length === 0) return;
    await appendFile(this.file, rows.map((r) => `${JSON.stringify(r)}\n`).join(""));
    this.count += rows.length;
  }

  /** The rows as written, in batches of `size`. */
  async *batches(size: number): AsyncGenerator<CheckedResponse[]> {
    if (this.count === 0) return;
    let batch: CheckedResponse[] = [];
    for await (const line of createInterface({ input: createReadStream(this.file, "utf8"), crlfDelay: Number.POSITIVE_INFINITY })) {
      batch.push(JSON.parse(line) as CheckedResponse);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** Deletes the file. */
  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
