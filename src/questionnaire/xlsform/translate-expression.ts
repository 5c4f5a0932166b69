// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes question references as ${name}, in plain strings.
/**
 * XLSForm relevance and constraint expressions ⇄ SurveyJS expressions. What has no counterpart is
 * refused by name (`pulldata()`, `{panel.q}`), never guessed.
 */
import { type ExpressionContext, type Translation, Unsupported } from "./expression.js";
import { printSurveyJs, readSurveyJs } from "./surveyjs-syntax.js";
import { printXlsForm, readXlsForm } from "./xlsform-syntax.js";

export type { ExpressionContext, Translation } from "./expression.js";

function attempt(run: () => string): Translation {
  try {
    return { ok: true, text: run() };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, construct: error.construct };
    throw error;
  }
}

/**
 * An XLSForm expression as SurveyJS says it; `ctx.self` names the question a constraint's `.` is.
 * @example xlsFormToSurveyJs("selected(${q}, 'a') and . <= ${staff}", { self: "n" })
 *   // { ok: true, text: "{q} contains 'a' and {n} <= {staff}" }
 */
export function xlsFormToSurveyJs(text: string, ctx: ExpressionContext = {}): Translation {
  return attempt(() => printSurveyJs(readXlsForm(text, ctx), ctx));
}

/**
 * A SurveyJS expression as XLSForm says it; `{self}` becomes `.` when `ctx.self` is given.
 * @example surveyJsToXlsForm("{q} contains 'a'") // { ok: true, text: "selected(${q}, 'a')" }
 */
export function surveyJsToXlsForm(text: string, ctx: ExpressionContext = {}): Translation {
  return attempt(() => printXlsForm(readSurveyJs(text, ctx), ctx));
}
