import { toTransfer } from "../jobs/transfer-error.js";
import { bytesFrames, jsonFrame } from "./frames.js";

/** What a long control call writes while it works: events, and pieces of files. */
export interface FrameSink {
  event(value: Record<string, unknown>): void;
  bytes(bytes: Uint8Array): void;
}

/**
 * A control answer of frames written by `work` as it goes. The work's AppErrors (and any other
 * error) end the stream as an `error` event, which the command line throws again as the same
 * AppError: its messages, field errors and exit code stay those of the command run locally.
 * Frames are handed on as the socket takes them; the work is not paused in between (reports and
 * imports write little; exports pull their rows through {@link pulledFrames} instead).
 */
export function framedAnswer(work: (sink: FrameSink) => Promise<void>): Response {
  return new Response(
    new ReadableStream<Uint8Array>({
      async start(controller) {
        const sink: FrameSink = {
          event: (value) => controller.enqueue(jsonFrame(value)),
          bytes: (bytes) => {
            for (const piece of bytesFrames(bytes)) controller.enqueue(piece);
          },
        };
        try {
          await work(sink);
        } catch (error) {
          if (!(error instanceof Error && "status" in error)) console.error("control:", error);
          sink.event({ type: "error", error: toTransfer(error) });
        }
        controller.close();
      },
    }),
    { headers: { "content-type": "application/octet-stream" } },
  );
}

/**
 * A control answer pulled frame by frame from a generator: a big export is read from the
 * database only as fast as the command line writes it. An error ends it as an `error` event.
 */
export function pulledFrames(frames: AsyncGenerator<Uint8Array>): Response {
  let failed = false;
  return new Response(
    new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (failed) return controller.close();
        try {
          const next = await frames.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (error) {
          if (!(error instanceof Error && "status" in error)) console.error("control:", error);
          controller.enqueue(jsonFrame({ type: "error", error: toTransfer(error) }));
          failed = true;
        }
      },
      async cancel() {
        await frames.return(undefined);
      },
    }),
    { headers: { "content-type": "application/octet-stream" } },
  );
}
