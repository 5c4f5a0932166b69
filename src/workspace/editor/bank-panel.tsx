/**
 * The question bank: questions of the shipped questionnaires and of the surveys the researcher
 * can read, searched by any text in any language, inserted after the selected element. The
 * server renames a question whose name is taken and says which logic names are missing.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { Language } from "../../../i18n/language.js";
import { api, withQuery } from "../api.js";
import { ProblemBox } from "../components/problem-box.js";
import { useWords } from "../context.js";
import { fill } from "../fill.js";
import type { Json } from "./element-path.js";
import { typeLabel } from "./outline.js";

/** How long the search waits for typing to pause. */
const SEARCH_MS = 300;

type Texts = Record<Language, string>;

interface Found {
  source: { kind: "shipped" | "survey"; id: string; title: Texts };
  name: string;
  type: string;
  title: Texts;
  element: Json;
}

interface Inserted {
  json: Json;
  name: string;
  renamed: { from: string; to: string }[];
  dangling: string[];
}

export interface BankPanelProps {
  lang: Language;
  current: () => Json;
  /** Where an inserted question goes: after this element, or at the end of this page. */
  place: () => { after?: string; page?: string };
  onInserted: (json: Json, name: string) => void;
}

const inLanguage = (texts: Texts, lang: Language) => texts[lang] || texts["zh-Hans"] || texts["zh-Hant"] || texts.en;

export function BankPanel({ lang, current, place, onInserted }: BankPanelProps) {
  const e = useWords().editor;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Found[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Inserted | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(async () => {
      // Only the answer to the latest query is shown, whatever order the answers come in.
      const mine = ++asked.current;
      try {
        const answer = await api<{ results: Found[] }>(withQuery("api/question-bank", { q: query.trim() }));
        if (mine !== asked.current) return;
        setResults(answer.results);
        setError(null);
      } catch (err) {
        if (mine === asked.current) setError(err);
      }
    }, SEARCH_MS);
    return () => clearTimeout(timer);
  }, [open, query]);

  const insert = async (found: Found) => {
    setError(null);
    setDone(null);
    try {
      const answer = await api<Inserted>("api/question-bank/insert", { method: "POST", body: { json: current(), element: found.element, ...place() } });
      onInserted(answer.json, answer.name);
      setDone(answer);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <details class="bank" open={open} onToggle={(ev) => setOpen(ev.currentTarget.open)}>
      <summary>{e.bank}</summary>
      <div class="field">
        <label for="bank-search">{e.bankSearch}</label>
        <input id="bank-search" type="search" value={query} onInput={(ev) => setQuery(ev.currentTarget.value)} />
      </div>
      {done ? (
        <div class="notice" role="status">
          <p>{fill(e.bankInserted, { name: done.name })}</p>
          {done.renamed.map((r) => (
            <p key={r.from}>{fill(e.bankRenamed, { from: r.from, to: r.to })}</p>
          ))}
          {done.dangling.length > 0 ? <p class="problem">{fill(e.bankDangling, { names: done.dangling.join(", ") })}</p> : null}
        </div>
      ) : null}
      {error ? <ProblemBox error={error} /> : null}
      {results === null ? null : results.length === 0 ? (
        <p class="empty">{e.bankEmpty}</p>
      ) : (
        <ul class="bank-results">
          {results.map((found) => (
            <li key={`${found.source.kind}:${found.source.id}:${found.name}`}>
              <span class="bank-title">{inLanguage(found.title, lang) || found.name}</span>
              <span class="bank-meta">
                {typeLabel(e.types, found.type)} · {found.name} · {inLanguage(found.source.title, lang) || found.source.id}
              </span>
              <button type="button" class="button small" onClick={() => void insert(found)}>
                {e.bankInsert}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
