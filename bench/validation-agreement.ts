/**
 * The compiled checker against the model checker on many generated answer sets, the long run of
 * test/validation/compiled-agreement.test.ts: families of answer sets (test/validation/answer-families.ts:
 * one base from a respondent driving a real form, or an arbitrary one, and cheap edits of it;
 * complete or not; every reader language) on every listed form that compiles, in chunks of fixed
 * seeds spread over worker threads. Every set is checked by both checkers and compared in full.
 *
 *   npx tsx bench/validation-agreement.ts [--count 1000000] [--workers 2] [--seed 20261202] [--family 128] [--chunk 4] [--part K/N]
 *   npx tsx bench/validation-agreement.ts --replay <form>:<seed>:<path>:<variant> [--family 128]
 *
 * Prints progress, then per form the sets compared, sets/s per worker and where the time went,
 * the projection for a million, and every disagreement with its form, seed, fast-check path and
 * variant index, and the command that replays it. Exits 1 on any disagreement.
 *
 * `--part K/N` (K from 1) runs the K-th of N equal slices of the same jobs, seeds unchanged, so
 * that the N parts together are exactly the run without it: a long run split over several
 * sittings. Each part writes bench/results/agreement-<count>-part-K-of-N.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import fc from "fast-check";
import reference from "../surveys/dangjian-innovation-2023.json" with { type: "json" };
import census from "../surveys/org-coverage-census.json" with { type: "json" };
import kitchenSink from "../test/fixtures/kitchen-sink.json" with { type: "json" };
import { type AnswerChecker, createModelChecker } from "../src/validation/answers.js";
import { compileAnswerChecker } from "../src/validation/compiled/compile.js";
import { thirtyQuestionForm } from "../test/fixtures/thirty-question-form.js";
import { planMutations } from "../test/validation/answer-mutations.js";
import { familyArb, familySets } from "../test/validation/answer-families.js";
import { type AnswerSet, comparable, runOn } from "../test/validation/answer-sets.js";

/** Every form with a question type worth comparing; one the compiler does not take yet is skipped with a note. */
const FORMS: Record<string, object> = { reference, census, "30-question": thirtyQuestionForm().json, "kitchen-sink": kitchenSink };

