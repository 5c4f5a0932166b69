import type { Language } from "../../../../i18n/language.js";

/** The four kinds of analysis a report holds. */
export const ANALYSIS_KINDS = ["frequencies", "crosstab", "ratio", "numeric"] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

/**
 * One analysis of a report definition (src/report/definition.ts): its kind, title and note, and
 * the fields of its analysis call (question, row, column, filter, weight, …), kept as they are.
 */
export interface ReportItem {
  type: AnalysisKind;
  title: string;
  note?: string;
  [field: string]: unknown;
}

/** A report definition as the builder edits it; fields it does not show are kept as they are. */
export interface ReportDefinition {
  title: string;
  lang: Language;
  introduction?: string;
  analyses: ReportItem[];
  [field: string]: unknown;
}

/** GET /api/surveys/{name}/reports/{id} */
export interface StoredReport {
  id: number;
  revision: number;
  definition: ReportDefinition;
  shareToken: string | null;
  updatedAt: string;
}

/** A line of GET /api/surveys/{name}/reports */
export interface ReportSummary {
  id: number;
  revision: number;
  title: string;
  lang: Language;
  analyses: number;
  shared: boolean;
  updatedAt: string;
}
