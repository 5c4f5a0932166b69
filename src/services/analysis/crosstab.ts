import { phrase, say, type Phrase } from "../../../i18n/phrase.js";
import { crosstab, multipleResponseCrosstab, weightedCrosstab, weightedMultipleResponseCrosstab } from "../../../analysis/index.js";
import type { Db } from "../../db/client.js";
import { AppError, fieldError } from "../../errors.js";
import { tallyCrosstab } from "./crosstab-tally.js";
import { buildDesign, matchCategory } from "./design.js";
import { groupingQuestion } from "./unit.js";
import { compute, requireKind } from "./guard.js";
import type { CrosstabQuery, Language } from "./requests.js";
import { describeQuestion, findQuestion, loadCatalog } from "./analysis-question.js";
import { describeWeighting, planWeights } from "./weights.js";

const NOT_TICKED: Record<Language, string> = { "zh-Hans": "未选择", "zh-Hant": "未選擇", en: "Not ticked" };

/**
 * Cross-tab of a row question by a single-choice column question, from one GROUP BY
 * (weighting cell × column answer × row answer). Two single-choice questions get counts,
 * percentages, expected counts, adjusted residuals and the independence tests (weighted:
 * Rao–Scott). A multi-select row question gets percent of respondents and of ticks per
 * column and one test per option; with `rowOption` one of its options becomes a
 * ticked / not-ticked row with the full two-way statistics.
 */
export async function crosstabAnalysis(db: Db, surveyName: string, request: CrosstabQuery) {
  const catalog = await loadCatalog(db, surveyName);
  const row = findQuestion(catalog, request.row, request.lang, "row");
  const column = await groupingQuestion(db, catalog, request.column, request.lang, request.scope, "column");
  requireKind(row, "row", ["single", "multiple"], phrase("roles.crosstabRow"));
  if (column.kind === "multiple" && row.kind === "single") {
    throw new AppError("unprocessable", phrase("analysis.multiSelectColumn"), [
      fieldError("column", "multi_select_column", phrase("analysis.multiSelectColumnField", { name: column.name })),
    ]);
  }
  requireKind(column, "column", ["single"], phrase("roles.crosstabColumn"));
  if (row.name === column.name) {
    throw new AppError("unprocessable", phrase("analysis.sameQuestion"), [fieldError("column", "same_question", phrase("analysis.sameQuestionField"))]);
  }
  let option: number | null = null;
  if (request.rowOption !== undefined) {
    const category = row.kind === "multiple" ? matchCategory(row, request.rowOption) : undefined;
    if (!category) {
      const why = row.kind === "multiple" ? `'${String(request.rowOption)}' is not a choice of '${row.name}'` : `'${row.name}' is not a multi-select question`;
      throw new AppError("unprocessable", phrase("analysis.rowOptionMismatch"), [{ question: "rowOption", message: why }]);
    }
    option = row.categories.indexOf(category);
  }
  const design = buildDesign(catalog, request);
  const plan = planWeights(catalog, request.weight, request.lang);
  const t = await tallyCrosstab(db, design, row, column, plan);
  const calibration = compute(phrase("computations.weighting"), () => t.cells.calibrate());
  const rowCategories = t.rowDecoder.categories;
  const columnCategories = t.columnDecoder.categories;
  const columnLabels = columnCategories.map((c) => c.label);
  const common = {
    analysis: "crosstab" as const,
    survey: catalog.name,
    lang: request.lang,
    row: { ...describeQuestion(row), multiple: row.kind === "multiple" },
    column: describeQuestion(column),
    versions: t.versions.list(),
    filter: design.filters,
    includePartial: design.includePartial,
    weight: describeWeighting(t.cells, calibration),
    missing: t.missing.rows,
    missingDetail: t.missing.detail,
    columnCategories,
    weighted: calibration !== null,
  };
  const sumCells = <T>(perCell: T[], add: (acc: T, x: T) => T, zero: T) => perCell.reduce(add, zero);

  if (row.kind === "single" || option !== null) {
    const labels = option === null ? rowCategories.map((c) => c.label) : [rowCategories[option].label, NOT_TICKED[request.lang]];
    const categories = option === null ? rowCategories : [rowCategories[option], { value: null, label: NOT_TICKED[request.lang] }];
    const counts = option === null ? t.counts : t.selected.map((cell, g) => [cell[option!], cell[option!].map((v, j) => t.bases[g][j] - v)]);
    const said = (wording: Phrase) => say(request.lang, wording);
    const base = {
      rowPercent: said(phrase("bases.rowPercent")),
      columnPercent: said(phrase("bases.columnPercent")),
      totalPercent: said(phrase("bases.totalPercent", { missing: t.missing.rows })),
      ...(option === null ? {} : { rows: said(phrase("bases.optionRows", { name: row.name, value: String(rowCategories[option].value) })) }),
    };
    const shared = { ...common, rowCategories: categories, rowOption: option === null ? null : rowCategories[option].value, base };
    if (!calibration) {
      const zero = labels.map(() => columnLabels.map(() => 0));
      const total = sumCells(counts, (acc, cell) => acc.map((r, i) => r.map((v, j) => v + cell[i][j])), zero);
      return { ...shared, ...compute(phrase("computations.crosstab"), () => crosstab({ rowLabels: labels, columnLabels, counts: total })) };
    }
    return {
      ...shared,
      ...compute(phrase("computations.weightedCrosstab"), () => weightedCrosstab({ calibration, rowLabels: labels, columnLabels, counts, populationSize: request.populationSize })),
    };
  }

  const optionLabels = rowCategories.map((c) => c.label);
  const shared = {
    ...common,
    rowCategories,
    rowOption: null,
    base: {
      columnPercent: say(request.lang, phrase("bases.multipleColumnPercent", { name: row.name })),
      responsePercent: say(request.lang, phrase("bases.multipleResponsePercent")),
    },
  };
  if (!calibration) {
    const selected = sumCells(
      t.selected,
      (acc, cell) => acc.map((r, k) => r.map((v, j) => v + cell[k][j])),
      optionLabels.map(() => columnLabels.map(() => 0)),
    );
    const bases = sumCells(
      t.bases,
      (acc, cell) => acc.map((v, j) => v + cell[j]),
      columnLabels.map(() => 0),
    );
    return { ...shared, ...compute(phrase("computations.crosstab"), () => multipleResponseCrosstab({ optionLabels, columnLabels, selected, bases })) };
  }
  return {
    ...shared,
    ...compute(phrase("computations.weightedCrosstab"), () =>
      weightedMultipleResponseCrosstab({
        calibration,
        optionLabels,
        columnLabels,
        selected: t.selected,
        bases: t.bases,
        populationSize: request.populationSize,
      }),
    ),
  };
}
