import type { MiddlewareHandler } from "hono";
import { bodyLimit as streamingBodyLimit } from "hono/body-limit";
import { tooLarge } from "../lib/request-body.js";

/**
 * A size cap on a request body that answers 413 in the one error shape. A body with a
 * Content-Length (Node's parser holds the body to it) is judged by that header alone and left
 * unread, so @hono/node-server can later read it straight from the socket; hono's own middleware
 * touches `request.body` first, which builds a full web Request with a stream and an abort signal
 * for every call (about a tenth of a submission's CPU). Chunked bodies are counted as they stream.
 */
export function bodyLimit(maxSize: number): MiddlewareHandler {
  const onError = tooLarge(maxSize);
  const streaming = streamingBodyLimit({ maxSize, onError });
  return async (c, next) => {
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      if (Number.parseInt(length, 10) > maxSize) return onError();
      return next();
    }
    return streaming(c, next);
  };
}
