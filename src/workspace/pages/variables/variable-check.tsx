import { useEffect, useState } from "preact/hooks";
import type { Problem } from "../../api.js";
import { useBoot } from "../../context.js";
import { fill } from "../../fill.js";
import { count, percent } from "../../format.js";
import { openLive } from "../../live.js";

/** The part of a frequencies result this check shows. */
interface Frequencies {
  question: { title: string };
  labels: string[];
  counts: number[];
  n: number;
  missing: number;
  notAsked: number;
}

/**
 * A variable's frequencies as a check of its definition, live: the server's frequencies of the
 * variable by name, sent again as responses arrive (src/workspace/live.ts).
 */
export function VariableCheck({ survey, name, revision }: { survey: string; name: string; revision: number }) {
  const { words: w, lang } = useBoot();
  const v = w.variables;
  const [result, setResult] = useState<Frequencies | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [state, setState] = useState<"live" | "reconnecting">("live");
  useEffect(() => {
    setResult(null);
    setProblem(null);
    const live = openLive<Frequencies>(survey, "frequencies", { question: name, lang }, { onResult: setResult, onProblem: setProblem, onState: setState });
    return () => live.close();
  }, [survey, name, lang, revision]);

  return (
    <section class="panel variable-check" data-variable={name} aria-live="polite">
      <h2>{fill(v.checking, { name })}</h2>
      {problem ? (
        <div class="problem" role="alert">
          <p class="problem-title">{problem.title}</p>
          <p>{problem.detail}</p>
        </div>
      ) : !result ? (
        <p>{w.common.loading}</p>
      ) : (
        <>
          <p class="hint">{state === "live" ? v.live : v.reconnecting}</p>
          <table class="frequencies">
            <caption>{result.question.title}</caption>
            <thead>
              <tr>
                <th scope="col">{v.category}</th>
                <th scope="col" class="num">
                  {v.count}
                </th>
                <th scope="col" class="num">
                  {v.percent}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.labels.map((label, k) => (
                <tr key={k} data-category={label}>
                  <th scope="row">{label}</th>
                  <td class="num" data-count={result.counts[k]}>
                    {count(result.counts[k], lang)}
                  </td>
                  <td class="num">{percent(result.counts[k], result.n, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="hint base" data-n={result.n}>
            {fill(v.base, { n: count(result.n, lang), missing: count(result.missing, lang), notAsked: count(result.notAsked, lang) })}
          </p>
        </>
      )}
    </section>
  );
}
