import { phrase } from "../../i18n/phrase.js";
import { AppError } from "../errors.js";
import { checkQuestionnaire } from "../questionnaire/check.js";
import { UnreadableQuestionnaire } from "../questionnaire/survey-model.js";
import type { AnswerChecker } from "../validation/answers.js";
import { compileAnswerChecker } from "../validation/compiled/compile.js";

type Checker = AnswerChecker;

/**
 * Answer checkers by questionnaire hash: the compiled checker (tens of microseconds a
 * submission), or the model checker for a version the compiler does not cover (a few
 * milliseconds). Building either costs tens of milliseconds, so each process keeps the
 * checkers it has built. This is a cache of derivable values, not state: any process
 * builds the same checker from the stored JSON. Bounded, oldest first out.
 */
export class AnswerCheckers {
  private readonly cache = new Map<string, Checker>();
  constructor(private readonly capacity = 64) {}

  /**
   * The checker for a questionnaire version, built on first use.
   * @throws AppError 422 naming what is wrong when survey-core cannot read the version (stored
   *   before publication refused such questionnaires): it can take no answers.
   */
  get(hash: string, json: object): Checker {
    let checker = this.cache.get(hash);
    if (checker) {
      // Re-insert to mark as recently used.
      this.cache.delete(hash);
    } else {
      checker = buildChecker(json);
    }
    this.cache.set(hash, checker);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value as string);
    return checker;
  }
}

function buildChecker(json: object): Checker {
  // Stored before publication checked what survey-core breaks on: say which question is at fault.
  const problems = checkQuestionnaire(json);
  if (problems.length > 0) throw new AppError("unprocessable", phrase("responses.versionUnreadable"), problems);
  try {
    return compileAnswerChecker(json).checker;
  } catch (err) {
    if (err instanceof UnreadableQuestionnaire) throw new AppError("unprocessable", phrase("responses.versionUnreadable"), checkQuestionnaire(json));
    throw err;
  }
}
