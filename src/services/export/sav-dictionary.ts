/**
 * The dictionary of an SPSS system file (.sav): header, variable records, value labels, documents
 * and the extension records SPSS 14+ reads (machine info, display parameters, long names, very
 * long strings, multiple-response sets, UTF-8 encoding). Layout of the records as documented in
 * the PSPP developers' guide, "System File Format".
 */
import { ByteWriter, FORMAT, formatSpec, SYSMIS, utf8Cut } from "./sav-bytes.js";
import type { Layout, Variable } from "../dataset/variables.js";
import { zoneOffsetMs } from "../../lib/time-zone.js";

/** One variable as stored: numeric (8 bytes) or a string split into segments of at most 255 bytes. */
export interface SavColumn {
  variable: Variable;
  numeric: boolean;
  /** String width in bytes (0 for numbers). */
  width: number;
  decimals: number;
  /** Each segment's declared width, short name and size in 8-byte units. */
  segments: { width: number; short: string; units: number }[];
}

/** What the probe measured for the layout's variables, by name. */
export interface ColumnFacts {
  width: Map<string, number>;
  numeric: Map<string, boolean>;
  decimals: Map<string, number>;
}

const MAX_STRING = 32767;

/** Segment widths of a string: one segment up to 255 bytes; a very long string gets one per 252 bytes (all but the last 255 wide). */
export function segmentWidths(width: number): number[] {
  if (width <= 255) return [width];
  const n = Math.ceil(width / 252);
  return Array.from({ length: n }, (_, i) => (i < n - 1 ? 255 : width - (n - 1) * 252));
}

/** Plans storage for every variable: string widths and decimals from the probe, unique 8-byte short names. */
export function planColumns(layout: Layout, facts: ColumnFacts): SavColumn[] {
  const shorts = new ShortNames();
  return layout.variables.map((variable) => {
    const numeric = variable.storage === "numeric" || (variable.probeType === true && facts.numeric.get(variable.name) === true);
    const width = numeric ? 0 : Math.min(MAX_STRING, Math.max(1, variable.key === null ? (variable.width ?? 36) : (facts.width.get(variable.name) ?? 1)));
    const decimals = numeric ? Math.min(16, facts.decimals.get(variable.name) ?? 0) : 0;
    const widths = numeric ? [0] : segmentWidths(width);
    const segments = widths.map((w, i) => ({ width: w, short: shorts.next(i === 0 ? variable.name : null), units: numeric ? 1 : Math.ceil(w / 8) }));
    return { variable, numeric, width, decimals, segments };
  });
}

/** Short (8-byte, upper-case) names, unique: the long name's start when it is plain ASCII, else V1, V2, … */
class ShortNames {
  private readonly used = new Set<string>();
  private counter = 1;

