/**
 * The questionnaire as a spreadsheet (XLSForm): download the draft (saved first, so the workbook
 * is what the editor shows), a published version, or the blank template; or upload a workbook
 * whose questionnaire replaces the draft after a confirmation, its problems named by sheet, row
 * and column in the page's language.
 */
import { useState } from "preact/hooks";
import { ApiError, apiLanguage, surveyPath } from "../api.js";
import { at } from "../base.js";
import { ProblemBox } from "../components/problem-box.js";
import { useWords } from "../context.js";
import { fill } from "../fill.js";
import type { Json } from "./element-path.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface SheetError {
  question?: string;
  message?: string;
  sheet?: string;
  row?: number;
  column?: string;
}

export interface XlsxPanelProps {
  name: string;
  /** Saves the draft; false when it could not be saved (the save status says why). */
  save: () => Promise<boolean>;
  /** The newest published version the editor knows of; null while nothing is published. */
  published: number | null;
  onReplace: (json: Json) => void;
}

/** Downloads a file of the platform's through an anchor, as a click on a link would. */
function download(href: string) {
  const link = document.createElement("a");
  link.href = href;
  link.download = "";
  document.body.append(link);
  link.click();
  link.remove();
}

export function XlsxPanel({ name, save, published, onReplace }: XlsxPanelProps) {
  const w = useWords();
  const [version, setVersion] = useState<number | null>(null);
  const [read, setRead] = useState<Json | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const upload = async (file: File) => {
    setError(null);
    setDone(false);
    setRead(null);
    try {
      const res = await fetch(at("api/questionnaires/from-xlsx"), {
        method: "POST",
        headers: { "content-type": XLSX, accept: "application/json", "accept-language": apiLanguage() },
        body: await file.arrayBuffer(),
        credentials: "same-origin",
      });
      const body = (await res.json().catch(() => null)) as unknown;
      if (!res.ok) throw new ApiError(res.status, body as ApiError["problem"]);
      setRead(body as Json);
    } catch (err) {
      setError(err);
    }
  };
  const sheetErrors = error instanceof ApiError && error.status === 422 ? ((error.problem?.errors ?? []) as SheetError[]) : null;
  return (
    <details class="xlsx">
      <summary>{w.editor.xlsx}</summary>
      <div class="xlsx-downloads">
        <button
          type="button"
          class="button small"
          onClick={() =>
            void save().then((saved) => {
              if (saved) download(at(surveyPath(name, "/draft/questionnaire.xlsx")));
            })
          }
        >
          {w.editor.xlsxDraft}
        </button>
        {published !== null ? (
          <span class="xlsx-version">
            <label for="xlsx-version">{w.editor.xlsxVersion}</label>{" "}
            <select id="xlsx-version" value={version ?? published} onChange={(e) => setVersion(Number(e.currentTarget.value))}>
              {Array.from({ length: published }, (_, i) => published - i).map((v) => (
                <option key={v} value={v}>
                  {fill(w.editor.xlsxVersionN, { version: v })}
                </option>
              ))}
            </select>{" "}
            <a class="button small" href={at(`${surveyPath(name, "/questionnaire.xlsx")}?version=${version ?? published}`)} download>
              {w.editor.xlsxDownload}
            </a>
          </span>
        ) : null}
        <a href={at("api/questionnaires/template.xlsx")} download>
          {w.editor.xlsxTemplate}
        </a>
      </div>
      <div class="field">
        <label for="xlsx-upload">{w.editor.xlsxUpload}</label>
        <input
          id="xlsx-upload"
          type="file"
          accept={`.xlsx,${XLSX}`}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (file) void upload(file);
          }}
        />
      </div>
      {read ? (
        <fieldset class="confirm">
          <legend class="confirm-question">{w.editor.xlsxReplaceAsk}</legend>
          <button
            type="button"
            class="button danger"
            onClick={() => {
              onReplace(read);
              setRead(null);
              setDone(true);
            }}
          >
            {w.editor.xlsxUpload}
          </button>{" "}
          <button type="button" class="button" onClick={() => setRead(null)}>
            {w.common.cancel}
          </button>
        </fieldset>
      ) : null}
      {done ? <p class="notice">{w.editor.xlsxReplaced}</p> : null}
      {sheetErrors ? (
        <div class="problem" role="alert">
          <p class="problem-title">{(error as ApiError).problem?.detail ?? w.common.failed}</p>
          <ul>
            {sheetErrors.map((p, i) => (
              <li key={i}>
                {p.sheet ? fill(w.editor.xlsxWhere, { sheet: p.sheet, row: p.row ?? "—", column: p.column ?? "—" }) : (p.question ?? "")}: {p.message ?? ""}
              </li>
            ))}
          </ul>
        </div>
      ) : error ? (
        <ProblemBox error={error} />
      ) : null}
    </details>
  );
}