// A worker thread does not inherit tsx's loader: it registers it, then runs this file.
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`;

interface Job {
  form: string;
  seed: number;
  families: number;
  size: number;
}
interface Disagreement {
  form: string;
  seed: number;
  path: string;
  variant: number;
  set: string;
}
/** Milliseconds a worker spent, by what it spent them on. */
interface Spent {
  model: number;
  compiled: number;
  total: number;
}
type Report = { form: string; sets: number; accepted: number; spent: Spent } | { disagreement: Disagreement } | { finished: true };

if (isMainThread) await main();
else work();

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "10000" },
      workers: { type: "string", default: String(Math.min(2, availableParallelism())) },
      seed: { type: "string", default: "20261202" },
      family: { type: "string", default: "128" },
      chunk: { type: "string", default: "4" },
      replay: { type: "string" },
      part: { type: "string" },
    },
  });
  const size = Number(values.family);
  if (values.replay) return replay(values.replay, size);
  const forms = Object.keys(FORMS).filter((name) => {
    const compiled = compileAnswerChecker(FORMS[name]);
    if (!compiled.compiled) console.log(`${name}: skipped, the compiler falls back to the model checker (${compiled.because.join("; ")})`);
    return compiled.compiled;
  });
  const count = Number(values.count);
  const workers = Number(values.workers);
  const families = Math.ceil(count / size);
  const chunk = Number(values.chunk);
  const jobs: Job[] = [];
  for (let start = 0, i = 0; start < families; start += chunk, i++) {
    jobs.push({ form: forms[i % forms.length], seed: Number(values.seed) + i, families: Math.min(chunk, families - start), size });
  }
  const part = partOf(values.part, jobs.length);
  if (part) jobs.splice(0, jobs.length, ...jobs.slice(part.from, part.to));
  const total = jobs.reduce((sum, job) => sum + job.families * job.size, 0);
  const byForm = new Map(forms.map((form) => [form, { sets: 0, accepted: 0, model: 0, compiled: 0, total: 0 }]));
  let done = 0;
  const disagreements: Disagreement[] = [];
  const started = performance.now();
  const progress = (): void => {
    const seconds = (performance.now() - started) / 1000;
    const line = `${done.toLocaleString("en")} / ${total.toLocaleString("en")} compared, ${disagreements.length} disagreements, ${seconds.toFixed(0)} s, ${(done / seconds).toFixed(0)} sets/s`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}   `);
    else console.log(line);
  };
  const timer = setInterval(progress, process.stdout.isTTY ? 2000 : 60_000);
  await Promise.all(
    Array.from({ length: workers }, (_, w) => jobs.filter((_, i) => i % workers === w)).map(
      (mine) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(WORKER_BOOT, { eval: true, workerData: mine });
          worker.on("message", (report: Report) => {
            if ("sets" in report) {
              done += report.sets;
              const tally = byForm.get(report.form)!;
              tally.sets += report.sets;
              tally.accepted += report.accepted;
              for (const what of ["model", "compiled", "total"] as const) tally[what] += report.spent[what];
            } else if ("disagreement" in report) disagreements.push(report.disagreement);
            else resolve();
          });
          worker.on("error", reject);
          worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
        }),
    ),
  );
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (process.stdout.isTTY) process.stdout.write("\n");
  console.log(
    `${done.toLocaleString("en")} answer sets (${(total / size).toLocaleString("en")} families of ${size}${part ? `, part ${values.part} of a run of ${count.toLocaleString("en")}` : ""}) compared in ${seconds.toFixed(0)} s with ${workers} workers: ${(done / seconds).toFixed(0)} sets/s; ${disagreements.length} disagreements`,
  );
  // CPU time of the whole process (every thread): what the run costs whatever else the machine is doing.
  const cpu = process.cpuUsage();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `projection for 1,000,000 sets: ${(1e6 / (done / seconds) / 60).toFixed(1)} min at this rate; CPU ${cpuSeconds.toFixed(0)} s, ${((cpuSeconds * 1e6) / done).toFixed(0)} µs per set, ${(((cpuSeconds / done) * 1e6) / workers / 60).toFixed(1)} min on ${workers} idle cores`,
  );
  for (const [form, t] of byForm) {
    if (t.sets === 0) continue;
    const per = (ms: number): string => `${((ms * 1000) / t.sets).toFixed(0)} µs`;
    console.log(
      `  ${form}: ${t.sets.toLocaleString("en")} sets, ${((t.sets * 1000) / t.total).toFixed(0)} sets/s per worker; ${((100 * t.accepted) / t.sets).toFixed(1)} % accepted; per set ${per(t.total)}: model checker ${per(t.model)}, compiled ${per(t.compiled)}, drawing and comparing ${per(t.total - t.model - t.compiled)}`,
    );
  }
  if (part) {
    const file = fileURLToPath(new URL(`./results/agreement-${count}-part-${values.part!.replace("/", "-of-")}.json`, import.meta.url));
    mkdirSync(dirname(file), { recursive: true });
    const record = {
      date: new Date().toISOString(),
      node: process.version,
      load: loadavg(),
      part: values.part,
      count,
      seed: Number(values.seed),
      family: size,
      chunk,
      workers,
      jobs: [part.from, part.to],
      seconds,
      cpuSeconds,
      sets: done,
      disagreements,
      byForm: Object.fromEntries(byForm),
    };
    writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    console.log(`recorded in ${file}`);
  }
  for (const d of disagreements) {
    console.log(`  ${d.form}: seed ${d.seed}, path "${d.path}", variant ${d.variant}: ${d.set}`);
    console.log(`    replay: npx tsx bench/validation-agreement.ts --family ${size} --replay '${d.form}:${d.seed}:${d.path}:${d.variant}'`);
  }
  process.exit(disagreements.length > 0 ? 1 : 0);
}

