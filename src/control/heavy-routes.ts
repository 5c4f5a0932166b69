import { Hono } from "hono";
import type { Db } from "../db/client.js";
import type { HeavyJobs } from "../jobs/index.js";
import { reportFiles } from "../report/bundle.js";
import type { ReportDefinition } from "../report/definition.js";
import { reportSteps, runReport } from "../report/run.js";
import type { AnswerCheckers } from "../services/answer-checkers.js";
import { loadDemoData } from "../services/demo.js";
import { codebookCsv } from "../services/export/codebook.js";
import { countExport, type ExportOptions, prepareExport } from "../services/export/index.js";
import { parseDateBound } from "../services/export/source.js";
import { importResponses } from "../services/import/index.js";
import { loadSurveyFiles } from "../services/survey-files.js";
import { framedAnswer, pulledFrames } from "./event-stream.js";
import { bytesFrames, jsonFrame } from "./frames.js";

/** What the server needs to do the command line's heavy work. */
export interface ControlDeps {
  db: Db;
  checkers: AnswerCheckers;
  jobs: HeavyJobs;
}

/** An export's options as they cross the socket: dates as ISO strings. */
export interface ExportCall {
  survey: string;
  format: ExportOptions["format"];
  labels: ExportOptions["labels"];
  bundle: boolean;
  codebook: boolean;
  filter: { version?: number; complete?: boolean; from?: string; to?: string };
}

/**
 * The command line's `demo load`, `export`, `import` and `report` on the running server's
 * database, each answered as a stream of frames (./frames.ts): progress events as the local
 * command's progress bars count them, the files' bytes in pieces, the outcome last. They take a
 * place of the heavy-job gate as the HTTP calls do, and render and check rows in its workers.
 */
export function heavyControlRoutes({ db, checkers, jobs }: ControlDeps) {
  const gated = async <T>(work: () => Promise<T>): Promise<T> => {
    const leave = jobs.gate.enter();
    try {
      return await work();
    } finally {
      leave();
    }
  };
  return new Hono()
    .post("/demo", async (c) => {
      const { surveysDir } = await c.req.json<{ surveysDir: string }>();
      return framedAnswer((sink) =>
        gated(async () => {
          await loadSurveyFiles(db, surveysDir);
          const results = await loadDemoData(db, checkers, (survey, done, total) => sink.event({ type: "progress", survey, done, total }));
          sink.event({ type: "result", results });
        }),
      );
    })
    .post("/report/:survey", async (c) => {
      const definition = await c.req.json<ReportDefinition>();
      const survey = c.req.param("survey");
      return framedAnswer((sink) =>
        gated(async () => {
          const steps = reportSteps(definition);
          const report = await runReport(db, survey, definition, {
            onProgress: (done) => sink.event({ type: "progress", done }),
            render: (spec, png) => jobs.pool.run("renderChart", { spec, png }),
            pace: jobs.pacer.start(),
          });
          let done = steps;
          const files = await reportFiles(report, () => sink.event({ type: "progress", done: ++done }));
          sink.event({ type: "computed", analyses: report.items.length, complete: report.sample.complete });
          for (const [path, bytes] of files) {
            sink.event({ type: "file", path });
            sink.bytes(bytes);
          }
          sink.event({ type: "result" });
        }),
      );
    })
    .post("/import/:survey", async (c) => {
      const survey = c.req.param("survey");
      const dryRun = c.req.query("dryRun") === "true";
      const ignore = c.req.queries("ignore") ?? [];
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return framedAnswer((sink) =>
        gated(async () => {
          const result = await importResponses(db, checkers, survey, bytes, {
            dryRun,
            ignore,
            onProgress: (phase, done, total) => sink.event({ type: "progress", phase, done, total }),
            check: (input) => jobs.pool.run("checkRows", input),
            pace: jobs.pacer.start(),
          });
          sink.event({ type: "result", result });
        }),
      );
    })
    .post("/export", async (c) => {
      const call = await c.req.json<ExportCall>();
      // The CLI checked the bounds; a day stays a day, read in the survey's zone.
      const filter = { ...call.filter, from: parseDateBound(call.filter.from, "from"), to: parseDateBound(call.filter.to, "to") };
      return pulledFrames(
        (async function* () {
          const leave = jobs.gate.enter();
          try {
            const total = await countExport(db, call.survey, filter);
            yield jsonFrame({ type: "start", total });
            const progress: number[] = [];
            const prepared = await prepareExport(db, call.survey, {
              format: call.format,
              labels: call.labels,
              filter,
              bundle: call.bundle,
              onProgress: (done) => progress.push(done),
            });
            for await (const chunk of prepared.body) {
              for (const done of progress.splice(0)) yield jsonFrame({ type: "progress", done });
              yield* bytesFrames(chunk);
            }
            for (const done of progress.splice(0)) yield jsonFrame({ type: "progress", done });
            if (call.codebook) {
              yield jsonFrame({ type: "codebook" });
              yield* bytesFrames(codebookCsv(prepared.codebook));
            }
            yield jsonFrame({ type: "result", total, variables: prepared.layout.variables.length });
          } finally {
            leave();
          }
        })(),
      );
    });
}
