/**
 * A small reader of SPSS system files for the tests, written from the PSPP developers' guide
 * rather than from the writer: header, dictionary, extension records and bytecode-compressed
 * data, very long strings joined from their segments.
 */

export interface SavVariable {
  short: string;
  name: string;
  /** 0 numeric, else the width in bytes (joined width for very long strings). */
  width: number;
  label: string | null;
  missing: number[];
  format: { type: number; width: number; decimals: number };
  valueLabels: Map<number, string>;
  measure?: number;
}

export interface SavFile {
  magic: string;
  product: string;
  caseSize: number;
  compression: number;
  cases: number;
  bias: number;
  fileLabel: string;
  /** The header's creation date and time, as written ("02 Dec 26", "18:30:00"). */
  created: { date: string; time: string };
  characterCode: number;
  encoding: string;
  documents: string[];
  variables: SavVariable[];
  mrsets: string;
  rows: (number | string | null)[][];
}

interface Slot {
  short: string;
  width: number;
  label: string | null;
  missing: number[];
  format: number;
  index: number;
}

export function readSav(buffer: Buffer): SavFile {
  let pos = 0;
  const int = () => ((pos += 4), buffer.readInt32LE(pos - 4));
  const float = () => ((pos += 8), buffer.readDoubleLE(pos - 8));
  const bytes = (n: number) => ((pos += n), buffer.subarray(pos - n, pos));
  const text = (n: number) => bytes(n).toString("utf8");

  const magic = text(4);
  const product = text(60).trimEnd();
  int(); // layout code
  const caseSize = int();
  const compression = int();
  int(); // weight index
  const cases = int();
  const bias = float();
  const created = { date: text(9), time: text(8) };
  const fileLabel = text(64).trimEnd();
  bytes(3);

  const slots: Slot[] = [];
  const labelSets: { labels: [number, string][]; indexes: number[] }[] = [];
  const documents: string[] = [];
  const extensions = new Map<number, Buffer>();
  let displayParams: number[] = [];
  let dictIndex = 0;
  for (let done = false; !done; ) {
    const type = int();
    switch (type) {
      case 2: {
        const width = int();
        const hasLabel = int();
        const nMissing = int();
        const print = int();
        int(); // write format
        const short = bytes(8).toString("utf8").trimEnd();
        dictIndex++;
        let label: string | null = null;
        if (hasLabel) {
          const length = int();
          label = bytes(length).toString("utf8");
          bytes((4 - (length % 4)) % 4);
        }
        const missing: number[] = [];
        for (let i = 0; i < Math.abs(nMissing); i++) missing.push(float());
        if (width !== -1) slots.push({ short, width, label, missing, format: print, index: dictIndex });
        break;
      }
      case 3: {
        const count = int();
        const labels: [number, string][] = [];
        for (let i = 0; i < count; i++) {
          const value = float();
          const length = buffer[pos];
          pos += 1;
          labels.push([value, bytes(length).toString("utf8")]);
          bytes((8 - ((length + 1) % 8)) % 8);
        }
        if (int() !== 4) throw new Error("value labels not followed by record 4");
        const n = int();
        const indexes: number[] = [];
        for (let i = 0; i < n; i++) indexes.push(int());
        labelSets.push({ labels, indexes });
        break;
      }
      case 6: {
        const n = int();
        for (let i = 0; i < n; i++) documents.push(text(80).trimEnd());
        break;
      }
      case 7: {
        const subtype = int();
        const size = int();
        const count = int();
        const data = Buffer.from(bytes(size * count));
        extensions.set(subtype, data);
        if (subtype === 11) displayParams = Array.from({ length: count }, (_, i) => data.readInt32LE(i * 4));
        break;
      }
      case 999:
        int();
        done = true;
        break;
      default:
        throw new Error(`unknown record type ${type} at ${pos - 4}`);
    }
  }

  const integerInfo = extensions.get(3);
  const characterCode = integerInfo ? integerInfo.readInt32LE(28) : 0;
  const encoding = extensions.get(20)?.toString("utf8") ?? "";
  const longNames = new Map(
    (extensions.get(13)?.toString("utf8") ?? "")
      .split("\t")
      .filter(Boolean)
      .map((p) => p.split("=") as [string, string]),
  );
  const veryLong = new Map(
    (extensions.get(14)?.toString("utf8") ?? "")
      .split("\t")
      .map((p) => p.replace(/\0$/, ""))
      .filter(Boolean)
      .map((p) => {
        const [short, width] = p.split("=");
        return [short, Number(width)] as [string, number];
      }),
  );

  // Join very long strings' segments into one variable each.
  const variables: (SavVariable & { segments: Slot[] })[] = [];
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    const joined = veryLong.get(slot.short);
    const segments = joined ? slots.slice(i, i + Math.ceil(joined / 252)) : [slot];
    i += segments.length - 1;
    const labels = new Map<number, string>();
    for (const set of labelSets) if (set.indexes.includes(slot.index)) for (const [v, l] of set.labels) labels.set(v, l);
    variables.push({
      short: slot.short,
      name: longNames.get(slot.short) ?? slot.short,
      width: joined ?? slot.width,
      label: slot.label,
      missing: slot.missing,
      format: { type: slot.format >> 16, width: (slot.format >> 8) & 0xff, decimals: slot.format & 0xff },
      valueLabels: labels,
      segments,
    });
  }
  let segmentIndex = 0;
  for (const v of variables) {
    v.measure = displayParams[segmentIndex * 3];
    segmentIndex += v.segments.length;
  }

  // Data: a stream of 8-byte units, decompressed when compression = 1.
  const nextUnits = (() => {
    let commands: number[] = [];
    return (): Buffer | number | null | "spaces" | "end" => {
      if (compression === 0) return pos + 8 <= buffer.length ? bytes(8) : "end";
      for (;;) {
        if (commands.length === 0) {
          if (pos + 8 > buffer.length) return "end";
          commands = [...bytes(8)];
        }
        const code = commands.shift()!;
        if (code === 0) continue;
        if (code === 252) return "end";
        if (code === 253) return bytes(8);
        if (code === 254) return "spaces";
        if (code === 255) return null;
        return code - bias;
      }
    };
  })();
  const rows: (number | string | null)[][] = [];
  for (;;) {
    const row: (number | string | null)[] = [];
    let started = false;
    const next = () => {
      const unit = nextUnits();
      if (unit === "end") {
        if (started) throw new Error("data ends inside a case");
        return unit;
      }
      started = true;
      return unit;
    };
    let ended = false;
    for (const v of variables) {
      if (v.width === 0) {
        const unit = next();
        if (unit === "end") {
          ended = true;
          break;
        }
        const value = unit === null ? null : typeof unit === "number" ? unit : unit === "spaces" ? null : unit.readDoubleLE(0);
        row.push(value === -Number.MAX_VALUE ? null : value);
        continue;
      }
      const parts: Buffer[] = [];
      for (const segment of v.segments) {
        const size = Math.ceil(segment.width / 8) * 8;
        const chunk = Buffer.alloc(size, 0x20);
        for (let at = 0; at < size; at += 8) {
          const unit = next();
          if (unit === "end") {
            ended = true;
            break;
          }
          if (Buffer.isBuffer(unit)) unit.copy(chunk, at);
        }
        if (ended) break;
        parts.push(chunk.subarray(0, Math.min(255, segment.width)));
      }
      if (ended) break;
      row.push(Buffer.concat(parts).toString("utf8").replace(/ +$/, ""));
    }
    if (ended) break;
    rows.push(row);
  }

  return {
    magic,
    product,
    caseSize,
    compression,
    cases,
    bias,
    fileLabel,
    created,
    characterCode,
    encoding,
    documents,
    variables: variables.map(({ segments: _segments, ...v }) => v),
    mrsets: extensions.get(7)?.toString("utf8") ?? "",
    rows,
  };
}
