import { useBoot } from "../../context.js";
import { num } from "./numbers.js";

/** The weighting the API applied (a result's `weight`): its cells with their sample sizes and weights. */
export interface Weighting {
  kind: string;
  questions: string[];
  cells?: { key: (string | number | boolean)[]; n: number; weight: number }[];
}

/** The weighting cells and the weight each respondent in them got. */
export function WeightingCells({ weighting }: { weighting: Weighting }) {
  const { words, lang } = useBoot();
  const w = words.workbench;
  if (!weighting.cells?.length) return null;
  return (
    <div class="table-wrap">
      <table class="counts" data-analysis="weighting">
        <caption>
          {w.weighting} · {weighting.kind === "rake" ? w.weightRake : w.weightPost} ({weighting.questions.join(" × ")})
        </caption>
        <thead>
          <tr>
            <th scope="col">{w.cell}</th>
            <th scope="col" class="num">
              {w.sampleN}
            </th>
            <th scope="col" class="num">
              {w.weight}
            </th>
          </tr>
        </thead>
        <tbody>
          {weighting.cells.map((c) => (
            <tr key={c.key.join("\u0000")}>
              <th scope="row">{c.key.join(" × ")}</th>
              <td class="num">{num(c.n, lang)}</td>
              <td class="num">{num(c.weight, lang, 4)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
