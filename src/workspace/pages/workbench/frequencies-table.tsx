import { useBoot } from "../../context.js";
import { num, pct } from "./numbers.js";

/** What the frequencies call answers (format json), as far as the table shows it. */
export interface FrequenciesResult {
  question: { title: string; multiple: boolean };
  labels: string[];
  counts: number[];
  weightedCounts?: number[];
  casePercent: number[];
  responsePercent: number[];
  ci: { lower: number; upper: number; method: string; level: number }[];
  n: number;
  weightedN?: number;
  missing: number;
  notAsked: number;
  mentions: number;
  base?: { casePercent?: string; responsePercent?: string };
  weighted: boolean;
}

/** The frequency table: counts, both bases for a multi-select, the intervals, and missing and not asked apart. */
export function FrequenciesTable({ result }: { result: FrequenciesResult }) {
  const { words, lang } = useBoot();
  const w = words.workbench;
  const multiple = result.question.multiple;
  const weighted = Array.isArray(result.weightedCounts);
  const level = result.ci[0]?.level;
  return (
    <div class="table-wrap">
      <table class="counts analysis-table" data-analysis="frequencies">
        <thead>
          <tr>
            <th scope="col">{w.category}</th>
            <th scope="col" class="num">
              {w.count}
            </th>
            {weighted ? (
              <th scope="col" class="num">
                {w.weightedCount}
              </th>
            ) : null}
            <th scope="col" class="num">
              {w.casePercent}
            </th>
            {multiple ? (
              <th scope="col" class="num">
                {w.responsePercent}
              </th>
            ) : null}
            <th scope="col" class="num">
              {w.interval}
              {level ? ` (${pct(level, lang)}, ${result.ci[0].method})` : ""}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.labels.map((label, k) => (
            <tr key={k}>
              <th scope="row">{label}</th>
              <td class="num">{num(result.counts[k], lang)}</td>
              {weighted ? <td class="num">{num(result.weightedCounts?.[k], lang)}</td> : null}
              <td class="num" data-cell="casePercent">
                {pct(result.casePercent[k], lang)}
              </td>
              {multiple ? <td class="num">{pct(result.responsePercent[k], lang)}</td> : null}
              <td class="num">{result.ci[k] ? `${pct(result.ci[k].lower, lang)} – ${pct(result.ci[k].upper, lang)}` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
          <dd data-fact="missing">{num(result.missing, lang)}</dd>
        </div>
        <div>
          <dt>{w.notAsked}</dt>
          <dd data-fact="notAsked">{num(result.notAsked, lang)}</dd>
        </div>
        {multiple ? (
          <div>
            <dt>{w.mentions}</dt>
            <dd>{num(result.mentions, lang)}</dd>
          </div>
        ) : null}
      </dl>
      {result.base?.casePercent ? (
        <p class="note">
          {w.casePercent}: {result.base.casePercent}
        </p>
      ) : null}
      {multiple && result.base?.responsePercent ? (
        <p class="note">
          {w.responsePercent}: {result.base.responsePercent}
        </p>
      ) : null}
    </div>
  );
}
