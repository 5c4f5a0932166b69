import { createMiddleware } from "hono/factory";
import { type HeavyGate, HeavyJobsBusy } from "../jobs/heavy-gate.js";

/**
 * Holds a place of the heavy-job gate for the whole answer: a report's, an import's or an
 * export's work runs while the body streams, so the place is given back when the body has been
 * sent (or the client went away), not when the handler returns. Beyond the limit: 429 with
 * Retry-After, before the body is read.
 *
 * @param gate the process's heavy-job gate
 */
export function heavyJob(gate: HeavyGate) {
  return createMiddleware(async (c, next) => {
    let leave: () => void;
    try {
      leave = gate.enter();
    } catch (error) {
      if (error instanceof HeavyJobsBusy) c.header("Retry-After", String(error.retryAfter));
      throw error;
    }
    try {
      await next();
    } catch (error) {
      leave();
      throw error;
    }
    const body = c.res.body;
    // A refusal or a built file carries no work behind it; only a successful stream does.
    if (!body || c.res.status >= 300 || c.res.headers.has("content-length")) return leave();
    const reader = body.getReader();
    c.res = new Response(
      new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const { done, value } = await reader.read();
            if (done) {
              leave();
              controller.close();
            } else controller.enqueue(value);
          } catch (error) {
            leave();
            controller.error(error);
          }
        },
        cancel(reason) {
          leave();
          return reader.cancel(reason);
        },
      }),
      c.res,
    );
  });
}
