/**
 * The compiled checker against the model checker on many generated answer sets, the long run of
 * test/validation/compiled-agreement.test.ts: the same generators (honest, mutated, arbitrary;
 * complete or not; every reader language) on the reference study, the coverage census and the
 * 30-question form, in chunks of fixed seeds spread over worker threads.
 *
 *   npx tsx bench/validation-agreement.ts [--count 1000000] [--workers 2] [--seed 20261202] [--chunk 500]
 *
 * Prints a progress line, then the number compared and every disagreement with its form, seed and
 * fast-check path (replay: fc.assert(property, { seed, path, endOnFailure: true })). Exits 1 on any.
 */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import fc from "fast-check";
import reference from "../surveys/dangjian-innovation-2023.json" with { type: "json" };
import census from "../surveys/org-coverage-census.json" with { type: "json" };
import { createModelChecker } from "../src/validation/answers.js";
import { compileAnswerChecker } from "../src/validation/compiled/compile.js";
import { thirtyQuestionForm } from "../test/fixtures/thirty-question-form.js";
import { answerSetArb, comparable, runOn } from "../test/validation/answer-sets.js";
import { isDeepStrictEqual } from "node:util";

const FORMS: Record<string, object> = { reference, census, "30-question": thirtyQuestionForm().json };

// A worker thread does not inherit tsx's loader: it registers it, then runs this file.
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`;

interface Job {
  form: string;
  seed: number;
  runs: number;
}
type Report = { done: number } | { disagreement: { form: string; seed: number; path: string; counterexample: string } } | { finished: true };

if (isMainThread) await main();
else work();

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "10000" },
      workers: { type: "string", default: String(Math.min(2, availableParallelism())) },
      seed: { type: "string", default: "20261202" },
      chunk: { type: "string", default: "500" },
    },
  });
  const count = Number(values.count);
  const chunk = Number(values.chunk);
  const seed = Number(values.seed);
  const jobs: Job[] = [];
  const forms = Object.keys(FORMS);
  for (let start = 0, i = 0; start < count; start += chunk, i++) jobs.push({ form: forms[i % forms.length], seed: seed + i, runs: Math.min(chunk, count - start) });
  let done = 0;
  const disagreements: Extract<Report, { disagreement: unknown }>["disagreement"][] = [];
  const started = performance.now();
  const progress = (): void => {
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `\r${done.toLocaleString("en")} / ${count.toLocaleString("en")} compared, ${disagreements.length} disagreements, ${seconds.toFixed(0)} s, ${(done / seconds).toFixed(0)} sets/s   `,
    );
  };
  const timer = setInterval(progress, 2000);
  const perWorker = Array.from({ length: Number(values.workers) }, (_, w) => jobs.filter((_, i) => i % Number(values.workers) === w));
  await Promise.all(
    perWorker.map(
      (mine) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(WORKER_BOOT, { eval: true, workerData: mine });
          worker.on("message", (report: Report) => {
            if ("done" in report) done += report.done;
            else if ("disagreement" in report) disagreements.push(report.disagreement);
            else resolve();
          });
          worker.on("error", reject);
        }),
    ),
  );
  clearInterval(timer);
  progress();
  console.log(`\n${done.toLocaleString("en")} answer sets compared in ${((performance.now() - started) / 1000).toFixed(0)} s; ${disagreements.length} disagreements`);
  for (const d of disagreements) console.log(`  ${d.form}: seed ${d.seed}, path "${d.path}": ${d.counterexample}`);
  process.exit(disagreements.length > 0 ? 1 : 0);
}

function work(): void {
  // survey-core warns when the reference model is handed a value of the wrong shape.
  console.warn = () => undefined;
  const checkers = new Map(
    Object.entries(FORMS).map(([name, json]) => {
      const compiled = compileAnswerChecker(json);
      if (!compiled.compiled) throw new Error(`${name} does not compile: ${compiled.because.join("; ")}`);
      return [name, { json, compiled: compiled.checker, model: createModelChecker(json) }];
    }),
  );
  for (const job of workerData as Job[]) {
    const { json, compiled, model } = checkers.get(job.form)!;
    let done = 0;
    const result = fc.check(
      fc.property(answerSetArb(json), (set) => {
        done++;
        return isDeepStrictEqual(comparable(runOn(compiled, set)), comparable(runOn(model, set)));
      }),
      { seed: job.seed, numRuns: job.runs, endOnFailure: true },
    );
    parentPort!.postMessage({ done } satisfies Report);
    if (result.failed) {
      const counterexample = JSON.stringify(result.counterexample).slice(0, 2000);
      parentPort!.postMessage({ disagreement: { form: job.form, seed: job.seed, path: result.counterexamplePath ?? "", counterexample } } satisfies Report);
    }
  }
  parentPort!.postMessage({ finished: true } satisfies Report);
}
