/** Turning a variable's raw cell (code, number, text) into what CSV, XLSX and JSON Lines show. */
import { zonedDateTime } from "../../lib/time-zone.js";
import type { Variable } from "../dataset/variables.js";

export type TextCell = string | number | boolean | null;

/** How a time (milliseconds since 1970) reads as text. */
export type TimeText = (ms: number) => string;

/** ISO 8601 in UTC, for machines (JSON Lines). */
export const isoTimeText: TimeText = (ms) => new Date(ms).toISOString();

/** The wall-clock time in the zone with its offset, for people and spreadsheets (CSV). */
export const zonedTimeText =
  (timeZone: string): TimeText =>
  (ms) =>
    zonedDateTime(ms, timeZone);

/**
 * How one variable's cells read in a text format: a coded choice becomes its label (or its stored
 * value when labels are "values"), "not asked" codes become empty (text formats have no
 * missing-value declarations), times become text as `times` writes them.
 */
export function textRenderer(variable: Variable, values: boolean, times: TimeText = isoTimeText): (raw: number | string | null) => TextCell {
  if (variable.format === "DATETIME") return (raw) => (typeof raw === "number" ? times(raw) : null);
  if (variable.storage === "numeric" && variable.labels.length > 0) {
    const shown = new Map<number, TextCell>();
    for (const label of variable.labels) {
      if (label.value === null) continue;
      // A label that only repeats its value (rating "5") keeps the value's type.
      shown.set(label.code, values || label.label === String(label.value) ? label.value : label.label);
    }
    const empty = new Set(variable.missing.filter((code) => !shown.has(code)));
    // Flags and ranks show their numbers; "not asked" shows as an empty cell.
    return (raw) => (raw === null || (typeof raw === "number" && empty.has(raw)) ? null : typeof raw === "number" ? (shown.get(raw) ?? raw) : raw);
  }
  return (raw) => raw;
}
