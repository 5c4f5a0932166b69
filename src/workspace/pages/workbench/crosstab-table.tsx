import { useState } from "preact/hooks";
import { useBoot } from "../../context.js";
import { fill } from "../../fill.js";
import { num, pct, pValue } from "./numbers.js";

type Table = number[][];
type Test = { statistic: number | null; df: number; p: number | null } | null;

/** What the crosstab call answers (format json): a two-way table, or one row per option of a multi-select. */
export interface CrosstabResult {
  rowLabels?: string[];
  optionLabels?: string[];
  columnLabels: string[];
  counts?: Table;
  weightedCounts?: Table;
  rowPercent?: Table;
  columnPercent?: Table;
  totalPercent?: Table;
  expected?: Table;
  adjustedResiduals?: Table;
  rowTotals?: number[];
  columnTotals?: number[];
  n: number;
  weightedN?: number;
  missing: number;
  smallExpected?: { cells: number; share: number; minExpected: number };
  columnProportions?: { keys: string[]; alpha: number; adjust: string; rows: { greaterThan: string[][] }[] };
  tests?: Tests | (Tests & { option: string })[] | null;
  note?: string;
  base?: Record<string, string>;
}

interface Tests {
  pearson?: Test;
  likelihoodRatio?: Test;
  fisher?: { p: number } | null;
  cramersV?: number | null;
  raoScott?: { chisq: number; df: number; p: number; F: number; ndf: number; ddf: number; pF: number } | null;
}

const CELL_KINDS = ["counts", "weightedCounts", "rowPercent", "columnPercent", "totalPercent", "expected", "adjustedResiduals"] as const;
type CellKind = (typeof CELL_KINDS)[number];

/** The shading class of an adjusted residual: beyond ±1.96 light, beyond ±2.58 dark. */
function shade(r: number | undefined): string | undefined {
  if (r === undefined || Math.abs(r) <= 1.96) return undefined;
  return `${r > 0 ? "res-pos" : "res-neg"}${Math.abs(r) > 2.58 ? "-strong" : ""}`;
}

