import type { AccountWords } from "./sections/account.js";
import type { ChartWords } from "./sections/chart.js";
import type { ChoiceWords } from "./sections/choices.js";
import type { ExportWords } from "./sections/export.js";
import type { LinkWords } from "./sections/links.js";
import type { PageWords } from "./sections/page.js";
import type { ProblemWords } from "./sections/problems.js";
import type { ReportWords } from "./sections/report.js";
import type { Sentences } from "./sections/sentences.js";
import type { TableWords } from "./sections/table.js";
import type { WorkspaceWords } from "./sections/workspace.js";
import type { ZoneWords } from "./sections/zones.js";

/**
 * Everything the platform itself says in one language, by section. Questionnaire texts are
 * not here: they come from the questionnaire's own locales.
 */
export interface Catalogue {
  /** The respondent page. */
  page: PageWords;
  /** Charts and their captions. */
  chart: ChartWords;
  /** Headers and notes of result tables. */
  table: TableWords;
  /** Reports: captions, headings, the methods section. */
  report: ReportWords;
  /** Exports: flags, meta variables, parts of column names. */
  export: ExportWords;
  /** The printable sheet of collection-link cards. */
  links: LinkWords;
  /** Special choices (none, refused, don't know, other) and yes/no, when the questionnaire does not word them. */
  choices: ChoiceWords;
  /** problem+json titles. */
  problems: ProblemWords;
  /** The sign-in and setup pages. */
  account: AccountWords;
  /** The workspace pages (only strings: the page receives them as JSON). */
  workspace: WorkspaceWords;
  /** Names of time zones (the workspace receives them beside its words). */
  zones: ZoneWords;
  /** Sentences of the server: details, field reasons, import problems, answer checks. */
  sentences: Sentences;
}

export type { AccountWords, ChartWords, ChoiceWords, ExportWords, LinkWords, PageWords, ProblemWords, ReportWords, Sentences, TableWords, WorkspaceWords, ZoneWords };
export type { ProblemCode } from "./sections/problems.js";
export type { TestName } from "./sections/report.js";
