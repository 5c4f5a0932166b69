import { withWording, type Wording } from "../../i18n/phrase.js";
import { AppError, type ErrorCode, type FieldError } from "../errors.js";

/**
 * An error as it crosses a thread: structured cloning keeps neither an AppError's class nor
 * the wordings attached to it (non-enumerable), so both travel as plain fields.
 */
export interface TransferredError {
  message: string;
  app?: { code: ErrorCode; detail: string | Wording; errors?: (FieldError & { wording?: Wording })[] };
}

/** A list of findings (field errors, import cell errors) with their wordings as plain fields. */
export function wordingsToFields<T extends { wording?: Wording }>(items: readonly T[]): (T & { wording?: Wording })[] {
  return items.map((item) => ({ ...item, ...(item.wording ? { wording: item.wording } : {}) }));
}

/** The inverse of {@link wordingsToFields}: the wordings attached again, as the catalogue's helpers expect. */
export function fieldsToWordings<T extends { wording?: Wording }>(items: readonly T[]): T[] {
  return items.map(({ wording, ...rest }) => (wording ? withWording(rest as T, wording) : (rest as T)));
}

/** An error thrown in a worker, made ready to post. */
export function toTransfer(error: unknown): TransferredError {
  if (error instanceof AppError) {
    return { message: error.message, app: { code: error.code, detail: error.wording ?? error.detail, errors: error.errors ? wordingsToFields(error.errors) : undefined } };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

/** The error again on the calling thread: an AppError stays an AppError, anything else is an Error with its message. */
export function fromTransfer(error: TransferredError): Error {
  if (!error.app) return new Error(error.message);
  const { code, detail, errors } = error.app;
  return new AppError(code, detail as never, errors ? fieldsToWordings(errors) : undefined);
}
