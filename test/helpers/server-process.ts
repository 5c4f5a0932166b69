import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { projectRoot } from "./spawn.js";

/** The server as a child process whose pid is the server itself (not a tsx wrapper), so SIGKILL hits it. */
export interface ServerProcess {
  child: ChildProcess;
  origin: string;
  output(): string;
  /** Resolves with the exit code or signal once the process has gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A port the kernel says is free on loopback now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts src/index.ts with `node --import tsx` (the tsx command runs the program in a
 * grandchild, which a SIGKILL of the child would leave running) and resolves once it listens.
 */
export function startServer(env: Record<string, string>, port: number): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
      cwd: projectRoot,
      env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), SUBMIT_RATE_LIMIT: "0", ...env },
    });
    let output = "";
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on("exit", (code, signal) => done({ code, signal })));
    const timer = setTimeout(() => reject(new Error(`not ready after 150 s:\n${output}`)), 150_000);
    const onData = (d: Buffer) => {
      output += d;
      if (/listening on/.test(output)) {
        clearTimeout(timer);
        resolve({ child, origin: `http://127.0.0.1:${port}`, output: () => output, exited });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}

/** Kills the server with `signal` and waits until it has gone. */
export async function killServer(server: ServerProcess, signal: NodeJS.Signals = "SIGKILL") {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  await server.exited;
}
