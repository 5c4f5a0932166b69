/**
 * Live results (issue 14, item 3): one computation per key — (survey, kind, canonical request,
 * the caller's unit scope) — at a time, shared by every stream open on that key. A survey with
 * open streams is watched every few seconds by one cheap query (its response count and last
 * change, its variables and versions); only a changed stamp recomputes its keys, so a burst of
 * submissions costs one aggregate per key per interval, never one per response per viewer.
 * Nothing outlives the last stream of a key: a process holds only what its own streams need.
 */
import { sql } from "drizzle-orm";
import { DEFAULT_LANGUAGE, type Language } from "../../../i18n/language.js";
import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { AppError, problem } from "../../errors.js";
import { canonicalJson } from "../../lib/canonical-hash.js";

/** What a stream sends: the analysis's JSON result, or the problem+json body of why there is none. */
export type LiveEvent = { event: "result"; data: unknown } | { event: "problem"; data: ReturnType<typeof problem> };
export type LiveListener = (event: LiveEvent) => void;

/** One live analysis: which survey it reads, how to compute it, the language its problems speak. */
export interface LiveSpec {
  survey: string;
  kind: string;
  /** The checked request (its canonical JSON is part of the key). */
  request: unknown;
  /** The caller's unit scope (null: every unit). */
  scope: string | null;
  lang: Language;
  run: () => Promise<unknown>;
}

interface Entry {
  spec: LiveSpec;
  listeners: Set<LiveListener>;
  last?: LiveEvent;
  /** The survey's stamp read just before `last` was computed. */
  stamp?: string;
  running: boolean;
  /** A change arrived while computing: compute again when done. */
  again: boolean;
}

/** The key streams share: two requests that differ only in key order or defaults are one. */
export function liveKey(spec: Pick<LiveSpec, "survey" | "kind" | "request" | "scope">): string {
  return canonicalJson([spec.survey, spec.kind, spec.request, spec.scope]);
}

/** Default seconds between two looks at a watched survey. */
export const LIVE_INTERVAL_MS = 2500;

export class LiveResults {
  private readonly entries = new Map<string, Entry>();
  private readonly watchers = new Map<string, { timer: NodeJS.Timeout; checking: boolean }>();
  /** How many analyses were computed (for tests and the benchmark). */
  computations = 0;
  /** How many times a watched survey's stamp was read. */
  checks = 0;

  constructor(
    private readonly db: Db,
    private readonly intervalMs = LIVE_INTERVAL_MS,
  ) {}

  /** Streams open now. */
  get streams(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e.listeners.size;
    return n;
  }

  /**
   * Adds a listener to the key of `spec`: it gets the current result at once (computed now if
   * nobody else has it) and every new one after a change. Returns the unsubscribe function.
   */
  subscribe(spec: LiveSpec, listener: LiveListener): () => void {
    const key = liveKey(spec);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { spec, listeners: new Set(), running: false, again: false };
      this.entries.set(key, entry);
    }
    entry.listeners.add(listener);
    if (entry.last) listener(entry.last);
    else if (!entry.running) void this.refresh(entry);
    this.watch(spec.survey);
    const held = entry;
    return () => {
      held.listeners.delete(listener);
      if (held.listeners.size > 0) return;
      this.entries.delete(key);
      if (![...this.entries.values()].some((e) => e.spec.survey === spec.survey)) this.unwatch(spec.survey);
    };
  }

  /** Stops every watcher (server shutdown, tests). */
  close(): void {
    for (const survey of [...this.watchers.keys()]) this.unwatch(survey);
    this.entries.clear();
  }

  private watch(survey: string): void {
    if (this.watchers.has(survey)) return;
    const watcher = { timer: setInterval(() => void this.check(survey), this.intervalMs), checking: false };
    // A watcher never keeps the process alive on its own.
    watcher.timer.unref();
    this.watchers.set(survey, watcher);
  }

  private unwatch(survey: string): void {
    const watcher = this.watchers.get(survey);
    if (watcher) clearInterval(watcher.timer);
    this.watchers.delete(survey);
  }

  private async check(survey: string): Promise<void> {
    const watcher = this.watchers.get(survey);
    if (!watcher || watcher.checking) return;
    watcher.checking = true;
    try {
      const stamp = await this.stampOf(survey);
      for (const entry of this.entries.values()) {
        if (entry.spec.survey === survey && entry.stamp !== undefined && entry.stamp !== stamp) void this.refresh(entry);
      }
    } catch (error) {
      // The database could not answer this time: look again at the next tick.
      console.error(`live results: checking ${survey} failed:`, (error as Error).message);
    } finally {
      watcher.checking = false;
    }
  }

  private async refresh(entry: Entry): Promise<void> {
    if (entry.running) {
      entry.again = true;
      return;
    }
    entry.running = true;
    try {
      do {
        entry.again = false;
        let stamp: string | undefined;
        try {
          stamp = await this.stampOf(entry.spec.survey);
          this.computations++;
          entry.last = { event: "result", data: await entry.spec.run() };
        } catch (error) {
          entry.last = { event: "problem", data: problemOf(error, entry.spec.lang) };
        }
        entry.stamp = stamp ?? "";
        for (const listener of entry.listeners) listener(entry.last);
      } while (entry.again && entry.listeners.size > 0);
    } finally {
      entry.running = false;
    }
  }

  /** What changes when anything an analysis of the survey reads changes. */
  private async stampOf(survey: string): Promise<string> {
    this.checks++;
    const [row] = await queryRows(
      this.db,
      sql`select s.id, (select count(*) from responses r where r.survey_id = s.id)::text as n,
        (select max(r.updated_at) from responses r where r.survey_id = s.id)::text as changed,
        (select count(*) || ':' || coalesce(max(v.updated_at)::text, '') from derived_variables v where v.survey_id = s.id) as variables,
        (select max(sv.version) from survey_versions sv where sv.survey_id = s.id)::text as version
        from surveys s where s.name = ${survey}`,
    );
    return row ? `${row.n}|${row.changed}|${row.variables}|${row.version}` : "gone";
  }
}

function problemOf(error: unknown, lang: Language): ReturnType<typeof problem> {
  if (error instanceof AppError) return problem(error.code, error.wording ?? error.detail, error.errors, lang);
  console.error("live results: computing failed:", error);
  return problem("internal", phrase("http.internal"), undefined, lang ?? DEFAULT_LANGUAGE);
}
