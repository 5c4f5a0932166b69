/**
 * The outline: the questionnaire, its pages, panels and questions in order. Each row selects
 * its element; its buttons move it up or down (the keyboard way) or delete it; rows can also
 * be dragged onto another, which puts them before it.
 */
import { useState } from "preact/hooks";
import type { Language } from "../../../i18n/language.js";
import { ConfirmButton } from "../components/confirm-button.js";
import { useWords } from "../context.js";
import { fill } from "../fill.js";
import { type ElementPath, type Json, pathKey, walkElements } from "./element-path.js";
import { anyText } from "./localized.js";
import type { ProblemsByElement } from "./problems.js";

export interface OutlineProps {
  json: Json;
  lang: Language;
  selected: string;
  problems: ProblemsByElement;
  onSelect: (path: ElementPath) => void;
  onMove: (path: ElementPath, by: -1 | 1) => void;
  onDrop: (from: ElementPath, before: ElementPath) => void;
  onRemove: (path: ElementPath) => void;
}

const DRAG_TYPE = "application/x-dj-element";

export function Outline(props: OutlineProps) {
  const w = useWords();
  const { json, lang, selected, problems } = props;
  const [dragOver, setDragOver] = useState<string | null>(null);
  const entries = [...walkElements(json)];
  const rootProblems = problems.get("")?.length ?? 0;
  return (
    <ol class="outline" aria-label={w.editor.outline}>
      <li class="outline-row outline-root">
        <button type="button" class="outline-pick" aria-current={selected === "" ? "true" : undefined} onClick={() => props.onSelect([])}>
          <span class="outline-label">{anyText(json.title, lang) || w.editor.survey}</span>
          {rootProblems > 0 ? <span class="outline-problems">{rootProblems}</span> : null}
        </button>
      </li>
      {entries.map(({ element, path, depth }) => {
        const key = pathKey(path);
        const name = typeof element.name === "string" ? element.name : "";
        const type = depth === 0 ? w.editor.page : typeLabel(w.editor.types, element.type);
        const title = anyText(element.title, lang);
        const count = problems.get(key)?.length ?? 0;
        return (
          <li
            key={key}
            class={`outline-row depth-${Math.min(depth, 4)}${dragOver === key ? " drag-over" : ""}`}
            data-path={key}
            data-name={name}
            draggable
            onDragStart={(e) => {
              e.dataTransfer?.setData(DRAG_TYPE, JSON.stringify(path));
              e.dataTransfer?.setData("text/plain", name);
            }}
            onDragOver={(e) => {
              if (!e.dataTransfer?.types.includes(DRAG_TYPE)) return;
              e.preventDefault();
              setDragOver(key);
            }}
            onDragLeave={() => setDragOver((k) => (k === key ? null : k))}
            onDrop={(e) => {
              e.preventDefault();
              setDragOver(null);
              const from = e.dataTransfer?.getData(DRAG_TYPE);
              if (from) props.onDrop(JSON.parse(from) as ElementPath, path);
            }}
          >
            <button type="button" class="outline-pick" aria-current={selected === key ? "true" : undefined} onClick={() => props.onSelect(path)}>
              <span class="outline-type">{type}</span> <span class="outline-name">{name}</span>
              {title ? <span class="outline-label"> {title}</span> : null}
              {count > 0 ? (
                <span class="outline-problems" title={fill(w.editor.problemCount, { n: count })}>
                  {count}
                </span>
              ) : null}
            </button>
            <span class="outline-actions">
              <button type="button" class="button small" aria-label={`${w.editor.moveUp} ${name}`} onClick={() => props.onMove(path, -1)}>
                ↑
              </button>
              <button type="button" class="button small" aria-label={`${w.editor.moveDown} ${name}`} onClick={() => props.onMove(path, 1)}>
                ↓
              </button>
              <ConfirmButton
                small
                label={w.editor.remove}
                question={fill(w.editor.removeAsk, { name: name || type })}
                confirm={w.editor.remove}
                onConfirm={() => props.onRemove(path)}
              />
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** The catalogue's name of an element type, or the type itself for one the form does not know. */
export function typeLabel(types: Record<string, string>, type: unknown): string {
  return typeof type === "string" ? (types[type] ?? type) : "?";
}
