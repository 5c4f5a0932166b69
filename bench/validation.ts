/**
 * What validating one submission costs, three ways, on the kitchen-sink questionnaire, the
 * reference study and a plain 30-question form:
 *   (1) a new survey-core Model per submission, data set, validate();
 *   (2) the model checker: createModelChecker once per questionnaire version, then one call per
 *       submission (own shape checks plus one reused Model);
 *   (3) the server's way: compileAnswerChecker once per version (plain functions; the model
 *       checker for a version it does not cover, which the table says).
 *
 *   npx tsx bench/validation.ts [--iterations 200]
 *
 * Figures are microseconds per submission after a warm-up, wall clock and this process's CPU
 * time; bench/README.md keeps the measured ones.
 */
import { cpus, loadavg } from "node:os";
import { isDeepStrictEqual, parseArgs } from "node:util";
import kitchenSink from "../test/fixtures/kitchen-sink.json" with { type: "json" };
import { createSurveyModel } from "../src/questionnaire/survey-model.js";
import reference from "../surveys/dangjian-innovation-2023.json" with { type: "json" };
import { createModelChecker } from "../src/validation/answers.js";
import { compileAnswerChecker } from "../src/validation/compiled/compile.js";
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

/** Microseconds per call: wall clock, and CPU time of this process (steadier on a busy machine). */
interface Cost {
  wall: number;
  cpu: number;
}

/** Mean cost of `run` over `iterations` calls, after a warm-up of a fifth as many. */
function measure(run: () => void, count = iterations): Cost {
  for (let i = 0; i < Math.max(10, count / 5); i++) run();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < count; i++) run();
  const wall = ((performance.now() - start) * 1000) / count;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / count };
}

interface Row {
  name: string;
  fresh: Cost;
  reused: Cost;
  compiled: Cost;
  isCompiled: boolean;
}

function bench(name: string, json: object, answers: Record<string, unknown>): Row {
  const check = createModelChecker(json);
  const verdict = check(answers, { complete: true });
  if (!verdict.ok) throw new Error(`${name}: the sample answers are rejected: ${JSON.stringify(verdict.errors)}`);
  const compiled = compileAnswerChecker(json);
  // Equal as values: the order of keys differs (survey-core's own varies with the order values were set) and is not stored (jsonb).
  if (!isDeepStrictEqual(compiled.checker(answers, { complete: true }), verdict)) throw new Error(`${name}: the compiled checker disagrees`);
  const fresh = measure(() => {
    const model = createSurveyModel(json);
    model.data = structuredClone(answers);
    if (!model.validate(true, false)) throw new Error(`${name}: survey-core rejects the sample answers`);
  });
  const reused = measure(() => {
    if (!check(answers, { complete: true }).ok) throw new Error(`${name}: rejected`);
  });
  // Many more calls where it compiled: a compiled check is a hundred times cheaper.
  const compiledCost = measure(
    () => {
      if (!compiled.checker(answers, { complete: true }).ok) throw new Error(`${name}: rejected`);
    },
    compiled.compiled ? iterations * 50 : iterations,
  );
  return { name, fresh, reused, compiled: compiledCost, isCompiled: compiled.compiled };
}

/** A complete response to the reference study (a social organisation's) that both checkers accept. */
const referenceAnswers = {
  city: "北京",
  level: "社会组织",
  org_type: "社会中介组织",
  hub: "本身是枢纽型组织",
  staff_count: 442,
  member_count: 283,
  member_relation: "部分在本组织",
  party_org_form: "未建立",
  instructor: "是",
  main_problems: ["管理体制不顺畅", "党建与业务脱节"],
  multi_dept: "多个管理部门，职责不明确",
  funding_sources: ["管理费列支", "党费返还"],
  suggestions: "加强学习",
};

const thirty = thirtyQuestionForm();
const rows = [
  bench("kitchen sink (27 answers, panels, matrices)", kitchenSink, kitchenSinkAnswers),
  bench("reference study", reference, referenceAnswers),
  bench("30-question form", thirty.json, thirty.answers),
];

const [load1] = loadavg();
console.log(`Node ${process.version}, ${cpus().length} cores, load average ${load1.toFixed(1)}, ${iterations} submissions per figure (compiled: ${iterations * 50})\n`);
console.log(
  "| questionnaire | new Model per submission: wall / CPU µs | model checker, reused: wall / CPU µs | compiled checker: wall / CPU µs | speed-up over the model checker (CPU) |",
);
console.log("|---|---:|---:|---:|---:|");
const cell = (c: Cost) => `${c.wall.toFixed(0)} / ${c.cpu.toFixed(0)}`;
for (const r of rows) {
  const compiled = r.isCompiled ? cell(r.compiled) : `(not compiled) ${cell(r.compiled)}`;
  console.log(`| ${r.name} | ${cell(r.fresh)} | ${cell(r.reused)} | ${compiled} | ${(r.reused.cpu / r.compiled.cpu).toFixed(0)}x |`);
}
