import { useEffect, useState } from "preact/hooks";
import { apiLanguage, surveyPath } from "../../api.js";
import { at } from "../../base.js";
import { analyse } from "./call.js";
import type { AnalysisKind } from "./state.js";

/** How a live result arrives: the server's event stream, or (where it has none) a poll every 5 s. */
export type LiveMode = "off" | "stream" | "polling";

const POLL_MS = 5000;

/**
 * While `on`, delivers the analysis again whenever it changes: from
 * `GET …/analysis/{kind}/live?request=…` (server-sent events, `event: result`), or, when that
 * path answers 404, by calling the POST every 5 seconds.
 */
export function useLive<T>(on: boolean, survey: string, kind: AnalysisKind, body: Record<string, unknown> | null, deliver: (result: T) => void): LiveMode {
  const [mode, setMode] = useState<LiveMode>("off");
  const key = JSON.stringify(body);
  useEffect(() => {
    if (!on || !body) {
      setMode("off");
      return;
    }
    const stop = new AbortController();
    let timer: ReturnType<typeof setInterval> | undefined;
    const poll = () => {
      setMode("polling");
      timer = setInterval(() => {
        analyse<T>(survey, kind, body)
          .then((r) => !stop.signal.aborted && deliver(r))
          .catch(() => {});
      }, POLL_MS);
    };
    const url = at(surveyPath(survey, `/analysis/${kind}/live?request=${encodeURIComponent(JSON.stringify(body))}`));
    fetch(url, { headers: { accept: "text/event-stream", "accept-language": apiLanguage() }, credentials: "same-origin", signal: stop.signal })
      .then(async (res) => {
        if (!res.ok || !res.body) return poll();
        setMode("stream");
        await readEvents(res.body, (event, data) => {
          if (event === "result") deliver(JSON.parse(data) as T);
        });
      })
      .catch(() => {
        if (!stop.signal.aborted) poll();
      });
    return () => {
      stop.abort();
      if (timer) clearInterval(timer);
    };
  }, [on, survey, kind, key]);
  return mode;
}

/** Reads a text/event-stream body, calling `each` with every event's name and data. */
async function readEvents(stream: ReadableStream<Uint8Array>, each: (event: string, data: string) => void) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.search(/\r?\n\r?\n/);
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
      let event = "message";
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length > 0) each(event, data.join("\n"));
      end = buffer.search(/\r?\n\r?\n/);
    }
  }
}
