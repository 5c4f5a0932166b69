import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, api, surveyPath } from "../api.js";
import type { Json } from "./element-path.js";

/** The draft as the server keeps it (GET …/draft). */
export interface Draft {
  name: string;
  revision: number;
  json: Json;
  /** Which texts were filled in automatically (OpenCC): handed back unchanged on save. */
  converted?: unknown;
  basedOn?: number | null;
  /** The survey's Traditional standard (absent from servers before it was a survey setting). */
  traditionalStandard?: string;
}

export type SaveState =
  | { kind: "clean" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; revision: number }
  | { kind: "stale"; error: ApiError }
  | { kind: "failed"; error: unknown };

/** A pause in typing this long saves the draft. */
const AUTOSAVE_MS = 1500;

/**
 * The draft being edited: loaded from the server, changed by the views, saved with the
 * revision it was loaded at. A stale save (409: someone else saved meanwhile) stops
 * autosaving and keeps the user's draft on screen until they reload.
 */
export function useDraft(name: string) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [json, setJsonState] = useState<Json>({});
  const [state, setState] = useState<SaveState>({ kind: "clean" });
  /** Bumped whenever the draft is replaced wholesale (load, JSON view, workbook): the form's fields read it afresh. */
  const [generation, setGeneration] = useState(0);
  const revision = useRef(0);
  const saved = useRef<Json | null>(null);
  const latest = useRef<Json>({});
  const converted = useRef<unknown>(undefined);
  /** The converted texts not yet confirmed, for the marks in the form. */
  const [convertedList, setConvertedList] = useState<string[]>([]);
  const saving = useRef<Promise<void> | null>(null);

  const load = useCallback(async () => {
    try {
      const loaded = await api<Draft>(surveyPath(name, "/draft"));
      revision.current = loaded.revision;
      converted.current = loaded.converted;
      setConvertedList(asList(loaded.converted));
      saved.current = loaded.json;
      latest.current = loaded.json;
      setDraft(loaded);
      setJsonState(loaded.json);
      setGeneration((g) => g + 1);
      setState({ kind: "clean" });
      setLoadError(null);
    } catch (err) {
      setLoadError(err);
    }
  }, [name]);
  useEffect(() => {
    void load();
  }, [load]);

  /** A change from the form or the outline; `replace` for one that rewrites the draft as a whole. */
  const setJson = useCallback((next: Json, replace = false) => {
    latest.current = next;
    setJsonState(next);
    if (replace) setGeneration((g) => g + 1);
    setState((s) => (s.kind === "stale" ? s : { kind: "dirty" }));
  }, []);

  /** A new list of converted texts, saved with the next PUT (a change to the draft even when its json is the same). */
  const setConverted = useCallback((next: string[]) => {
    converted.current = next;
    setConvertedList(next);
    saved.current = null;
    setState((s) => (s.kind === "stale" ? s : { kind: "dirty" }));
  }, []);

  const save = useCallback(async (): Promise<boolean> => {
    if (saving.current) await saving.current;
    const sent = latest.current;
    if (sent === saved.current) return true;
    let ok = false;
    const run = (async () => {
      setState({ kind: "saving" });
      try {
        const body = converted.current === undefined ? { json: sent, revision: revision.current } : { json: sent, revision: revision.current, converted: converted.current };
        const answer = await api<{ revision: number }>(surveyPath(name, "/draft"), { method: "PUT", body });
        revision.current = answer.revision;
        saved.current = sent;
        ok = true;
        setState(latest.current === sent ? { kind: "saved", revision: answer.revision } : { kind: "dirty" });
      } catch (err) {
        setState(err instanceof ApiError && err.status === 409 ? { kind: "stale", error: err } : { kind: "failed", error: err });
      }
    })();
    saving.current = run;
    await run;
    saving.current = null;
    return ok;
  }, [name]);

  useEffect(() => {
    if (state.kind !== "dirty") return;
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [json, state.kind, save]);

  return {
    draft,
    loadError,
    json,
    setJson,
    converted: convertedList,
    setConverted,
    convertedNow: () => asList(converted.current),
    generation,
    state,
    save,
    reload: load,
    revision: () => revision.current,
    current: () => latest.current,
  };
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
