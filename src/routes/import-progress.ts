/**
 * An import's progress as NDJSON, for clients that ask for it (`Accept: application/x-ndjson`):
 * the answer starts at once, one line per batch of rows, the outcome last. The status is then
 * 200 whatever the outcome, so the last line carries it.
 */
import type { Language } from "../../i18n/language.js";
import { say, wordingOf } from "../../i18n/phrase.js";
import { AppError, problem } from "../errors.js";
import type { CellError } from "../services/import/assemble.js";
import type { ImportOptions, ImportResult } from "../services/import/index.js";

/** True when the client asks for the stream of progress lines. */
export function wantsProgress(accept: string | undefined): boolean {
  return (accept ?? "").split(",").some((type) => type.split(";")[0].trim().toLowerCase() === "application/x-ndjson");
}

/** 201 when rows were added, else 200. */
export function statusOf(result: ImportResult): 200 | 201 {
  return result.created > 0 && !result.dryRun ? 201 : 200;
}

/** A warning or error as the body shows it: its message in the reader's language. */
export function localise(finding: CellError, lang: Language): CellError {
  const wording = wordingOf(finding);
  return wording ? { ...finding, message: say(lang, wording) } : { ...finding };
}

/** Runs the import, writing a progress line per batch and the outcome as the last line. */
export function progressStream(run: (onProgress: ImportOptions["onProgress"]) => Promise<ImportResult>, lang: Language, requestId?: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const line = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        const result = await run((phase, done, total) => line({ type: "progress", phase, done, total }));
        line({ type: "result", status: statusOf(result), result });
      } catch (error) {
        if (!(error instanceof AppError)) console.error(`request ${requestId ?? "-"} failed:`, error);
        const body =
          error instanceof AppError ? problem(error.code, error.wording ?? error.detail, error.errors, lang) : problem("internal", "The server failed.", undefined, lang);
        line({ type: "problem", problem: { ...body, ...(requestId ? { requestId } : {}) } });
      }
      controller.close();
    },
  });
}
