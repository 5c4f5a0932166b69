import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

/**
 * Runs a TypeScript entry point of the project to completion; resolves with its output.
 * @param input written to its standard input, which is then closed (a pipe, not a terminal)
 */
export function runScript(script: string, args: string[], env: Record<string, string | undefined>, input?: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(tsx, [script, ...args], { cwd: projectRoot, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) child.stdin.end(input);
  });
}

/**
 * Starts a long-running entry point and resolves once its output matches `ready` (within `timeoutMs`).
 * The default allows for a start-up (migrations, publishing, the demo load, bundles) on a machine
 * whose two cores are shared with other test files: 60 s was seen to run out at load average 15.
 */
export function startScript(script: string, env: Record<string, string | undefined>, ready: RegExp, timeoutMs = 120_000) {
  return new Promise<{ child: ChildProcess; output: () => string }>((resolve, reject) => {
    const child = spawn(tsx, [script], { cwd: projectRoot, env: { ...process.env, ...env } });
    let output = "";
    const timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    const onData = (d: Buffer) => {
      output += d;
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("close", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** Stops a started process and waits for it to exit. */
export function stopScript(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners("close");
    child.on("close", () => resolve());
    child.kill("SIGTERM");
  });
}
