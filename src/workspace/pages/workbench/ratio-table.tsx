import { useBoot } from "../../context.js";
import { num, pct } from "./numbers.js";

interface RatioRow {
  label?: string;
  n: number;
  numeratorTotal: number;
  denominatorTotal: number;
  ratio: number | null;
  se: number | null;
  ci: { lower: number; upper: number; method: string; level: number } | null;
}

/** What the ratio call answers (format json). */
export interface RatioResult extends RatioRow {
  missing: number;
  groups: RatioRow[];
  base?: string;
}

/** The ratio of totals, overall and per group, with its standard error and interval. */
export function RatioTable({ result }: { result: RatioResult }) {
  const { words, lang } = useBoot();
  const w = words.workbench;
  const rows = [{ ...result, label: w.total }, ...result.groups];
  return (
    <div class="table-wrap">
      <table class="counts analysis-table" data-analysis="ratio">
        <thead>
          <tr>
            <th scope="col">{w.group}</th>
            <th scope="col" class="num">
              {w.ratio}
            </th>
            <th scope="col" class="num">
              {w.se}
            </th>
            <th scope="col" class="num">
              {w.interval}
              {result.ci ? ` (${pct(result.ci.level, lang)}, ${result.ci.method})` : ""}
            </th>
            <th scope="col" class="num">
              {w.numeratorTotal}
            </th>
            <th scope="col" class="num">
              {w.denominatorTotal}
            </th>
            <th scope="col" class="num">
              {w.n}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => (
            <tr key={k}>
              <th scope="row">{r.label}</th>
              <td class="num" data-cell="ratio">
                {pct(r.ratio, lang)}
              </td>
              <td class="num">{pct(r.se, lang)}</td>
              <td class="num">{r.ci ? `${pct(r.ci.lower, lang)} – ${pct(r.ci.upper, lang)}` : ""}</td>
              <td class="num">{num(r.numeratorTotal, lang)}</td>
              <td class="num">{num(r.denominatorTotal, lang)}</td>
              <td class="num">{num(r.n, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.base ? <p class="note">{result.base}</p> : null}
    </div>
  );
}