/** The jobs [from, to) of part "K/N" of `jobs` jobs, or undefined without a part; a malformed part stops the run. */
function partOf(part: string | undefined, jobs: number): { from: number; to: number } | undefined {
  if (part === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(part);
  const [k, n] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || n < 1 || k < 1 || k > n) {
    console.error(`--part must be K/N with 1 ≤ K ≤ N, got "${part}"`);
    process.exit(2);
  }
  return { from: Math.floor(((k - 1) * jobs) / n), to: Math.floor((k * jobs) / n) };
}

/** The two checkers of a form, and what its edits need. */
function prepareForm(name: string): { json: object; compiled: AnswerChecker; model: AnswerChecker; plan: ReturnType<typeof planMutations> } {
  const json = FORMS[name];
  if (!json) throw new Error(`no form "${name}"; forms: ${Object.keys(FORMS).join(", ")}`);
  const compiled = compileAnswerChecker(json);
  if (!compiled.compiled) throw new Error(`${name} does not compile: ${compiled.because.join("; ")}`);
  return { json, compiled: compiled.checker, model: createModelChecker(json), plan: planMutations(json) };
}

function work(): void {
  // survey-core warns when the reference model is handed a value of the wrong shape.
  console.warn = () => undefined;
  const prepared = new Map<string, ReturnType<typeof prepareForm>>();
  for (const job of workerData as Job[]) {
    if (!prepared.has(job.form)) prepared.set(job.form, prepareForm(job.form));
    const { json, compiled, model, plan } = prepared.get(job.form)!;
    const spent: Spent = { model: 0, compiled: 0, total: 0 };
    let sets = 0;
    // How many sets the reference accepts: a generator that mostly draws refusals would test little of the accepting path.
    let accepted = 0;
    let failed: { variant: number; set: AnswerSet; error?: string } | undefined;
    const started = performance.now();
    const result = fc.check(
      fc.property(familyArb(json, job.size), (family) => {
        const variants = familySets(plan, family);
        for (let i = 0; i < variants.length; i++) {
          try {
            const t0 = performance.now();
            const expected = comparable(runOn(model, variants[i]));
            const t1 = performance.now();
            const actual = comparable(runOn(compiled, variants[i]));
            spent.model += t1 - t0;
            spent.compiled += performance.now() - t1;
            sets++;
            if ((expected as { ok: boolean }).ok) accepted++;
            if (!isDeepStrictEqual(actual, expected)) failed = { variant: i, set: variants[i] };
          } catch (error) {
            // Neither checker may throw: that is a finding too.
            failed = { variant: i, set: variants[i], error: String(error) };
          }
          if (failed) return false;
        }
        return true;
      }),
      { seed: job.seed, numRuns: job.families, endOnFailure: true },
    );
    spent.total = performance.now() - started;
    parentPort!.postMessage({ form: job.form, sets, accepted, spent } satisfies Report);
    if (result.failed && failed) {
      const set = `${failed.error ? `threw ${failed.error} on ` : ""}${JSON.stringify(failed.set).slice(0, 2000)}`;
      parentPort!.postMessage({ disagreement: { form: job.form, seed: job.seed, path: result.counterexamplePath ?? "", variant: failed.variant, set } } satisfies Report);
    }
  }
  parentPort!.postMessage({ finished: true } satisfies Report);
}

/** Draws the family at (seed, path) again and shows both verdicts on one of its sets. */
function replay(what: string, size: number): void {
  const [form, seed, path, variant] = what.split(":");
  const { json, compiled, model, plan } = prepareForm(form);
  let sets: AnswerSet[] = [];
  fc.check(
    fc.property(familyArb(json, size), (family) => {
      sets = familySets(plan, family);
      return false;
    }),
    { seed: Number(seed), path, endOnFailure: true },
  );
  const set = sets[Number(variant)];
  console.log("answer set:", JSON.stringify(set, null, 2));
  console.log("model checker:", JSON.stringify(comparable(runOn(model, set)), null, 2));
  console.log("compiled checker:", JSON.stringify(comparable(runOn(compiled, set)), null, 2));
}
