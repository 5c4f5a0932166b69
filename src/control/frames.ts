/**
 * The framing of the control socket's long answers (demo, export, import, report): a stream of
 * frames, each a type byte, a 4-byte big-endian length and the payload. A JSON frame carries an
 * event (progress, a file's name, the outcome, an error); a bytes frame carries a piece of a
 * file, so big payloads go through in pieces without base64 and without being held whole.
 */

const JSON_FRAME = 0x6a; // "j"
const BYTES_FRAME = 0x62; // "b"

/** One decoded frame. */
export type Frame = { kind: "json"; value: unknown } | { kind: "bytes"; bytes: Uint8Array };

/** A JSON event as a frame. */
export function jsonFrame(value: unknown): Uint8Array {
  return frame(JSON_FRAME, Buffer.from(JSON.stringify(value), "utf8"));
}

/** Bytes as one or more frames of at most 1 MiB each. */
export function* bytesFrames(bytes: Uint8Array): Generator<Uint8Array> {
  const piece = 1024 * 1024;
  for (let at = 0; at < bytes.length; at += piece) yield frame(BYTES_FRAME, bytes.subarray(at, at + piece));
}

function frame(type: number, payload: Uint8Array): Uint8Array {
  const out = Buffer.allocUnsafe(5 + payload.length);
  out[0] = type;
  out.writeUInt32BE(payload.length, 1);
  out.set(payload, 5);
  return out;
}

/**
 * The frames of a byte stream, in order.
 *
 * @param chunks the answer's body
 * @throws {Error} on an unknown frame type or a stream cut inside a frame
 */
export async function* readFrames(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Frame> {
  let buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    buffer = buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([buffer, chunk]);
    while (buffer.length >= 5) {
      const length = buffer.readUInt32BE(1);
      if (buffer.length < 5 + length) break;
      const type = buffer[0];
      const payload = buffer.subarray(5, 5 + length);
      buffer = buffer.subarray(5 + length);
      if (type === JSON_FRAME) yield { kind: "json", value: JSON.parse(payload.toString("utf8")) };
      else if (type === BYTES_FRAME) yield { kind: "bytes", bytes: new Uint8Array(payload) };
      else throw new Error(`readFrames: unknown frame type ${type}`);
    }
  }
  if (buffer.length > 0) throw new Error("readFrames: the answer ended inside a frame");
}
