import { z } from "zod";
import { frequenciesRequest, numericRequest, type DesignOptions } from "../analysis/requests.js";

/** The charts of a keyword table: bars of the top words, or a word cloud. */
export const TEXT_CHARTS = ["bars", "cloud"] as const;
export type TextChart = (typeof TEXT_CHARTS)[number];

/**
 * POST …/analysis/text: the other analyses' filter, weight, language, format and PNG
 * options (their schemas, so the checks and messages are theirs), a grouping as numeric's.
 */
export const textRequest = frequenciesRequest.omit({ question: true, ci: true, chart: true }).extend({
  /** A text or comment question, or a choice question (or `{name}-Comment`) for its "other" texts. */
  question: frequenciesRequest.shape.question,
  by: numericRequest.shape.by,
  /** How many words and phrases (and keywords per group) to list. */
  top: z.number().int().min(1).max(200).default(20),
  /** Example answers per word. */
  examples: z.number().int().min(0).max(10).default(3),
  chart: z.enum(TEXT_CHARTS).optional(),
});

export type TextRequest = z.infer<typeof textRequest>;

/** A checked keyword request, as the service takes it. */
export type TextQuery = Omit<TextRequest, "format" | "chart" | "scale" | "width"> & Pick<DesignOptions, "scope">;
