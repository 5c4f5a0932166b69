import type { Context } from "hono";
import type { z } from "zod";
import { AppError } from "../errors.js";

/**
 * The request's JSON body checked against a zod schema: 400 when it is not JSON, 422
 * naming each bad field when it does not fit.
 */
export async function readJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new AppError(
      "unprocessable",
      "The request body does not have the expected fields.",
      parsed.error.issues.map((i) => ({ question: i.path.join(".") || "(body)", message: i.message })),
    );
  }
  return parsed.data;
}

/** A size cap for JSON bodies that answers 413 in the one error shape. */
export function tooLarge(limitBytes: number) {
  return () => {
    throw new AppError("payload_too_large", `The request body is larger than the limit of ${limitBytes} bytes.`);
  };
}
