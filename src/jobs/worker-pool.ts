import { serialize } from "node:v8";
import { Worker } from "node:worker_threads";
import type { JobInput, JobName, JobOutput } from "./tasks.js";
import { fromTransfer, type TransferredError } from "./transfer-error.js";

/** The worker's entry: it registers tsx (the source is TypeScript, also under vitest) and loads worker-main. */
const WORKER_MAIN = new URL("./worker-main.ts", import.meta.url).href;
const BOOTSTRAP = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_MAIN)}); })`;

/**
 * A worker's heap: a small young generation and a bound on the old one. With V8's defaults
 * (16 MiB semi-spaces, a 4 GiB old generation) a worker checking an import's batches let
 * promoted garbage pile up until late full collections, so the peak grew with the file: a
 * 100,000-row reference dry run peaked at 647 MiB against 529 MiB at 20,000 rows. With these
 * limits 449 and 471-483 MiB (bench/import.ts); the young generation alone did not do it (505
 * and 622 MiB). 1 GiB is ample for a batch: the body limit (50 MiB) bounds what one holds.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 1024 };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  /** The job it runs, if any. */
  job?: number;
  /** The thread's id in the operating system (Linux), once it is ready and its priority lowered. */
  threadId?: number;
}

interface Queued {
  name: JobName;
  /** The input already serialized (see {@link WorkerPool.run}). */
  input: ArrayBuffer;
  pending: Pending;
}

/**
 * The input as bytes of its own, ready to be handed over: a Buffer from v8.serialize may share
 * its memory with others, and only a whole ArrayBuffer can be transferred.
 */
function serialized(input: unknown): ArrayBuffer {
  const bytes = serialize(input);
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer as ArrayBuffer;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * A small pool of worker threads for the CPU-heavy parts of requests (chart rendering,
 * checking imported rows), so that they run beside the event loop instead of in it and
 * submissions keep their pace. Workers start on first use and are kept; an idle worker
 * does not keep the process alive. One job per worker at a time; the rest wait in order.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Queued[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  /** @param size how many worker threads at most (at least 1) */
  constructor(readonly size: number) {
    if (!(Number.isInteger(size) && size >= 1)) throw new Error(`WorkerPool: size must be a positive integer, got ${size}`);
  }

  /**
   * Runs a job in a worker thread.
   *
   * @param name the job (see ./tasks.ts)
   * @param input its input, structured-cloned into the worker. It is serialized at once, not when
   *   a worker is free: a job waiting its turn then holds bytes outside the JavaScript heap, not
   *   the caller's objects, which would otherwise live long enough to be promoted to the old
   *   generation and pile up there as garbage (an import's rows, batch after batch).
   * @returns the job's output; an AppError thrown there is thrown here as an AppError
   */
  run<N extends JobName>(name: N, input: JobInput<N>): Promise<JobOutput<N>> {
    if (this.closed) return Promise.reject(new Error("WorkerPool: closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ name, input: serialized(input), pending: { resolve: resolve as (value: unknown) => void, reject } });
      this.dispatch();
    });
  }

  /** The operating system's ids of the worker threads that are ready (Linux; empty elsewhere), to check their priority. */
  threadIds(): number[] {
    return this.slots.flatMap((slot) => (slot.threadId === undefined ? [] : [slot.threadId]));
  }

  /** Stops every worker; jobs still waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.pending.reject(new Error("WorkerPool: closed"));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.job === undefined) ?? (this.slots.length < this.size ? this.start() : undefined);
      if (!slot) return;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      slot.job = id;
      // A running job keeps the process alive (the CLI awaits it); an idle worker does not.
      slot.worker.ref();
      const finish = () => {
        slot.job = undefined;
        slot.worker.unref();
        this.dispatch();
      };
      this.pending.set(id, {
        resolve: (value) => {
          finish();
          job.pending.resolve(value);
        },
        reject: (error) => {
          finish();
          job.pending.reject(error);
        },
      });
      slot.ready.then(
        () => slot.worker.postMessage({ id, name: job.name, input: job.input }, [job.input]),
        (error: Error) => this.settle(id, undefined, error),
      );
    }
  }

  private start(): Slot {
    const worker = new Worker(BOOTSTRAP, { eval: true, resourceLimits: WORKER_LIMITS });
    worker.unref();
    let signalReady: () => void = () => {};
    const ready = new Promise<void>((resolve) => {
      signalReady = resolve;
    });
    const slot: Slot = { worker, ready };
    worker.on("message", (message: { ready?: true; threadId?: number; id?: number; output?: unknown; error?: TransferredError }) => {
      if (message.ready) {
        slot.threadId = message.threadId;
        return signalReady();
      }
      if (message.id !== undefined) this.settle(message.id, message.output, message.error ? fromTransfer(message.error) : undefined);
    });
    worker.on("error", (error: Error) => this.lose(slot, error));
    worker.on("exit", (code) => this.lose(slot, new Error(`WorkerPool: a worker stopped (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  private settle(id: number, output: unknown, error: Error | undefined): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if (error) pending.reject(error);
    else pending.resolve(output);
  }

  /** A worker that died fails the jobs it held; the next job starts a new one. */
  private lose(slot: Slot, error: Error): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    if (slot.job !== undefined) this.settle(slot.job, undefined, error);
    else if (!this.closed) this.dispatch();
  }
}
