/**
 * The reference study's 1,812 demo responses, stored directly: they are the generator's checked
 * output, and their not-asked lists are the questions whose conditions fail, as the answer check
 * records them (checked on a sample in variables.test.ts). Going through the checker for every
 * test file would cost a minute each.
 */
import type { Db } from "../../../src/db/client.js";
import { generateDemoResponses } from "../../../src/demo/index.js";
import { hashJson } from "../../../src/lib/canonical-hash.js";
import { readQuestions } from "../../../src/questionnaire/read-version.js";
import { Visibility } from "../../../src/questionnaire/visibility.js";
import { insertResponses } from "../../../src/services/import/store.js";
import { getSurveyVersion, publishSurvey } from "../../../src/services/surveys.js";
import reference from "../../../surveys/dangjian-innovation-2023.json" with { type: "json" };

export { reference };

/** The questions of the reference questionnaire that logic hides for these answers. */
export function notAskedOf(data: Record<string, unknown>): string[] {
  const visibility = new Visibility();
  return readQuestions(reference)
    .filter((spec) => !visibility.asked(spec, data))
    .map((spec) => spec.key);
}

/** Publishes the reference questionnaire under `name` and stores its demo responses (or the first `count`). */
export async function publishReferenceWithDemo(db: Db, name = "dangjian-innovation-2023", count?: number) {
  await publishSurvey(db, name, reference);
  const survey = await getSurveyVersion(db, name);
  const demo = generateDemoResponses(reference).slice(0, count);
  const specs = readQuestions(reference);
  const visibility = new Visibility();
  await insertResponses(
    db,
    survey.surveyId,
    demo.map((r) => ({
      id: r.id,
      version: survey.version,
      data: r.data,
      complete: true,
      bodyHash: hashJson({ data: r.data, complete: true, version: null }),
      notAsked: specs.filter((spec) => !visibility.asked(spec, r.data)).map((spec) => spec.key),
    })),
  );
  return { survey, demo };
}

/** All bytes of a streamed body. */
export async function collect(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}
