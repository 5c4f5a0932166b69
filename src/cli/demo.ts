import type { Db } from "../db/client.js";
import { AnswerCheckers } from "../services/answer-checkers.js";
import { resolve } from "node:path";
import { controlFrames } from "../control/stream-client.js";
import { type DemoLoadResult, loadDemoData } from "../services/demo.js";
import { runningServer } from "./remote.js";
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
  const server = runningServer();
  if (server) return loadDemoRemotely(server);
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
  const progress = demoProgress();
  printResults(await loadDemoData(db, checkers, progress));
}

/** The same through the running server, which loads them into the database it holds. */
async function loadDemoRemotely(dataDir: string): Promise<void> {
  const progress = demoProgress();
  for await (const frame of controlFrames(dataDir, "/demo", { json: { surveysDir: resolve(readEnv().SURVEYS_DIR) } })) {
    if (frame.kind !== "json") continue;
    const event = frame.value as { type: string; survey: string; done: number; total: number; results: DemoLoadResult[] };
    if (event.type === "progress") progress(event.survey, event.done, event.total);
    if (event.type === "result") printResults(event.results);
  }
}

/** A progress bar per survey, each ended when its last response is in. */
function demoProgress(): (survey: string, done: number, total: number) => void {
  const bars = new Map<string, ReturnType<typeof progressBar>>();
  return (survey, done, total) => {
    let bar = bars.get(survey);
    if (!bar) bars.set(survey, (bar = progressBar(`演示数据 demo ${survey}`, total)));
    bar.update(done);
    if (done === total) bar.finish(done);
  };
}

function printResults(results: DemoLoadResult[]): void {
  for (const r of results) {
    process.stdout.write(`${r.survey}: ${r.created} added, ${r.repeated} already there\n`);
  }
}
