import { ApiError } from "../api.js";
import { useWords } from "../context.js";

/** A failed call, in the server's own words (problem+json title, detail, per-field messages). */
export function ProblemBox({ error }: { error: unknown }) {
  const w = useWords();
  const problem = error instanceof ApiError ? error.problem : null;
  const title = problem?.title ?? w.common.failed;
  const detail = problem ? problem.detail : w.common.networkError;
  return (
    <div class="problem" role="alert">
      <p class="problem-title">{title}</p>
      {detail && detail !== title ? <p>{detail}</p> : null}
      {problem?.errors?.length ? (
        <ul>
          {problem.errors.map((e, i) => (
            <li key={i}>{e.question ? `${e.question}: ${e.message ?? ""}` : e.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
