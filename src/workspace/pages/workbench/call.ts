import { api, apiLanguage, ApiError, type Problem, surveyPath } from "../../api.js";
import { at } from "../../base.js";
import type { AnalysisKind } from "./state.js";

/** POST …/analysis/{kind} with the body (format json unless the body says otherwise). */
export function analyse<T>(survey: string, kind: AnalysisKind, body: Record<string, unknown>): Promise<T> {
  return api<T>(surveyPath(survey, `/analysis/${kind}`), { method: "POST", body });
}

/** The file name a download's Content-Disposition gives in the survey's language (filename*), else its ASCII one. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // a malformed escape: the plain name below
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/** The analysis in a file format (png, svg, vega-lite, xlsx, csv), as a blob and the server's file name. */
export async function analysisFile(survey: string, kind: AnalysisKind, body: Record<string, unknown>, format: string): Promise<{ blob: Blob; name: string }> {
  const res = await fetch(at(surveyPath(survey, `/analysis/${kind}`)), {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": apiLanguage() },
    body: JSON.stringify({ ...body, format }),
    credentials: "same-origin",
  });
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as Problem | null;
    throw new ApiError(res.status, problem);
  }
  const extension = format === "vega-lite" ? "json" : format;
  return { blob: await res.blob(), name: fileNameOf(res.headers.get("content-disposition"), `${survey}-${kind}.${extension}`) };
}
