import { z } from "@hono/zod-openapi";
import { LANGUAGES } from "../services/analysis/requests.js";

/**
 * The JSON results of the analysis calls, as far as a client relies on them: the
 * envelope every result has and the statistics the contract names (design.md).
 * Loose, because a result carries more detail (intervals, notes, bases) per kind.
 */
const envelope = {
  survey: z.string(),
  lang: z.enum(LANGUAGES),
  versions: z.array(z.looseObject({ version: z.number().int() })),
  filter: z.array(z.looseObject({})),
  includePartial: z.boolean(),
  /** How the result is weighted; numeric summaries are never weighted and leave it out. */
  weight: z.unknown().optional(),
};

const counts = z.array(z.number());
const table = z.array(z.array(z.number()));
const test = z.looseObject({ statistic: z.number().nullable(), df: z.number(), p: z.number().nullable() });

/** POST …/analysis/frequencies, format json. */
export const frequenciesResult = z
  .looseObject({
    analysis: z.literal("frequencies"),
    ...envelope,
    question: z.looseObject({ name: z.string(), multiple: z.boolean() }),
    categories: z.array(z.looseObject({ value: z.unknown(), label: z.string() })),
    labels: z.array(z.string()),
    n: z.number(),
    counts,
    missing: z.number(),
    weighted: z.boolean(),
  })
  .openapi("FrequenciesResult");

/** POST …/analysis/crosstab, format json: a two-way table, or one row per option of a multi-select. */
export const crosstabResult = z
  .looseObject({
    analysis: z.literal("crosstab"),
    ...envelope,
    /** Unweighted tables; a weighted multi-select cross-tab has weightedCounts instead. */
    counts: table.optional(),
    weightedCounts: table.optional(),
    columnLabels: z.array(z.string()),
    tests: z
      // A multi-select option every respondent (or none) ticked has no test: its pearson is null.
      .union([z.looseObject({ pearson: test.optional() }), z.array(z.looseObject({ pearson: test.nullable().optional() }))])
      .nullable()
      .optional(),
  })
  .openapi("CrosstabResult");

/** POST …/analysis/ratio, format json. */
export const ratioResult = z
  .looseObject({
    analysis: z.literal("ratio"),
    ...envelope,
    ratio: z.number().nullable(),
    se: z.number().nullable(),
    n: z.number(),
  })
  .openapi("RatioResult");

/** POST …/analysis/numeric, format json. */
export const numericResult = z
  .looseObject({
    analysis: z.literal("numeric"),
    ...envelope,
    question: z.looseObject({ name: z.string() }),
    n: z.number(),
    mean: z.number().nullable(),
    sd: z.number().nullable(),
    median: z.number().nullable(),
    groups: z.array(z.looseObject({ label: z.string(), n: z.number() })),
  })
  .openapi("NumericResult");

/** A vega-lite chart spec (format vega-lite): also JSON. */
export const vegaLiteSpec = z.looseObject({ $schema: z.string() }).openapi("VegaLiteSpec", { description: "A vega-lite v6 spec" });
