/**
 * The questionnaire editor of one survey's draft: the outline on the left, the form of the
 * selected element (or the JSON of the whole draft) in the middle, the live preview on the
 * right. All views edit one draft object; see ./use-draft.ts for saving.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { Link } from "../components/link.js";
import { PageHeading } from "../components/page-heading.js";
import { ProblemBox } from "../components/problem-box.js";
import { useBoot } from "../context.js";
import { fill } from "../fill.js";
import { hrefOf } from "../router.js";
import { BankPanel } from "./bank-panel.js";
import { ChinesePanel } from "./chinese-panel.js";
import { ownerOf, renameOwner } from "./converted-marks.js";
import { ElementForm } from "./element-form.js";
import { followRename, type Referenced } from "./follow-rename.js";
import { changeAt, type ElementPath, elementAt, freshName, insertInto, type Json, moveBefore, moveBy, pathKey, removeAt, walkElements } from "./element-path.js";
import { JsonView } from "./json-view.js";
import { Outline } from "./outline.js";
import { Preview } from "./preview.js";
import { checkDraft, type ProblemsByElement } from "./problems.js";
import { PublishPanel } from "./publish-panel.js";
import { SaveStatus } from "./save-status.js";
import { useDraft } from "./use-draft.js";
import { XlsxPanel } from "./xlsx-panel.js";

const NEW_TYPES = ["text", "comment", "radiogroup", "checkbox", "dropdown", "tagbox", "boolean", "rating", "ranking", "matrix", "matrixdropdown", "multipletext", "html"] as const;

/** How long the checks wait for typing to pause. */
const CHECK_MS = 150;

