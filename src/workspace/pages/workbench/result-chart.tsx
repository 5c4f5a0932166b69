import { useEffect, useRef, useState } from "preact/hooks";
import { useWords } from "../../context.js";
import { fill } from "../../fill.js";

/**
 * The chart beside the table: the server's own vega-lite spec (format vega-lite), drawn in the
 * page with tooltips, and its caption (the spec's usermeta: sample, filter, weight, source).
 */
export function ResultChart({ spec, onDrawn }: { spec: Record<string, unknown>; onDrawn?: () => void }) {
  const w = useWords();
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const meta = (spec.usermeta ?? {}) as { title?: string; caption?: string[] };
  const label = fill(w.workbench.chartLabel, { title: meta.title ?? "" });
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let gone = false;
    let finalize: (() => void) | undefined;
    element.dataset.rendered = "false";
    import("../render-chart.js")
      // The title and caption are the figure's HTML caption below (it wraps; SVG text does not); the width is the box's.
      .then(({ renderChart }) => renderChart(element, { ...spec, title: undefined, width: Math.max(280, (element.clientWidth || 600) - 24) }, label, { tooltips: true }))
      .then((view) => {
        if (gone) return view.finalize();
        finalize = () => view.finalize();
        element.dataset.rendered = "true";
        onDrawn?.();
      })
      .catch((err: unknown) => {
        console.error(err);
        setFailed(true);
      });
    return () => {
      gone = true;
      finalize?.();
    };
  }, [spec]);
  return (
    <figure class="chart workbench-chart">
      <div ref={box} class="chart-box" role="img" aria-label={label} />
      {failed ? <p class="problem">{w.common.failed}</p> : null}
      {meta.caption?.length ? (
        <figcaption class="chart-caption">
          <strong>{meta.title}</strong>
          {meta.caption.map((line) => (
            <span key={line}>{line}</span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
