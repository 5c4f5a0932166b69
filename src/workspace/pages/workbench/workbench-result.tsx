import { CrosstabTable, type CrosstabResult } from "./crosstab-table.js";
import { FrequenciesTable, type FrequenciesResult } from "./frequencies-table.js";
import { NumericTable, type NumericResult } from "./numeric-table.js";
import { RatioTable, type RatioResult } from "./ratio-table.js";
import { ResultChart } from "./result-chart.js";
import type { AnalysisKind } from "./state.js";
import { type Weighting, WeightingCells } from "./weighting-cells.js";

/** Any analysis result, with the envelope every one has. */
export type AnyResult = { versions: { version: number; responses: number }[]; weight?: Weighting | null } & Record<string, unknown>;

/** The table of a result beside its chart, and the weighting cells when it is weighted. */
export function WorkbenchResult({ kind, result, spec, onDrawn }: { kind: AnalysisKind; result: AnyResult; spec: Record<string, unknown>; onDrawn: () => void }) {
  const table =
    kind === "frequencies" ? (
      <FrequenciesTable result={result as unknown as FrequenciesResult} />
    ) : kind === "crosstab" ? (
      <CrosstabTable result={result as unknown as CrosstabResult} />
    ) : kind === "ratio" ? (
      <RatioTable result={result as unknown as RatioResult} />
    ) : (
      <NumericTable result={result as unknown as NumericResult} />
    );
  return (
    <div class="result-pair">
      <div class="result-table">
        {table}
        {result.weight ? <WeightingCells weighting={result.weight} /> : null}
      </div>
      <ResultChart spec={spec} onDrawn={onDrawn} />
    </div>
  );
}
