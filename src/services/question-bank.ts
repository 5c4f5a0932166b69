/** The question bank a caller searches: the shipped questionnaires and the current versions of the surveys the caller can read. */
import { readdirSync, readFileSync } from "node:fs";
import { and, eq, inArray, max } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { surveys, surveyVersions } from "../db/schema/index.js";
import { type BankQuestionnaire, textsOfJson } from "../questionnaire/question-bank.js";
import type { Caller } from "./access/survey-access.js";
import { listSurveys } from "./surveys.js";

/** The questionnaires shipped with the platform (surveys/*.json of this code base), whatever SURVEYS_DIR a server loads. */
const SHIPPED = new URL("../../surveys/", import.meta.url);

let shipped: BankQuestionnaire[] | undefined;

/** The shipped questionnaires, read once: they change only with the code. */
export function shippedQuestionnaires(): BankQuestionnaire[] {
  if (!shipped) {
    shipped = readdirSync(SHIPPED)
      .filter((file) => file.endsWith(".json"))
      .sort()
      .map((file) => {
        const json = JSON.parse(readFileSync(new URL(file, SHIPPED), "utf8")) as { title?: unknown };
        const id = file.slice(0, -".json".length);
        return { source: { kind: "shipped" as const, id, title: textsOfJson(json.title, id) }, json };
      });
  }
  return shipped;
}

/**
 * The bank of a caller: the shipped questionnaires, then the current version of every survey
 * the caller may read (listSurveys decides which: a survey of which the caller is no member
 * never appears), by name.
 */
export async function questionBank(db: Db, caller: Caller): Promise<BankQuestionnaire[]> {
  const readable = (await listSurveys(db, caller)).map((survey) => survey.name);
  if (readable.length === 0) return shippedQuestionnaires();
  const current = db
    .select({ surveyId: surveyVersions.surveyId, version: max(surveyVersions.version).as("current") })
    .from(surveyVersions)
    .groupBy(surveyVersions.surveyId)
    .as("c");
  const rows = await db
    .select({ name: surveys.name, json: surveyVersions.json })
    .from(surveys)
    .innerJoin(current, eq(current.surveyId, surveys.id))
    .innerJoin(surveyVersions, and(eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, current.version)))
    .where(inArray(surveys.name, readable))
    .orderBy(surveys.name);
  const own = rows.map((row) => ({
    source: { kind: "survey" as const, id: row.name, title: textsOfJson((row.json as { title?: unknown }).title, row.name) },
    json: row.json,
  }));
  return [...shippedQuestionnaires(), ...own];
}
