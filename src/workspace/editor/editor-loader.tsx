import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useWords } from "../context.js";

type EditorPage = FunctionComponent<{ name: string }>;

/**
 * The editor's code (survey-core, survey-js-ui, CodeMirror, the questionnaire checks) is a
 * chunk of its own, loaded when the editor is first opened: the other pages never carry it.
 */
export function EditorLoader({ name }: { name: string }) {
  const w = useWords();
  const [page, setPage] = useState<EditorPage | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import("./editor-page.js")
      .then((module) => setPage(() => module.EditorPage))
      .catch((err: unknown) => {
        console.error(err);
        setFailed(true);
      });
  }, []);
  if (failed) return <p class="problem">{w.common.failed}</p>;
  if (!page) return <p class="loading">{w.common.loading}</p>;
  const Page = page;
  return <Page name={name} />;
}
