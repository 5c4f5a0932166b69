import { z } from "zod";
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from "../../../i18n/language.js";
import { currentRequestLanguage } from "../../lib/request-language.js";
import { fieldText } from "../../lib/zod-language.js";
import { ownRecord } from "../../lib/own-record.js";

/** Output formats of an analysis; only `json` is computed here, the others render it later. */
export const ANALYSIS_FORMATS = ["json", "vega-lite", "svg", "png", "xlsx", "csv"] as const;
export type AnalysisFormat = (typeof ANALYSIS_FORMATS)[number];

/** Chart kinds; each analysis takes the ones that fit it (frequencies: bars; crosstab: bars, stacked, heatmap; ratio: dots; numeric: histogram, boxplot). */
export const CHART_KINDS = ["bars", "stacked", "heatmap", "dots", "histogram", "boxplot"] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

// The one language type; re-exported for the analysis code that reads it from here.
export { LANGUAGES, type Language } from "../../../i18n/language.js";

const questionName = z
  .string()
  .min(1, { error: fieldText("fields.nameAQuestion") })
  .max(200);
const choiceValue = z.union([z.string(), z.number(), z.boolean()], { error: fieldText("fields.choiceValueType") });

const filterItem = z.strictObject({
  question: questionName,
  in: z
    .array(choiceValue)
    .min(1, { error: fieldText("fields.listAChoice") })
    .max(1000),
});

/** Only the responses that came through a collection link of one of these units. */
const unitFilterItem = z.strictObject({
  unit: z
    .array(z.string().min(1).max(100))
    .min(1, { error: fieldText("fields.listAChoice") })
    .max(1000),
});

/** One filter or a list of them (all must hold): question filters and unit filters. */
const filter = z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(z.union([filterItem, unitFilterItem])).max(20));

/** Group by a single-choice question, or by the unit of the collection link (`{ unit: true }`). */
const groupBy = z.union([questionName, z.strictObject({ unit: z.literal(true) })]);

/** Population counts by category: every count a finite number, zero or more. */
export const population = ownRecord(
  z
    .number({ error: fieldText("fields.populationNumber") })
    .finite()
    .nonnegative({ error: fieldText("fields.populationNegative") }),
).refine((p) => Object.keys(p).length > 0, { error: fieldText("fields.populationEvery") });

const margin = z.strictObject({ question: questionName, population });

const weight = z
  .strictObject({ poststratify: margin.optional(), rake: z.array(margin).min(1).max(10).optional() })
  .refine((w) => (w.poststratify === undefined) !== (w.rake === undefined), {
    error: fieldText("fields.weightEither"),
  });

const populationSize = z.number().finite().positive();
const level = z.number().gt(0).lt(1);

const common = {
  filter: filter.optional(),
  /** The body's language, else the request's (`?lang=`, session, `Accept-Language`), else Simplified Chinese. */
  lang: z.enum(LANGUAGES).default(() => currentRequestLanguage() ?? DEFAULT_LANGUAGE),
  format: z.enum(ANALYSIS_FORMATS).default("json"),
  /** The chart drawn for vega-lite, svg and png (default: the analysis's first kind); numeric + histogram also bins the json result. */
  chart: z.enum(CHART_KINDS).optional(),
  /** PNG only: pixels per SVG pixel (stored as 96·scale dpi). */
  scale: z.number().finite().positive().max(10).optional(),
  /** PNG only: width in pixels (stored as 300 dpi); default 1890, 16 cm at 300 dpi. */
  width: z.number().int().min(100).max(10_000).optional(),
  /** Also analyse saved, unfinished responses. */
  includePartial: z.boolean().default(false),
};

/** POST …/analysis/frequencies */
export const frequenciesRequest = z.strictObject({
  ...common,
  question: questionName,
  weight: weight.optional(),
  ci: z
    .strictObject({
      method: z.enum(["wilson", "clopper-pearson", "agresti-coull"]).optional(),
      level: level.optional(),
      populationSize: populationSize.optional(),
    })
    .optional(),
});

/** POST …/analysis/crosstab */
export const crosstabRequest = z.strictObject({
  ...common,
  row: questionName,
  /** A single-choice question, or the unit of the collection link (`{ unit: true }`). */
  column: groupBy,
  /** With a multi-select row: analyse this one option as ticked / not ticked. */
  rowOption: choiceValue.optional(),
  weight: weight.optional(),
  populationSize: populationSize.optional(),
});

/** POST …/analysis/ratio */
export const ratioRequest = z.strictObject({
  ...common,
  numerator: questionName,
  denominator: questionName,
  by: groupBy.optional(),
  weight: weight.optional(),
  populationSize: populationSize.optional(),
  ci: z.strictObject({ level: level.optional() }).optional(),
});

/** POST …/analysis/numeric */
export const numericRequest = z.strictObject({
  ...common,
  question: questionName,
  by: groupBy.optional(),
});

export type FilterSpec = z.infer<typeof filterItem> | z.infer<typeof unitFilterItem>;
export type GroupBySpec = z.infer<typeof groupBy>;
export type WeightSpec = z.infer<typeof weight>;
export type MarginSpec = z.infer<typeof margin>;
export type FrequenciesRequest = z.infer<typeof frequenciesRequest>;
export type CrosstabRequest = z.infer<typeof crosstabRequest>;
export type RatioRequest = z.infer<typeof ratioRequest>;
export type NumericRequest = z.infer<typeof numericRequest>;

/** Fields only the presentation reads (numeric keeps `chart`: a histogram bins the result). */
type PresentationKey = "format" | "chart" | "scale" | "width";

/**
 * What the analysis services take: a request already checked by its schema (by the
 * route, or by the report definition's schema), defaults filled in. They do not parse
 * again: each input is parsed once, where it enters.
 */
export type FrequencyQuery = Omit<FrequenciesRequest, PresentationKey> & Pick<DesignOptions, "scope">;
/** A checked cross-tab request; see {@link FrequencyQuery}. */
export type CrosstabQuery = Omit<CrosstabRequest, PresentationKey> & Pick<DesignOptions, "scope">;
/** A checked ratio request; see {@link FrequencyQuery}. */
export type RatioQuery = Omit<RatioRequest, PresentationKey> & Pick<DesignOptions, "scope">;
/** A checked numeric request; see {@link FrequencyQuery}. */
export type NumericQuery = Omit<NumericRequest, Exclude<PresentationKey, "chart">> & Pick<DesignOptions, "scope">;

/** What every analysis needs besides its questions. */
export interface DesignOptions {
  filter?: FilterSpec[];
  lang: Language;
  includePartial: boolean;
  /** The caller sees only this unit's responses (a member limited to one unit), whatever the filter says. */
  scope?: string | null;
}
