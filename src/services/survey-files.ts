import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { type PublishResult, publishSurvey } from "./surveys.js";

/**
 * Publishes every questionnaire `<name>.json` in a folder (the file name is the survey
 * name). Unchanged files publish nothing, so this runs at every start. A bad file
 * stops the start with a message naming the file and the problem.
 */
export async function loadSurveyFiles(db: Db, dir: string): Promise<PublishResult[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  const results: PublishResult[] = [];
  for (const file of files) {
    const path = join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, "utf8"));
    } catch (err) {
      throw new Error(`${path}: not valid JSON (${(err as Error).message})`);
    }
    try {
      results.push(await publishSurvey(db, basename(file, ".json"), json));
    } catch (err) {
      if (err instanceof AppError) {
        const details = (err.errors ?? []).map((e) => `\n  ${e.question}: ${e.message}`).join("");
        throw new Error(`${path}: ${err.detail}${details}`);
      }
      throw err;
    }
  }
  return results;
}
