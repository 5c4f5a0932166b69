import { useBoot } from "../../context.js";
import { num, pct } from "./numbers.js";

interface Summary {
  label?: string;
  n: number;
  missing: number;
  notAsked: number;
  mean: number | null;
  se?: number | null;
  ci?: { lower: number; upper: number; level: number; method: string } | null;
  sd: number | null;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

/** What the numeric call answers (format json). */
export interface NumericResult extends Summary {
  groups: Summary[];
  base?: string;
}

/** A number question's summary, overall and per group, with the mean's standard error and interval. */
export function NumericTable({ result }: { result: NumericResult }) {
  const { words, lang } = useBoot();
  const w = words.workbench;
  const rows = [{ ...result, label: w.total }, ...result.groups];
  const ci = result.ci;
  const heads = [w.n, w.mean, w.se, `${w.interval}${ci ? ` (${pct(ci.level, lang)}, ${ci.method})` : ""}`, w.sd, w.min, w.q1, w.median, w.q3, w.max, w.missing, w.notAsked];
  return (
    <div class="table-wrap">
      <table class="counts analysis-table" data-analysis="numeric">
        <thead>
          <tr>
            <th scope="col">{w.group}</th>
            {heads.map((h) => (
              <th scope="col" class="num" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => (
            <tr key={k}>
              <th scope="row">{r.label}</th>
              <td class="num">{num(r.n, lang)}</td>
              <td class="num" data-cell="mean">
                {num(r.mean, lang)}
              </td>
              <td class="num">{num(r.se, lang)}</td>
              <td class="num">{r.ci ? `${num(r.ci.lower, lang)} – ${num(r.ci.upper, lang)}` : ""}</td>
              <td class="num">{num(r.sd, lang)}</td>
              <td class="num">{num(r.min, lang)}</td>
              <td class="num">{num(r.q1, lang)}</td>
              <td class="num">{num(r.median, lang)}</td>
              <td class="num">{num(r.q3, lang)}</td>
              <td class="num">{num(r.max, lang)}</td>
              <td class="num">{num(r.missing, lang)}</td>
              <td class="num">{num(r.notAsked, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.base ? <p class="note">{result.base}</p> : null}
    </div>
  );
}
