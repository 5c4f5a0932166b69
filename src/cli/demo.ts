import type { Db } from "../db/client.js";
import { AnswerCheckers } from "../services/answer-checkers.js";
import { loadDemoData } from "../services/demo.js";
import { loadSurveyFiles } from "../services/survey-files.js";
import { readEnv } from "../env.js";
import { HelpRequested, parseCommandArgs } from "./args.js";
import { CliError } from "./cli-error.js";
import { openCliDatabase } from "./open.js";
import { progressBar } from "./progress.js";

export const demoHelp = `npm run cli -- demo load

Loads the demo data: 1,812 responses to the reference study (dangjian-innovation-2023)
reproducing its published figures, and a district's census of 196 organisations
(org-coverage-census). Publishes the questionnaires in surveys/ first. Every response
goes through the same validation as a web submission; loading twice adds nothing.
`;

/** `demo load`. */
export async function demoCommand(args: string[]): Promise<void> {
  const [sub] = parseCommandArgs(args, demoHelp, {}, 1).positionals;
  if (!sub) throw new HelpRequested(demoHelp);
  if (sub !== "load") throw new CliError(`Unknown demo command '${sub}'.\n\n${demoHelp}`);
  const database = await openCliDatabase();
  try {
    await loadSurveyFiles(database.db, readEnv().SURVEYS_DIR);
    await loadDemoWithProgress(database.db, new AnswerCheckers());
  } finally {
    await database.close();
  }
}

/** Loads the demo data sets with a progress bar per survey and a summary line each. */
export async function loadDemoWithProgress(db: Db, checkers: AnswerCheckers): Promise<void> {
  const bars = new Map<string, ReturnType<typeof progressBar>>();
  const results = await loadDemoData(db, checkers, (survey, done, total) => {
    let bar = bars.get(survey);
    if (!bar) bars.set(survey, (bar = progressBar(`演示数据 demo ${survey}`, total)));
    bar.update(done);
    if (done === total) bar.finish(done);
  });
  for (const r of results) {
    process.stdout.write(`${r.survey}: ${r.created} added, ${r.repeated} already there\n`);
  }
}
