import type { Db } from "../db/client.js";
import { type DemoResponse, generateCensusResponses, generateDemoResponses } from "../demo/index.js";
import type { AnswerCheckers } from "./answer-checkers.js";
import { submitResponse } from "./responses.js";
import { AppError } from "../errors.js";
import { getSurveyVersion } from "./surveys.js";

/** The shipped questionnaires the demo data answers, and how each data set is made. */
export const DEMO_SETS = [
  { survey: "dangjian-innovation-2023", generate: (json: unknown) => generateDemoResponses(json) },
  { survey: "org-coverage-census", generate: (json: unknown) => generateCensusResponses(json) },
] as const;

export interface DemoLoadResult {
  survey: string;
  created: number;
  repeated: number;
}

/**
 * Loads the demo data sets into their (already published) surveys through the same
 * validation and storage path as a respondent's submission; a set whose survey is not
 * published is skipped. The responses have fixed
 * ids, so loading again adds nothing: every one comes back as a repeat.
 */
export async function loadDemoData(db: Db, checkers: AnswerCheckers, onProgress?: (survey: string, done: number, total: number) => void): Promise<DemoLoadResult[]> {
  const results: DemoLoadResult[] = [];
  for (const set of DEMO_SETS) {
    const survey = await findSurvey(db, set.survey);
    // A deployment without that questionnaire in surveys/ has nothing to fill.
    if (!survey) continue;
    const items: DemoResponse[] = set.generate(survey.json);
    const result = { survey: set.survey, created: 0, repeated: 0 };
    for (let i = 0; i < items.length; i++) {
      // No version: the data answers whatever version is current, and stays a repeat after
      // the questionnaire gets a new version.
      const outcome = await submitResponse(db, checkers, set.survey, { id: items[i].id, data: items[i].data, complete: true });
      if (outcome.outcome === "created") result.created++;
      else result.repeated++;
      onProgress?.(set.survey, i + 1, items.length);
    }
    results.push(result);
  }
  return results;
}

async function findSurvey(db: Db, name: string) {
  try {
    return await getSurveyVersion(db, name);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return undefined;
    throw err;
  }
}