/** The cross-tab: the cells chosen, residuals shaded, column letters, the tests and the small-count warning. */
export function CrosstabTable({ result }: { result: CrosstabResult }) {
  const { words, lang } = useBoot();
  const w = words.workbench;
  const rows = result.rowLabels ?? result.optionLabels ?? [];
  const available = CELL_KINDS.filter((k) => Array.isArray(result[k]));
  const [shown, setShown] = useState<CellKind[]>(["counts", "weightedCounts", "columnPercent"]);
  const cells = available.filter((k) => shown.includes(k));
  const letters = result.columnProportions;
  const value = (kind: CellKind, i: number, j: number) => {
    if (kind === "counts" || kind === "weightedCounts" || kind === "expected" || kind === "adjustedResiduals") return num(result[kind]?.[i]?.[j], lang);
    return pct(result[kind]?.[i]?.[j], lang);
  };
  return (
    <div>
      <fieldset class="cell-kinds">
        <legend>{w.cells}</legend>
        {available.map((k) => (
          <label key={k}>
            <input type="checkbox" checked={shown.includes(k)} onChange={(e) => setShown(e.currentTarget.checked ? [...shown, k] : shown.filter((s) => s !== k))} />{" "}
            {w.cellKinds[k]}
          </label>
        ))}
      </fieldset>
      <div class="table-wrap">
        <table class="counts analysis-table crosstab" data-analysis="crosstab">
          <thead>
            <tr>
              <th scope="col" />
              {result.columnLabels.map((label, j) => (
                <th scope="col" class="num" key={j}>
                  {label}
                  {letters ? <span class="key"> ({letters.keys[j]})</span> : null}
                </th>
              ))}
              {result.rowTotals ? (
                <th scope="col" class="num">
                  {w.total}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((label, i) => (
              <tr key={i}>
                <th scope="row">{label}</th>
                {result.columnLabels.map((_, j) => (
                  <td key={j} class={`num ${shade(result.adjustedResiduals?.[i]?.[j]) ?? ""}`} data-row={i} data-col={j}>
                    {cells.map((k) => (
                      <span class={`cell-${k}`} key={k}>
                        {value(k, i, j)}
                      </span>
                    ))}
                    {letters?.rows[i]?.greaterThan[j]?.length ? <span class="letters">{letters.rows[i].greaterThan[j].join("")}</span> : null}
                  </td>
                ))}
                {result.rowTotals ? <td class="num">{num(result.rowTotals[i], lang)}</td> : null}
              </tr>
            ))}
          </tbody>
          {result.columnTotals ? (
            <tfoot>
              <tr>
                <th scope="row">{w.total}</th>
                {result.columnTotals.map((t, j) => (
                  <td class="num" key={j}>
                    {num(t, lang)}
                  </td>
                ))}
                <td class="num">{num(result.n, lang)}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      <dl class="facts">
        <div>
          <dt>{w.n}</dt>
          <dd data-fact="n">{num(result.n, lang)}</dd>
        </div>
        {result.weightedN !== undefined ? (
          <div>
            <dt>{w.weightedN}</dt>
            <dd>{num(result.weightedN, lang)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{w.missing}</dt>
          <dd>{num(result.missing, lang)}</dd>
        </div>
      </dl>
      {result.adjustedResiduals ? <p class="note">{w.residualNote}</p> : null}
      {letters ? <p class="note">{fill(w.lettersNote, { adjust: letters.adjust, alpha: String(letters.alpha) })}</p> : null}
      {result.smallExpected && result.smallExpected.cells > 0 ? (
        <p class="warning" role="note">
          {fill(w.smallExpected, { cells: String(result.smallExpected.cells), share: pct(result.smallExpected.share, lang), min: num(result.smallExpected.minExpected, lang) })}
        </p>
      ) : null}
      {result.tests ? <TestsTable tests={result.tests} /> : null}
      {result.note ? <p class="note">{result.note}</p> : null}
    </div>
  );
}

/** χ², G², Fisher, Cramér's V, or Rao–Scott when weighted; one row per option for a multi-select. */
function TestsTable({ tests }: { tests: NonNullable<CrosstabResult["tests"]> }) {
  const { words, lang } = useBoot();
  const w = words.workbench;
  const list = Array.isArray(tests) ? tests : [{ ...tests, option: "" }];
  const rows: { key: string; name: string; statistic: string; df: string; p: string }[] = [];
  for (const [k, t] of list.entries()) {
    const prefix = t.option ? `${t.option} · ` : "";
    if (t.raoScott) {
      rows.push({ key: `${k}rs`, name: prefix + w.raoScott, statistic: num(t.raoScott.chisq, lang, 3), df: num(t.raoScott.df, lang), p: pValue(t.raoScott.p) });
      rows.push({
        key: `${k}rsf`,
        name: prefix + w.raoScottF,
        statistic: num(t.raoScott.F, lang, 3),
        df: `${num(t.raoScott.ndf, lang)}, ${num(t.raoScott.ddf, lang)}`,
        p: pValue(t.raoScott.pF),
      });
    }
    if (t.pearson) rows.push({ key: `${k}p`, name: prefix + w.pearson, statistic: num(t.pearson.statistic, lang, 3), df: num(t.pearson.df, lang), p: pValue(t.pearson.p) });
    if (t.likelihoodRatio)
      rows.push({
        key: `${k}g`,
        name: prefix + w.likelihoodRatio,
        statistic: num(t.likelihoodRatio.statistic, lang, 3),
        df: num(t.likelihoodRatio.df, lang),
        p: pValue(t.likelihoodRatio.p),
      });
    if (t.fisher) rows.push({ key: `${k}f`, name: prefix + w.fisher, statistic: "", df: "", p: pValue(t.fisher.p) });
    if (typeof t.cramersV === "number") rows.push({ key: `${k}v`, name: prefix + w.cramersV, statistic: num(t.cramersV, lang, 3), df: "", p: "" });
  }
  return (
    <div class="table-wrap">
      <table class="counts tests" data-analysis="tests">
        <caption>{w.tests}</caption>
        <thead>
          <tr>
            <th scope="col">{w.test}</th>
            <th scope="col" class="num">
              {w.statistic}
            </th>
            <th scope="col" class="num">
              {w.df}
            </th>
            <th scope="col" class="num">
              {w.p}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td class="num">{r.statistic}</td>
              <td class="num">{r.df}</td>
              <td class="num">{r.p}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
