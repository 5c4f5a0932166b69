/** A worker thread of the WorkerPool: runs the named jobs of ./tasks.ts, one at a time. */
import { parentPort } from "node:worker_threads";
import { lowerThreadPriority, WORKER_NICE } from "./lower-priority.js";
import { type JobName, tasks } from "./tasks.js";
import { toTransfer } from "./transfer-error.js";

const port = parentPort;
if (!port) throw new Error("worker-main: not in a worker thread");
port.on("message", async (message: { id: number; name: JobName; input: never }) => {
  try {
    const output = await tasks[message.name](message.input);
    port.postMessage({ id: message.id, output });
  } catch (error) {
    port.postMessage({ id: message.id, error: toTransfer(error) });
  }
});
// Heavy work yields the CPU to the server's event loop whenever both want it.
const threadId = lowerThreadPriority(WORKER_NICE);
port.postMessage({ ready: true, threadId });
