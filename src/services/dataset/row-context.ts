/** A response as the exports read it, and the per-response view the variables read from. */
import type { QuestionSpec } from "../../questionnaire/question.js";
import type { Visibility } from "../../questionnaire/visibility.js";

/** One stored response, as the exports read it. */
export interface ExportRow {
  id: string;
  version: number;
  complete: boolean;
  data: Record<string, unknown>;
  notAsked: string[];
  createdAt: Date;
  completedAt: Date | null;
  /** The unit of the collection link the response came through, or null. */
  unit?: string | null;
  /** The derived variables' SQL values (see derived-columns.ts), when the export has any. */
  derived?: (string | boolean | null)[];
}

/** A response being written, with "was this question asked?" answered once per question. */
export class RowContext {
  private readonly askedCache = new Map<string, boolean>();
  constructor(
    readonly row: ExportRow,
    private readonly visibility: Visibility,
  ) {}

  get data(): Record<string, unknown> {
    return this.row.data;
  }

  asked(spec: QuestionSpec): boolean {
    let asked = this.askedCache.get(spec.key);
    if (asked === undefined) {
      asked = !this.row.notAsked.includes(spec.key) && this.visibility.asked(spec, this.row.data);
      this.askedCache.set(spec.key, asked);
    }
    return asked;
  }
}
