/** A worker thread of the WorkerPool: runs the named jobs of ./tasks.ts, one at a time. */
import { deserialize } from "node:v8";
import { parentPort } from "node:worker_threads";
import { lowerThreadPriority, WORKER_NICE } from "./lower-priority.js";
import { type JobName, tasks } from "./tasks.js";
import { toTransfer } from "./transfer-error.js";

const port = parentPort;
if (!port) throw new Error("worker-main: not in a worker thread");
port.on("message", async (message: { id: number; name: JobName; input: ArrayBuffer }) => {
  try {
    // The pool sends the input serialized by v8.serialize (see WorkerPool.run).
    const output = await tasks[message.name](deserialize(new Uint8Array(message.input)) as never);
    port.postMessage({ id: message.id, output });
  } catch (error) {
    port.postMessage({ id: message.id, error: toTransfer(error) });
  }
});
// Heavy work yields the CPU to the server's event loop whenever both want it.
const threadId = lowerThreadPriority(WORKER_NICE);
port.postMessage({ ready: true, threadId });
