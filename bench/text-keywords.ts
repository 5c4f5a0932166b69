/**
 * Keyword tables on 100,000 open answers: POST /api/surveys/{name}/analysis/text through the
 * real app (app.request, no network), plain and grouped by level (keyness), on the embedded
 * database (PGlite) or, with --url, a PostgreSQL server.
 *
 *   npx tsx bench/text-keywords.ts [--rows 100000] [--runs 5] [--url postgres://…/db]
 *
 * The answers are made from the field's vocabulary (src/demo/closing-answers.ts's
 * suggestions and the domain terms): one to three clauses from templates with fillers, one
 * in ten in Traditional characters, one in twenty in English, so most answers are distinct
 * (the service segments each distinct answer once). They are inserted in batches straight
 * into `responses` (the submission path is measured elsewhere). The first run includes
 * loading jieba and OpenCC's tables.
 */
import { parseArgs } from "node:util";
import * as OpenCC from "opencc-js";
import { createApp } from "../src/app.js";
import { openDatabase } from "../src/db/client.js";
import { responses } from "../src/db/schema/index.js";
import { createRandom } from "../src/demo/random.js";
import { loadSurveyFiles } from "../src/services/survey-files.js";
import { getSurveyVersion } from "../src/services/surveys.js";
import { createToken } from "../src/services/tokens.js";
import { createUser } from "../src/services/accounts/users.js";

const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" }, runs: { type: "string", default: "5" }, url: { type: "string" } } });
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
const SURVEY = "dangjian-innovation-2023";

const SUBJECTS = ["党建指导员", "枢纽型社会组织", "联合党组织", "两新组织", "业务主管单位", "街道党工委", "社区党组织", "行业协会商会", "党务工作者", "流动党员"];
const ACTIONS = ["加强", "落实", "完善", "规范", "推动", "扩大", "明确", "保障", "培育", "考核"];
const OBJECTS = ["三会一课制度", "组织覆盖和工作覆盖", "党建工作经费", "活动场地", "职责分工", "培训和指导", "组织生活", "党员教育管理", "示范典型", "激励机制"];
const PROBLEMS = ["管理体制不顺畅", "党建活动形式单一", "经费不足", "党员数量少、流动性大", "条块分割，职责不明确", "顶层设计不到位", "党建与业务两张皮", "创新动力不足"];
const ENGLISH = [
  "More training for party-building instructors",
  "Funding for activities is not enough",
  "Clarify the duties of the managing departments",
  "Joint party organisations need real activities",
];

const random = createRandom(20231);
const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
function answer(): string {
  if (random.chance(0.05)) return random.pick(ENGLISH);
  const clauses = Array.from({ length: random.pick([1, 2, 3], [0.4, 0.4, 0.2]) }, () =>
    random.chance(0.5) ? `${random.pick(ACTIONS)}${random.pick(SUBJECTS)}的${random.pick(OBJECTS)}` : `${random.pick(SUBJECTS)}${random.pick(PROBLEMS)}`,
  );
  const text = `${clauses.join("，")}。`;
  return random.chance(0.1) ? toTraditional(text) : text;
}

const database = values.url ? await openDatabase({ url: values.url }) : await openDatabase({ dataDir: "memory://" });
try {
  await loadSurveyFiles(database.db, new URL("../surveys", import.meta.url).pathname);
  const survey = await getSurveyVersion(database.db, SURVEY);
  const levels = ["市", "区(县)", "街道(乡镇)", "社区(村)", "社会组织"];
  const loadStart = performance.now();
  const distinct = new Set<string>();
  for (let from = 0; from < ROWS; from += 2000) {
    const batch = Array.from({ length: Math.min(2000, ROWS - from) }, () => {
      const text = answer();
      distinct.add(text);
      return {
        id: crypto.randomUUID(),
        surveyId: survey.surveyId,
        version: survey.version,
        data: { level: random.pick(levels), suggestions: text },
        complete: true,
        bodyHash: "bench",
      };
    });
    await database.db.insert(responses).values(batch);
  }
  console.log(`loaded ${ROWS} answers (${distinct.size} distinct) in ${((performance.now() - loadStart) / 1000).toFixed(1)} s on ${database.kind}`);

  const app = createApp({ db: database.db, kind: database.kind });
  const user = await createUser(database.db, { login: "bench", name: "bench", password: "bench-password-long", admin: true });
  const { token } = await createToken(database.db, "bench", user.id);
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  for (const [label, body] of [
    ["top 20 words and phrases", { question: "suggestions", top: 20 }],
    ["by level (G² keyness, Holm)", { question: "suggestions", top: 20, by: "level" }],
  ] as const) {
    const times: number[] = [];
    let n = 0;
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const res = await app.request(`/api/surveys/${SURVEY}/analysis/text`, { method: "POST", headers, body: JSON.stringify(body) });
      const json = (await res.json()) as { n: number; words: { word: string; respondents: number }[] };
      times.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(json)}`);
      n = json.n;
      if (run === 0)
        console.log(
          `  ${label}: n ${n}, top ${json.words
            .slice(0, 5)
            .map((w) => `${w.word} ${w.respondents}`)
            .join(", ")}`,
        );
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `${label}: first ${(times[0] / 1000).toFixed(2)} s, median ${(sorted[Math.floor(RUNS / 2)] / 1000).toFixed(2)} s, best ${(sorted[0] / 1000).toFixed(2)} s over ${RUNS} runs (n ${n})`,
    );
  }
} finally {
  await database.close();
}
