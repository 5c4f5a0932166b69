/** The errors and warnings of an import, gathered as rows stream by, with what is listed kept bounded. */
import { phrase } from "../../../i18n/phrase.js";
import { AppError } from "../../errors.js";
import type { CellError } from "./assemble.js";

/** An import lists every bad cell, but a hopeless file should not produce a million-entry answer. */
export const MAX_LISTED_ERRORS = 10_000;

function byPlace(a: CellError, b: CellError): number {
  return a.row - b.row || (a.cell ?? "").length - (b.cell ?? "").length || (a.cell ?? "").localeCompare(b.cell ?? "");
}

/** Findings of one kind, listed in row order up to the limit, all of them counted. */
export class Findings {
  private readonly listed: CellError[] = [];
  private readonly rows = new Set<number>();
  private total = 0;

  /** Adds the findings of the next rows (rows come in order: the header first, then batch by batch). */
  add(found: readonly CellError[]): void {
    if (found.length === 0) return;
    this.total += found.length;
    for (const f of [...found].sort(byPlace)) {
      this.rows.add(f.row);
      if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push(f);
    }
  }

  get count(): number {
    return this.total;
  }

  /** The listed findings, in the order of the sheet. */
  list(): CellError[] {
    return [...this.listed].sort(byPlace);
  }

  /** The error that refuses the whole file. */
  failure(rows: number): AppError {
    const listed = this.list();
    return new AppError("unprocessable", phrase("imports.failed", { problems: this.total, badRows: this.rows.size, rows, listed: listed.length }), listed);
  }
}