export function EditorPage({ name }: { name: string }) {
  const { words: w, lang } = useBoot();
  const draft = useDraft(name);
  const { json, setJson } = draft;
  const [selected, setSelected] = useState<ElementPath>([]);
  const [view, setView] = useState<"form" | "json">("form");
  const [jsonText, setJsonText] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [newType, setNewType] = useState<(typeof NEW_TYPES)[number]>("radiogroup");
  const [problems, setProblems] = useState<ProblemsByElement>(new Map());

  useEffect(() => {
    const timer = setTimeout(() => setProblems(checkDraft(json, lang)), CHECK_MS);
    return () => clearTimeout(timer);
  }, [json, lang]);

  const element = elementAt(json, selected);
  const selectedKey = element ? pathKey(selected) : "";
  const pageName = useMemo(() => {
    if (!element || selected.length === 0 || selected[0][0] !== "pages") return undefined;
    const page = elementAt(json, selected.slice(0, 1));
    return typeof page?.name === "string" ? page.name : undefined;
  }, [json, selected, element]);

  /** The name the draft's references use for the selected question while its name is being typed (./follow-rename.ts). */
  const referenced = useRef<Referenced | null>(null);
  const change = useCallback(
    (mutate: (element: Json) => void) => {
      const before = elementAt(draft.current(), selected);
      const followed = followRename(changeAt(draft.current(), selected, mutate), selected, before, referenced.current);
      referenced.current = followed.referenced;
      const next = followed.json;
      setJson(next);
      const after = elementAt(next, selected);
      const from = before && ownerOf(before, selected);
      const to = after && ownerOf(after, selected);
      if (from && to && from !== to) {
        const list = draft.convertedNow();
        const moved = renameOwner(list, from, to);
        if (moved !== list) draft.setConverted([...moved]);
      }
    },
    [draft.current, draft.convertedNow, draft.setConverted, selected, setJson],
  );

  const add = (kind: "page" | "panel" | "question") => {
    let base = json;
    let pages = Array.isArray(base.pages) ? base.pages : [];
    if (pages.length === 0) {
      base = insertInto(base, [], { name: freshName(base, "page") }).json;
      pages = base.pages as unknown[];
    }
    if (kind === "page") {
      const after = selected.length > 0 && selected[0][0] === "pages" ? selected[0][1] + 1 : pages.length;
      const done = insertInto(base, [], { name: freshName(base, "page"), elements: [] }, after);
      setJson(done.json);
      setSelected(done.path);
      return;
    }
    const item: Json = kind === "panel" ? { type: "panel", name: freshName(base, "panel"), elements: [] } : { type: newType, name: freshName(base, "q") };
    const target = elementAt(base, selected);
    let container: ElementPath = [["pages", Math.max(0, pages.length - 1)]];
    let index: number | undefined;
    if (target && selected.length === 1 && selected[0][0] === "pages") container = selected;
    else if (target && selected.length > 1 && target.type === "panel" && kind === "question") container = selected;
    else if (target && selected.length > 1) {
      container = selected.slice(0, -1);
      index = selected[selected.length - 1][1] + 1;
    }
    const done = insertInto(base, container, item, index);
    setJson(done.json);
    setSelected(done.path);
  };

  const toJsonView = () => {
    // An unparsable text stays as the user left it; otherwise the view shows the current draft.
    if (jsonError === null || jsonText === null) setJsonText(JSON.stringify(json, null, 2));
    setView("json");
  };
  const onJsonText = (text: string) => {
    setJsonText(text);
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("{ … }");
      setJsonError(null);
      setJson(parsed as Json, true);
    } catch (err) {
      setJsonError(err instanceof Error ? err.message : String(err));
    }
  };
  const replace = (next: Json) => {
    setJson(next, true);
    setSelected([]);
    setJsonText(JSON.stringify(next, null, 2));
    setJsonError(null);
  };

  /** Conversion only adds texts: the selection stays, the fields read the draft afresh. */
  const converted = (next: Json, list: string[]) => {
    setJson(next, true);
    setJsonText(JSON.stringify(next, null, 2));
    setJsonError(null);
    draft.setConverted(list);
  };
  const bankPlace = () => {
    const current = draft.current();
    const at = elementAt(current, selected);
    const named = typeof at?.name === "string" ? at.name : undefined;
    if (!at || selected.length === 0 || !named) return {};
    return selected.length === 1 && selected[0][0] === "pages" ? { page: named } : { after: named };
  };
  const inserted = (next: Json, name: string) => {
    setJson(next, true);
    for (const entry of walkElements(next)) {
      if (entry.depth > 0 && entry.element.name === name) {
        setSelected(entry.path);
        break;
      }
    }
    setView("form");
  };

  const total = [...problems.values()].reduce((n, list) => n + list.length, 0);
  return (
    <section class="editor">
      <p class="crumbs">
        <Link href={hrefOf({ page: "surveys" })}>{w.nav.surveys}</Link> · <Link href={hrefOf({ page: "survey", name, tab: "overview" })}>{name}</Link>
      </p>
      <PageHeading focusKey={`${name}/edit`}>
        {w.editor.heading} <span class="heading-sub">· {name}</span>
      </PageHeading>
      {draft.loadError ? <ProblemBox error={draft.loadError} /> : null}
      {!draft.draft ? (
        draft.loadError ? null : (
          <p class="loading">{w.common.loading}</p>
        )
      ) : (
        <>
          <div class="editor-bar">
            <SaveStatus state={draft.state} onSave={() => void draft.save()} onReload={() => void draft.reload()} />
            <PublishPanel name={name} save={draft.save} revision={draft.revision} onPublished={() => void draft.reload()} />
            <XlsxPanel name={name} save={draft.save} published={draft.draft.basedOn ?? null} onReplace={replace} />
            <ChinesePanel
              name={name}
              initialStandard={draft.draft.traditionalStandard === "hk" ? "hk" : "tw"}
              current={draft.current}
              converted={draft.convertedNow}
              onConverted={converted}
            />
          </div>
          <div class="editor-columns">
            <div class="editor-outline">
              <div class="editor-add">
                <label for="new-type">{w.editor.questionType}</label>
                <select id="new-type" value={newType} onChange={(e) => setNewType(e.currentTarget.value as (typeof NEW_TYPES)[number])}>
                  {NEW_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {w.editor.types[t]}
                    </option>
                  ))}
                </select>
                <button type="button" class="button small" onClick={() => add("question")}>
                  {w.editor.addQuestion}
                </button>
                <button type="button" class="button small" onClick={() => add("panel")}>
                  {w.editor.addPanel}
                </button>
                <button type="button" class="button small" onClick={() => add("page")}>
                  {w.editor.addPage}
                </button>
              </div>
              <BankPanel lang={lang} current={draft.current} place={bankPlace} onInserted={inserted} />
              <Outline
                json={json}
                lang={lang}
                selected={selectedKey}
                problems={problems}
                onSelect={(path) => {
                  setSelected(path);
                  setView("form");
                }}
                onMove={(path, by) => {
                  const done = moveBy(json, path, by);
                  setJson(done.json);
                  setSelected(done.path);
                }}
                onDrop={(from, before) => {
                  const done = moveBefore(json, from, before);
                  setJson(done.json);
                  setSelected(done.path);
                }}
                onRemove={(path) => {
                  setJson(removeAt(json, path));
                  setSelected([]);
                }}
              />
              <p class="hint">{w.editor.dragHint}</p>
              <p class={total > 0 ? "problem-count" : "hint"} data-problems={total}>
                {total > 0 ? fill(w.editor.problemCount, { n: total }) : w.editor.noProblems}
              </p>
            </div>
            <div class="editor-main">
              <div class="segmented editor-views" role="tablist">
                <button type="button" role="tab" class="button small" aria-selected={view === "form"} onClick={() => setView("form")}>
                  {w.editor.formView}
                </button>
                <button type="button" role="tab" class="button small" aria-selected={view === "json"} onClick={toJsonView}>
                  {w.editor.jsonView}
                </button>
              </div>
              {view === "json" ? (
                <JsonView text={jsonText ?? ""} error={jsonError} onText={onJsonText} />
              ) : element ? (
                <ElementForm
                  key={`${selectedKey}#${draft.generation}`}
                  json={json}
                  element={element}
                  path={selected}
                  lang={lang}
                  problems={problems.get(selectedKey) ?? []}
                  onChange={change}
                  converted={draft.converted}
                  onConverted={draft.setConverted}
                />
              ) : (
                <p class="empty">{w.editor.nothingSelected}</p>
              )}
            </div>
            <Preview json={json} pageName={pageName} />
          </div>
        </>
      )}
    </section>
  );
}
