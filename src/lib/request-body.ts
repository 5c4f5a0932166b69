import { AppError } from "../errors.js";

/** A size cap for request bodies that answers 413 in the one error shape. */
export function tooLarge(limitBytes: number) {
  return () => {
    throw new AppError("payload_too_large", `The request body is larger than the limit of ${limitBytes} bytes.`);
  };
}
