import { useEffect, useRef, useState } from "preact/hooks";
import { useWords } from "../context.js";
import { fill } from "../fill.js";
import type { Monitor } from "../types.js";
import { arrivalsSpec } from "./monitor-spec.js";

/**
 * The arrivals-per-day chart, drawn by vega in the page once its code has loaded.
 * @param zone the name of the survey's time zone, whose days the server counted
 */
export function MonitorChart({ days, zone }: { days: Monitor["days"]; zone: string }) {
  const w = useWords();
  const label = fill(w.monitor.chartLabel, { zone });
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let finalize: (() => void) | undefined;
    let gone = false;
    const width = Math.min(element.clientWidth || 600, 1000) - 80;
    const spec = arrivalsSpec(
      days,
      { date: fill(w.common.inZone, { label: w.monitor.date, zone }), count: w.monitor.count, state: w.monitor.state, complete: w.monitor.complete, partial: w.monitor.partial },
      width,
    );
    import("./render-chart.js")
      .then(({ renderChart }) => renderChart(element, spec, label))
      .then((view) => {
        if (gone) view.finalize();
        else finalize = () => view.finalize();
        element.dataset.rendered = "true";
      })
      .catch((err: unknown) => {
        console.error(err);
        setFailed(true);
      });
    return () => {
      gone = true;
      finalize?.();
    };
  }, [days, w, zone]);
  return (
    <figure class="chart">
      <div ref={box} class="chart-box" role="img" aria-label={label} />
      {failed ? <p class="problem">{w.common.failed}</p> : null}
    </figure>
  );
}
