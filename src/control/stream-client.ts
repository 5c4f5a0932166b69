import { createReadStream } from "node:fs";
import { request } from "node:http";
import { CliError } from "../cli/cli-error.js";
import { fromTransfer, type TransferredError } from "../jobs/transfer-error.js";
import { type Frame, readFrames } from "./frames.js";
import { controlSocketPath } from "./socket-path.js";

/** What a long control call sends: JSON, or a file streamed from disk. */
export type ControlBody = { json: unknown } | { file: string };

/**
 * A long call to the running server's control socket (./heavy-routes.ts): its frames as they
 * come. An `error` event is thrown as the error the server met (an AppError stays one), so the
 * command handles it as it would have run locally.
 */
export async function* controlFrames(dataDir: string, path: string, body: ControlBody): AsyncGenerator<Frame> {
  const res = await new Promise<import("node:http").IncomingMessage>((resolve, reject) => {
    const headers = "json" in body ? { "content-type": "application/json" } : { "content-type": "application/octet-stream" };
    const req = request({ socketPath: controlSocketPath(dataDir), method: "POST", path, headers }, resolve);
    req.on("error", (err) => reject(new CliError(`Cannot reach the running server's control socket (${err.message}).`)));
    if ("json" in body) req.end(JSON.stringify(body.json));
    else {
      // The file goes through in pieces: the command line never holds it whole.
      const file = createReadStream(body.file);
      file.on("error", (err) => req.destroy(err));
      file.pipe(req);
    }
  });
  if ((res.statusCode ?? 500) >= 400) {
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    let message = `The server answered ${res.statusCode}.`;
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? message;
    } catch {
      // Not JSON: keep the status.
    }
    throw new CliError(message);
  }
  for await (const frame of readFrames(res)) {
    if (frame.kind === "json" && (frame.value as { type?: string }).type === "error") throw fromTransfer((frame.value as { error: TransferredError }).error);
    yield frame;
  }
}
