/** SPSS .sav export: a streamed, bytecode-compressed system file with UTF-8 labels. */
import { dictionaryBytes, planColumns, type ColumnFacts, type DictionaryMeta, type SavColumn } from "./sav-dictionary.js";
import { SPSS_EPOCH_OFFSET, utf8Cut } from "./sav-bytes.js";
import { RowContext, type ExportRow, type Layout } from "../dataset/variables.js";
import { Visibility } from "../../questionnaire/visibility.js";
import { zoneOffsetMs } from "../../lib/time-zone.js";

const BIAS = 100;
const SPACES8 = Buffer.from("        ");

/**
 * Bytecode compression (compression code 1): blocks of eight one-byte commands, each followed
 * by the 8-byte values the commands could not encode. Whole numbers from -99 to 151 become one
 * byte, eight blanks become one byte, system-missing one byte.
 */
export class CaseCompressor {
  private out = Buffer.alloc(1 << 16);
  private pos = 0;
  private block = -1;
  private commands = 8;

  private ensure(extra: number): void {
    if (this.pos + extra <= this.out.length) return;
    let size = this.out.length * 2;
    while (size < this.pos + extra) size *= 2;
    const bigger = Buffer.alloc(size);
    this.out.copy(bigger, 0, 0, this.pos);
    this.out = bigger;
  }

  private command(code: number): void {
    if (this.commands === 8) {
      this.ensure(8);
      this.block = this.pos;
      this.out.fill(0, this.pos, this.pos + 8);
      this.pos += 8;
      this.commands = 0;
    }
    this.out[this.block + this.commands++] = code;
  }

  /** A numeric value; null is system-missing. */
  number(value: number | null): void {
    if (value === null || !Number.isFinite(value)) return this.command(255);
    if (Number.isInteger(value) && value >= 1 - BIAS && value <= 251 - BIAS) return this.command(value + BIAS);
    this.command(253);
    this.ensure(8);
    this.out.writeDoubleLE(value, this.pos);
    this.pos += 8;
  }

  /** Eight bytes of a string (already padded with spaces). */
  chunk(data: Buffer, offset: number): void {
    if (data.compare(SPACES8, 0, 8, offset, offset + 8) === 0) return this.command(254);
    this.command(253);
    this.ensure(8);
    data.copy(this.out, this.pos, offset, offset + 8);
    this.pos += 8;
  }

  /** Ends the data: the end-of-file command, the last block padded with zero commands. */
  end(): void {
    this.command(252);
    this.commands = 8;
  }

  /** Takes the finished bytes: everything before a block whose commands are not all written yet. */
  take(): Buffer {
    const upTo = this.commands < 8 ? this.block : this.pos;
    const done = Buffer.from(this.out.subarray(0, upTo));
    this.out.copy(this.out, 0, upTo, this.pos);
    this.pos -= upTo;
    if (this.commands < 8) this.block = 0;
    return done;
  }
}

function dateSeconds(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) ? null : ms / 1000 + SPSS_EPOCH_OFFSET;
}

/** One case: every variable's cell in storage form, compressed. */
function writeCase(compressor: CaseCompressor, columns: SavColumn[], context: RowContext, scratch: { buffer: Buffer }, timeZone: string): void {
  for (const column of columns) {
    const raw = column.variable.read(context);
    if (column.numeric) {
      const format = column.variable.format;
      if (raw === null) compressor.number(null);
      // SPSS date-times carry no zone: the wall-clock time in the survey's zone, as in XLSX.
      else if (format === "DATETIME") compressor.number(typeof raw === "number" ? (raw + zoneOffsetMs(raw, timeZone)) / 1000 + SPSS_EPOCH_OFFSET : null);
      else if (format === "DATE") compressor.number(typeof raw === "string" ? dateSeconds(raw) : null);
      else compressor.number(typeof raw === "number" ? raw : null);
      continue;
    }
    const bytes = raw === null ? Buffer.alloc(0) : utf8Cut(typeof raw === "string" ? raw : String(raw), column.width);
    let offset = 0;
    for (const segment of column.segments) {
      const size = segment.units * 8;
      if (scratch.buffer.length < size) scratch.buffer = Buffer.alloc(size);
      const buffer = scratch.buffer;
      buffer.fill(0x20, 0, size);
      // Segments hold 255 bytes of the string each (the last one what is left).
      if (offset < bytes.length) bytes.copy(buffer, 0, offset, Math.min(bytes.length, offset + Math.min(segment.width, 255)));
      offset += 255;
      for (let at = 0; at < size; at += 8) compressor.chunk(buffer, at);
    }
  }
}

/**
 * Streams a .sav file: the dictionary first (string widths measured beforehand), then the cases
 * batch by batch. The case count in the header is -1 (unknown), as the format allows for
 * streamed files; readers count the cases. Date-times are wall-clock times in `timeZone`.
 */
export async function* writeSav(layout: Layout, facts: ColumnFacts, meta: DictionaryMeta, batches: AsyncIterable<ExportRow[]>, timeZone: string): AsyncGenerator<Uint8Array> {
  const columns = planColumns(layout, facts);
  yield dictionaryBytes(columns, layout, meta);
  const compressor = new CaseCompressor();
  const visibility = new Visibility();
  const scratch = { buffer: Buffer.alloc(256) };
  for await (const batch of batches) {
    for (const row of batch) writeCase(compressor, columns, new RowContext(row, visibility), scratch, timeZone);
    yield compressor.take();
  }
  compressor.end();
  yield compressor.take();
}
