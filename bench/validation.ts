/**
 * What validating one submission costs, two ways, on the kitchen-sink questionnaire and on a
 * plain 30-question form:
 *   (1) a new survey-core Model per submission, data set, validate();
 *   (2) the server's way: createAnswerChecker once per questionnaire version, then one call per
 *       submission (own shape checks plus one reused Model).
 *
 *   npx tsx bench/validation.ts [--iterations 200]
 *
 * Figures are milliseconds per submission after a warm-up, wall clock and this process's CPU
 * time; bench/README.md keeps the measured ones.
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import kitchenSink from "../test/fixtures/kitchen-sink.json" with { type: "json" };
import { createSurveyModel } from "../src/questionnaire/survey-model.js";
import { createAnswerChecker } from "../src/validation/answers.js";
import { thirtyQuestionForm } from "../test/fixtures/thirty-question-form.js";

const { values } = parseArgs({ options: { iterations: { type: "string", default: "200" } } });
const iterations = Number(values.iterations);

/** A realistic complete response to the kitchen sink (accepted by both ways). */
const kitchenSinkAnswers = {
  org_name: "城关镇第一党支部",
  org_level: "村（社区）级",
  org_type: "branch",
  member_count: 36,
  founded: "1985-07-01",
  contact_email: "dangzhibu@example.cn",
  contact_phone: "13800138000",
  has_full_time_secretary: true,
  secretary_name: "王小明",
  village_kind: "农村行政村",
  households: 420,
  activities: ["三会一课", "主题党日", "other"],
  "activities-Comment": "红色观影",
  main_activity: "主题党日",
  meetings_per_year: 8,
  satisfaction: 4,
  study_topics: ["党章党规", "乡村振兴"],
  priorities: ["政治建设", "组织建设", "思想建设", "作风建设", "纪律建设"],
  evaluation: { system: 4, team: 4, style: 5 },
  difficulties: ["经费不足", "党员流动性大"],
  members: [
    { name: "张三", age: 52, gender: "男", education: "本科", is_secretary: true, term_start: "2021-03-01" },
    { name: "李四", age: 38, gender: "女", education: "大专" },
  ],
  trainings: [
    { topic: "党史学习教育", hours: 16, mode: "线下", certified: true },
    { topic: "基层治理", hours: 8, mode: "线上" },
  ],
  funding: { 2023: { budget: 5, source: "党费返还", uses: ["教育培训"] }, 2024: { budget: 6, source: "财政拨款", uses: ["阵地建设", "慰问关怀"] } },
  contact: { name: "李四", phone: "15912345678", years: 12 },
  position_style: "hall",
  willing_follow_up: "愿意",
};

/** Milliseconds per call: wall clock, and CPU time of this process (steadier on a busy machine). */
interface Cost {
  wall: number;
  cpu: number;
}

/** Mean cost of `run` over `iterations` calls, after a warm-up of a fifth as many. */
function measure(run: () => void): Cost {
  for (let i = 0; i < Math.max(10, iterations / 5); i++) run();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) run();
  const wall = (performance.now() - start) / iterations;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 / iterations };
}

function bench(name: string, json: object, answers: Record<string, unknown>): { name: string; fresh: Cost; reused: Cost } {
  const check = createAnswerChecker(json);
  const verdict = check(answers, { complete: true });
  if (!verdict.ok) throw new Error(`${name}: the sample answers are rejected: ${JSON.stringify(verdict.errors)}`);
  const fresh = measure(() => {
    const model = createSurveyModel(json);
    model.data = structuredClone(answers);
    if (!model.validate(true, false)) throw new Error(`${name}: survey-core rejects the sample answers`);
  });
  const reused = measure(() => {
    if (!check(answers, { complete: true }).ok) throw new Error(`${name}: rejected`);
  });
  return { name, fresh, reused };
}

const thirty = thirtyQuestionForm();
const rows = [bench("kitchen sink (27 answers, panels, matrices)", kitchenSink, kitchenSinkAnswers), bench("30-question form", thirty.json, thirty.answers)];

const [load1] = loadavg();
console.log(`Node ${process.version}, ${cpus().length} cores, load average ${load1.toFixed(1)}, ${iterations} submissions per figure\n`);
console.log("| questionnaire | new Model per submission: wall / CPU ms | createAnswerChecker reused: wall / CPU ms | speed-up (wall) |");
console.log("|---|---:|---:|---:|");
for (const r of rows) {
  const cell = (c: Cost) => `${c.wall.toFixed(1)} / ${c.cpu.toFixed(1)}`;
  console.log(`| ${r.name} | ${cell(r.fresh)} | ${cell(r.reused)} | ${(r.fresh.wall / r.reused.wall).toFixed(1)}x |`);
}
