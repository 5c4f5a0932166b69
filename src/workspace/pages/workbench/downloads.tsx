import { useState } from "preact/hooks";
import { useWords } from "../../context.js";
import { ProblemBox } from "../../components/problem-box.js";
import { analysisFile } from "./call.js";
import type { AnalysisKind } from "./state.js";

const FORMATS = ["png", "svg", "vega-lite", "xlsx", "csv"] as const;

/** Downloads of the current result through the same call with another `format`, named as the server names them. */
export function Downloads({ survey, kind, body }: { survey: string; kind: AnalysisKind; body: Record<string, unknown> }) {
  const w = useWords().workbench;
  const [error, setError] = useState<unknown>(null);
  const download = async (format: string) => {
    setError(null);
    try {
      const { blob, name } = await analysisFile(survey, kind, body, format);
      const href = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = href;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <fieldset class="downloads">
      <legend>{w.downloads}</legend>
      {FORMATS.map((f) => (
        <button type="button" class="button small" key={f} data-format={f} onClick={() => void download(f)}>
          {w.formats[f]}
        </button>
      ))}
      {error ? <ProblemBox error={error} /> : null}
    </fieldset>
  );
}
