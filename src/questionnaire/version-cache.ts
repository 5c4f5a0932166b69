/** Reading a version costs a survey-core model (tens of milliseconds): versions are immutable, so read each once. */
import type { QuestionnaireVersion } from "./question.js";
import { readVersion } from "./read-version.js";

/** Enough for every version of every survey one process serves; the oldest read goes first beyond it. */
const LIMIT = 200;
const cache = new Map<string, QuestionnaireVersion>();

/**
 * The model of a version by the SHA-256 of its canonical JSON (`survey_versions.hash`), read on
 * first use. Keyed by content, so it is right across databases and processes alike.
 */
export function cachedVersion(hash: string, json: object): QuestionnaireVersion {
  let version = cache.get(hash);
  if (version) {
    // Most recently used last.
    cache.delete(hash);
  } else {
    version = readVersion(json);
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as string);
  }
  cache.set(hash, version);
  return version;
}
