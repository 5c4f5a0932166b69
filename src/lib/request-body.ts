import { AppError } from "../errors.js";
import { phrase } from "../../i18n/phrase.js";

/** A size cap for request bodies that answers 413 in the one error shape. */
export function tooLarge(limitBytes: number) {
  return () => {
    throw new AppError("payload_too_large", phrase("http.bodyTooLarge", { limit: limitBytes }));
  };
}
