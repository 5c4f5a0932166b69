import { request } from "node:http";
import { CliError } from "../cli/cli-error.js";
import { controlSocketPath } from "./socket-path.js";

/**
 * One call to the running server's control socket (see ./server.ts); its JSON answer, or a
 * CliError with the server's message.
 */
export function controlCall<T>(dataDir: string, method: string, path: string, body?: unknown): Promise<T> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: controlSocketPath(dataDir), method, path, headers: payload ? { "content-type": "application/json" } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return reject(new CliError(`The server answered ${res.statusCode} with no JSON: ${text.slice(0, 200)}`));
        }
        if ((res.statusCode ?? 500) >= 400) return reject(new CliError((parsed as { error?: string }).error ?? `The server answered ${res.statusCode}.`));
        resolve(parsed as T);
      });
    });
    req.on("error", (err) => reject(new CliError(`Cannot reach the running server's control socket (${err.message}).`)));
    req.end(payload);
  });
}
