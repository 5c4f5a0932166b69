import { useState } from "preact/hooks";
import { useWords } from "../../context.js";
import { fill } from "../../fill.js";
import type { ReportItem } from "./report-types.js";

/** An analysis in the builder, with a key of its own that survives retitling and moves. */
export interface Entry {
  key: number;
  item: ReportItem;
}

/** `items` with the one at `from` moved to `to`. */
export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const next = items.slice();
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * The report's analyses in order: retitle, write a note, reorder (buttons, Alt+↑/↓ on the title,
 * or drag by the handle), remove. `announce` says a move aloud (a live region).
 */
export function ReportItems(props: { entries: Entry[]; editable: boolean; onChange: (entries: Entry[]) => void; announce: (text: string) => void }) {
  const w = useWords();
  const r = w.reports;
  const { entries: items, editable, onChange } = props;
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length || from === to) return;
    onChange(moved(items, from, to));
    props.announce(fill(r.moved, { title: items[from].item.title, position: to + 1 }));
    // Keep the focus on the moved item's title, where the keys were pressed.
    requestAnimationFrame(() => document.getElementById(`item-title-${to}`)?.focus());
  };
  const change = (i: number, patch: Partial<ReportItem>) => onChange(items.map((e, j) => (j === i ? { key: e.key, item: { ...e.item, ...patch } as ReportItem } : e)));
  if (items.length === 0) return <p class="empty">{r.itemsEmpty}</p>;
  return (
    <>
      {editable ? <p class="hint">{r.dragHint}</p> : null}
      <ol class="report-items">
        {items.map(({ key, item }, i) => (
          <li
            key={key}
            class={`report-item panel${over === i && dragged !== null && dragged !== i ? " drop-target" : ""}`}
            data-item={i}
            onDragOver={(e) => {
              if (dragged === null) return;
              e.preventDefault();
              setOver(i);
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragged !== null) move(dragged, i);
              setDragged(null);
              setOver(null);
            }}
          >
            <div class="report-item-head">
              {editable ? (
                <span
                  class="drag-handle"
                  draggable
                  title={r.dragHint}
                  aria-hidden="true"
                  onDragStart={(e) => {
                    e.dataTransfer?.setData("text/plain", String(i));
                    setDragged(i);
                  }}
                  onDragEnd={() => {
                    setDragged(null);
                    setOver(null);
                  }}
                >
                  ⠿
                </span>
              ) : null}
              <span class="report-item-kind">
                {fill(r.itemLabel, { number: i + 1 })} · {r.kinds[item.type]}
              </span>
              {editable ? (
                <span class="report-item-actions">
                  <button type="button" class="button small" disabled={i === 0} onClick={() => move(i, i - 1)}>
                    {r.moveUp}
                  </button>
                  <button type="button" class="button small" disabled={i === items.length - 1} onClick={() => move(i, i + 1)}>
                    {r.moveDown}
                  </button>
                  <button type="button" class="button small danger" onClick={() => onChange(items.filter((_, j) => j !== i))}>
                    {r.removeItem}
                  </button>
                </span>
              ) : null}
            </div>
            <div class="field">
              <label for={`item-title-${i}`}>{r.itemTitle}</label>
              <input
                id={`item-title-${i}`}
                type="text"
                maxLength={200}
                readOnly={!editable}
                value={item.title}
                onInput={(e) => change(i, { title: e.currentTarget.value })}
                onKeyDown={(e) => {
                  if (!editable || !e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
                  e.preventDefault();
                  move(i, e.key === "ArrowUp" ? i - 1 : i + 1);
                }}
              />
            </div>
            <div class="field">
              <label for={`item-note-${i}`}>{r.itemNote}</label>
              <textarea
                class="report-text"
                id={`item-note-${i}`}
                rows={2}
                maxLength={5000}
                readOnly={!editable}
                value={item.note ?? ""}
                onInput={(e) => change(i, { note: e.currentTarget.value || undefined })}
              />
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
