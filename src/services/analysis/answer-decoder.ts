import type { Category } from "./analysis-question.js";
import { categoryId, type AnalysisQuestion } from "./analysis-question.js";

/** What one grouped answer says about a question. */
export type Decoded = { status: "answered"; categories: number[] } | { status: "missing" } | { status: "notAsked" };

/**
 * Turns the answer texts SQL groups by into category indices: a single choice arrives as
 * `->>` text, a multi-select answer as JSON text. Values no version offers count as
 * "other" when the question has an other item (free text stored in the value), otherwise
 * they become extra, `unlisted` categories after the listed ones. No answer is "not
 * asked" when the question was hidden (or absent from the version), else "missing".
 */
export class AnswerDecoder {
  readonly categories: Category[];
  private readonly byId = new Map<string, number>();
  private readonly byText = new Map<string, number>();

  constructor(readonly question: AnalysisQuestion) {
    this.categories = question.categories.map((c) => ({ ...c }));
    this.categories.forEach((c, i) => this.remember(c.value, i));
  }

  /** One grouped answer text (null when absent) and whether the respondent was not asked. */
  decode(text: string | null, notAsked: boolean): Decoded {
    if (text === null) return notAsked ? { status: "notAsked" } : { status: "missing" };
    let values: unknown[] = [text];
    if (this.question.kind === "multiple") {
      try {
        const parsed: unknown = JSON.parse(text);
        values = Array.isArray(parsed) ? parsed : [parsed];
      } catch {
        values = [text];
      }
    }
    const categories = [...new Set(values.filter((v) => v !== null && v !== "").map((v) => this.categoryOf(v)))];
    if (categories.length > 0) return { status: "answered", categories };
    return notAsked ? { status: "notAsked" } : { status: "missing" };
  }

  /** The index of one stored value (or its `->>` text), adding an unlisted category when no version offers it. */
  categoryOf(value: unknown): number {
    const known = this.byId.get(categoryId(value)) ?? this.byText.get(String(value));
    if (known !== undefined) return known;
    if (this.question.otherIndex !== null && typeof value === "string") return this.question.otherIndex;
    const scalar = typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : categoryId(value);
    this.categories.push({ value: scalar, label: String(scalar), unlisted: true });
    this.remember(scalar, this.categories.length - 1);
    return this.categories.length - 1;
  }

  private remember(value: unknown, index: number): void {
    this.byId.set(categoryId(value), index);
    if (!this.byText.has(String(value))) this.byText.set(String(value), index);
  }
}
