import { AppError, fieldError } from "../errors.js";
import { phrase } from "../../i18n/phrase.js";
import { findJsonTextProblem } from "./strict-json.js";

/** A size cap for request bodies that answers 413 in the one error shape. */
export function tooLarge(limitBytes: number) {
  return () => {
    throw new AppError("payload_too_large", phrase("http.bodyTooLarge", { limit: limitBytes }));
  };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A JSON request body as text, refused (naming the place) unless the platform can keep it exactly
 * as sent: 400 unless it is valid UTF-8 (a decoder that replaced bad bytes would store other text
 * than the client sent), valid JSON, without a key twice in an object and nested at most
 * MAX_JSON_DEPTH deep; 422 for U+0000 or a lone surrogate in a string. Checked before any
 * validation or hashing looks at it.
 */
export function strictJsonText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new AppError("bad_request", phrase("http.invalidUtf8"));
  }
  try {
    JSON.parse(text);
  } catch {
    throw new AppError("bad_request", phrase("http.malformedJson"));
  }
  const problem = findJsonTextProblem(text);
  if (!problem) return text;
  const at = problem.at === "" ? "(body)" : problem.at;
  switch (problem.kind) {
    case "duplicate_key":
      throw new AppError("bad_request", phrase("http.duplicateKey", { key: problem.key, at }), [
        fieldError(at, "duplicate_key", phrase("http.duplicateKey", { key: problem.key, at })),
      ]);
    case "too_deep":
      throw new AppError("bad_request", phrase("http.tooDeep", { max: problem.max }), [fieldError(at, "too_deep", phrase("http.tooDeep", { max: problem.max }))]);
    // Well-formed JSON whose text cannot be stored: unprocessable, as the fields that check it themselves answer.
    case "nul_character":
      throw new AppError("unprocessable", phrase("http.nulCharacter", { at }), [fieldError(at, "nul_character", phrase("http.nulCharacter", { at }))]);
    case "lone_surrogate":
      throw new AppError("unprocessable", phrase("http.loneSurrogate", { at }), [fieldError(at, "lone_surrogate", phrase("http.loneSurrogate", { at }))]);
  }
}
