/**
 * The JSON view: the same draft in CodeMirror 6. Every edit that parses becomes the draft; one
 * that does not shows where it fails and leaves the draft (and so the form and the preview)
 * at the last valid text. The text is the parent's, so switching views keeps it as typed.
 */
import { json as jsonLanguage, jsonParseLinter } from "@codemirror/lang-json";
import { linter, lintGutter } from "@codemirror/lint";
import { EditorView, basicSetup } from "codemirror";
import { useEffect, useRef } from "preact/hooks";
import { useWords } from "../context.js";

export function JsonView({ text, error, onText }: { text: string; error: string | null; onText: (text: string) => void }) {
  const w = useWords();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(onText);
  latest.current = onText;
  useEffect(() => {
    if (!host.current) return;
    // Inside a shadow root CodeMirror styles itself with adopted style sheets; in the document
    // it would add <style> elements, which the workspace's CSP refuses.
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: "open" });
    const editor = new EditorView({
      doc: text,
      parent: shadow,
      root: shadow,
      extensions: [
        basicSetup,
        jsonLanguage(),
        linter(jsonParseLinter()),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.theme({ "&": { minHeight: "30rem", fontSize: "0.85rem" }, ".cm-scroller": { fontFamily: "ui-monospace, monospace" } }),
        EditorView.contentAttributes.of({ "aria-label": w.editor.jsonView }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) latest.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => editor.destroy();
  }, []);
  // A draft replaced from outside (a workbook, a reload) while this view is open.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== text) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
  }, [text]);
  return (
    <div class="json-view">
      {error ? (
        <p class="problem" role="alert">
          {w.editor.jsonInvalid} <span class="code">{error}</span>
        </p>
      ) : null}
      <div ref={host} class="json-editor" />
    </div>
  );
}
