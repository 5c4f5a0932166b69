import { readdir, readFile } from "node:fs/promises";
import { basename } from "node:path";
import { phrase } from "../../../i18n/phrase.js";
import { AppError, fieldError } from "../../errors.js";

/** The questionnaires shipped with the platform: the repository's surveys/*.json. */
const SHIPPED = new URL("../../../surveys/", import.meta.url);

/** A shipped questionnaire as the "new survey" choice lists it. */
export interface ShippedQuestionnaire {
  /** Its file name without `.json`. */
  id: string;
  /** Its title: a string, or texts by locale. */
  title: unknown;
}

async function ids(): Promise<string[]> {
  return (await readdir(SHIPPED))
    .filter((file) => file.endsWith(".json"))
    .map((file) => basename(file, ".json"))
    .sort();
}

/** Every shipped questionnaire with its title. */
export async function listShipped(): Promise<ShippedQuestionnaire[]> {
  const out: ShippedQuestionnaire[] = [];
  for (const id of await ids()) out.push({ id, title: (await readShipped(id)).title ?? id });
  return out;
}

/**
 * One shipped questionnaire's JSON. Only a listed id is read, so no path reaches outside the folder.
 * @throws {AppError} 422 naming `from.questionnaire` for an id not listed
 */
export async function readShipped(id: string): Promise<Record<string, unknown>> {
  if (!(await ids()).includes(id)) {
    throw new AppError("unprocessable", phrase("drafts.unknownShipped", { id }), [fieldError("from.questionnaire", "unknown_questionnaire", phrase("drafts.shippedField"))]);
  }
  return JSON.parse(await readFile(new URL(`${id}.json`, SHIPPED), "utf8")) as Record<string, unknown>;
}
