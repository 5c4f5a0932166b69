/** One response in full, with its questionnaire's titles and the labelled text of every answer. */
import { and, eq } from "drizzle-orm";
import type { Language } from "../../i18n/language.js";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { responses, surveys } from "../db/schema/index.js";
import { AppError } from "../errors.js";
import { answerText } from "../questionnaire/answer-text.js";
import { loadQuestionnaire } from "./questionnaires.js";
import { responseScope } from "./responses.js";

/** An answered question: its name, title and type, the stored value and its text in the reader's language. */
export interface AnswerView {
  name: string;
  title: string;
  type: string;
  value: unknown;
  text: string;
}

export interface ResponseView {
  id: string;
  version: number;
  complete: boolean;
  unit: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  data: Record<string, unknown>;
  /** The questions of the version it answers that hold an answer, in questionnaire order. */
  answers: AnswerView[];
}

/**
 * A response of a survey read with the model of the version it answers; a 404 for an id the
 * survey does not hold, or one outside the caller's unit.
 * @param scope - the caller's unit (null or absent: any unit).
 */
export async function getResponse(db: Db, name: string, id: string, lang: Language, scope?: string | null): Promise<ResponseView> {
  const [survey] = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.name, name));
  if (!survey) throw new AppError("not_found", phrase("surveys.notFound", { name }));
  const [row] = await db
    .select({
      id: responses.id,
      version: responses.version,
      complete: responses.complete,
      unit: responses.unit,
      data: responses.data,
      createdAt: responses.createdAt,
      updatedAt: responses.updatedAt,
      completedAt: responses.completedAt,
    })
    .from(responses)
    .where(and(responseScope(survey.id, scope), eq(responses.id, id)));
  if (!row) throw new AppError("not_found", phrase("responses.notFound", { name, id }));
  const { questionnaire } = await loadQuestionnaire(db, name, row.version);
  const answers = questionnaire.questions
    .filter((spec) => row.data[spec.key] !== undefined && row.data[spec.key] !== null)
    .map((spec) => ({ name: spec.name, title: spec.title[lang], type: spec.type, value: row.data[spec.key], text: answerText(spec, row.data, lang) }));
  return { ...row, answers };
}