  next(long: string | null): string {
    if (long && /^[A-Za-z][A-Za-z0-9_@#$.]*$/.test(long)) {
      const candidate = long.slice(0, 8).toUpperCase().replace(/\.+$/, "");
      if (candidate && !this.used.has(candidate)) return this.take(candidate);
    }
    let name: string;
    do name = `V${this.counter++}`;
    while (this.used.has(name));
    return this.take(name);
  }

  private take(name: string): string {
    this.used.add(name);
    return name;
  }
}

function printFormat(column: SavColumn, segmentWidth: number): number {
  const v = column.variable;
  if (!column.numeric) return formatSpec(FORMAT.A, Math.max(1, segmentWidth), 0);
  if (v.format === "DATETIME") return formatSpec(FORMAT.DATETIME, 20, 0);
  if (v.format === "DATE") return formatSpec(FORMAT.DATE, 11, 0);
  if (v.labels.length > 0) return formatSpec(FORMAT.F, 8, 0);
  const decimals = column.decimals;
  return formatSpec(FORMAT.F, Math.min(40, Math.max(8, 11 + decimals)), decimals);
}

export interface DictionaryMeta {
  fileLabel: string;
  documents: string[];
  created: Date;
  /** The zone whose wall clock the header's creation date and time show (UTC when absent); they carry no zone of their own. */
  timeZone?: string;
  /** Number of cases, or -1 when unknown. */
  cases: number;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

/** The whole dictionary, from the file header to the termination record (999). */
export function dictionaryBytes(columns: SavColumn[], layout: Layout, meta: DictionaryMeta): Buffer {
  const w = new ByteWriter();
  const units = columns.reduce((sum, c) => sum + c.segments.reduce((s, g) => s + g.units, 0), 0);
  const created = meta.timeZone ? new Date(meta.created.getTime() + zoneOffsetMs(meta.created.getTime(), meta.timeZone)) : meta.created;
  w.fixed("$FL2", 4)
    .fixed("@(#) SPSS DATA FILE dangjian-survey export", 60)
    .int32(2) // layout code
    .int32(units) // 8-byte units per case
    .int32(1) // bytecode compression
    .int32(0) // no weight variable
    .int32(meta.cases) // number of cases (-1: unknown)
    .float64(100) // compression bias
    .fixed(`${two(created.getUTCDate())} ${MONTHS[created.getUTCMonth()]} ${two(created.getUTCFullYear() % 100)}`, 9)
    .fixed(`${two(created.getUTCHours())}:${two(created.getUTCMinutes())}:${two(created.getUTCSeconds())}`, 8)
    .fixed(utf8Cut(meta.fileLabel, 64), 64)
    .zeros(3);

  for (const column of columns) writeVariable(w, column);
  writeValueLabels(w, columns, layout.mode === "values");
  if (meta.documents.length > 0) {
    w.int32(6).int32(meta.documents.length);
    for (const line of meta.documents) w.fixed(utf8Cut(line, 80), 80);
  }
  // Machine integer info: version 1.0.0, IEEE 754 floats, bytecode compression, little-endian, UTF-8 (code page 65001).
  w.int32(7).int32(3).int32(4).int32(8).int32(1).int32(0).int32(0).int32(-1).int32(1).int32(1).int32(2).int32(65001);
  // Machine floating-point info: system-missing, highest, lowest.
  const lowest = Buffer.from([0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xef, 0xff]);
  w.int32(7).int32(4).int32(8).int32(3).float64(SYSMIS).float64(Number.MAX_VALUE).bytes(lowest);
  if (layout.sets.length > 0) textRecord(w, 7, mrsetsText(layout, columns));
  writeDisplayParameters(w, columns);
  textRecord(w, 13, columns.map((c) => `${c.segments[0].short}=${c.variable.name}`).join("\t"));
  const veryLong = columns.filter((c) => c.segments.length > 1);
  if (veryLong.length > 0) textRecord(w, 14, veryLong.map((c) => `${c.segments[0].short}=${String(c.width).padStart(5, "0")}\0\t`).join(""));
  textRecord(w, 20, "UTF-8");
  w.int32(999).int32(0);
  return w.toBuffer();
}

function textRecord(w: ByteWriter, subtype: number, text: string): void {
  const data = Buffer.from(text);
  w.int32(7).int32(subtype).int32(1).int32(data.length).bytes(data);
}

function writeVariable(w: ByteWriter, column: SavColumn): void {
  const v = column.variable;
  column.segments.forEach((segment, i) => {
    const first = i === 0;
    const label = first && v.label ? utf8Cut(v.label, 255) : null;
    const missing = first && column.numeric ? v.missing.slice(0, 3) : [];
    const format = printFormat(column, segment.width);
    w.int32(2)
      .int32(column.numeric ? 0 : segment.width)
      .int32(label ? 1 : 0)
      .int32(missing.length)
      .int32(format)
      .int32(format)
      .fixed(segment.short, 8);
    if (label) {
      w.int32(label.length)
        .bytes(label)
        .zeros((4 - (label.length % 4)) % 4);
    }
    for (const value of missing) w.float64(value);
    // A string wider than 8 bytes takes one dummy record per further 8 bytes.
    for (let k = 1; k < segment.units; k++) w.int32(2).int32(-1).int32(0).int32(0).int32(0).int32(0).fixed("", 8);
  });
}

/** With labels=values the value labels show the stored values (flags and "not asked" keep their words). */
function writeValueLabels(w: ByteWriter, columns: SavColumn[], values: boolean): void {
  let index = 1;
  for (const column of columns) {
    const v = column.variable;
    if (column.numeric && v.labels.length > 0) {
      const sorted = [...v.labels].sort((a, b) => a.code - b.code);
      w.int32(3).int32(sorted.length);
      for (const label of sorted) {
        // SPSS shows at most 120 bytes of a value label.
        const text = utf8Cut(values && label.value !== null ? String(label.value) : label.label, 120);
        w.float64(label.code)
          .bytes(Uint8Array.of(text.length))
          .bytes(text)
          .zeros((8 - ((text.length + 1) % 8)) % 8);
      }
      w.int32(4).int32(1).int32(index);
    }
    index += column.segments.reduce((s, g) => s + g.units, 0);
  }
}

/** Multiple dichotomy sets counting the value 1, named by the (lower-case) short names as SPSS reads them. */
function mrsetsText(layout: Layout, columns: SavColumn[]): string {
  const shortOf = new Map(columns.map((c) => [c.variable.name, c.segments[0].short.toLowerCase()]));
  return layout.sets
    .map((set) => {
      const label = utf8Cut(set.label.replace(/[\r\n]+/g, " "), 255).toString();
      const name = utf8Cut(set.name, 64).toString();
      return `${name}=D1 1 ${Buffer.byteLength(label)} ${label} ${set.variables.map((n) => shortOf.get(n)).join(" ")}\n`;
    })
    .join("");
}

function writeDisplayParameters(w: ByteWriter, columns: SavColumn[]): void {
  const count = columns.reduce((s, c) => s + c.segments.length, 0);
  w.int32(7)
    .int32(11)
    .int32(4)
    .int32(count * 3);
  for (const column of columns) {
    const measure = column.variable.measure === "nominal" ? 1 : column.variable.measure === "ordinal" ? 2 : 3;
    const display = column.numeric ? (column.variable.format === "DATETIME" ? 20 : column.variable.format === "DATE" ? 11 : 8) : Math.min(40, Math.max(8, column.width));
    column.segments.forEach((segment, i) => {
      w.int32(measure)
        .int32(i === 0 ? display : Math.min(40, Math.max(1, segment.width)))
        .int32(column.numeric ? 1 : 0);
    });
  }
}
