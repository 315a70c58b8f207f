import { Buffer } from 'node:buffer';

/**
 * Length-prefixed frames for bytes that come from untrusted code: a 4-byte big-endian length, then
 * that many bytes of UTF-8 JSON. The decoder is the host's side of the channel, so it never throws:
 * a frame that is too long, too many bytes for one task, invalid UTF-8, invalid JSON or a stream that
 * ends inside a frame becomes a `FrameError` value, and the decoder closes (a channel that lied once
 * is not read again). It never holds more than one frame's body, and that body is capped, so a frame
 * that never ends cannot grow memory past `maxMessageBytes`.
 */

export const FRAME_HEADER_BYTES = 4;

export interface FrameLimits {
  /** The largest body (bytes after the header) one frame may declare. */
  readonly maxMessageBytes: number;
  /** The most bytes (headers included) one task may send, counted from the last `startTask()`. */
  readonly maxTaskBytes: number;
}

export type FrameErrorCode =
  | 'message-too-large'
  | 'task-too-large'
  | 'empty-frame'
  | 'invalid-utf8'
  | 'invalid-json'
  | 'truncated'
  | 'closed';

/** Why the channel was closed: a code for the host's logic, and a sentence for people. */
export interface FrameError {
  readonly code: FrameErrorCode;
  readonly message: string;
}

/** What one `push` produced: the messages decoded before any error, and the error if there was one. */
export interface DecodeStep {
  readonly messages: readonly unknown[];
  readonly error: FrameError | null;
}

export type EncodeResult = { readonly ok: true; readonly frame: Buffer } | { readonly ok: false; readonly error: FrameError };

/** Encodes one JSON value as a frame; refuses (never throws) when it cannot be encoded or is over the cap. */
export function encodeFrame(value: unknown, limits: Pick<FrameLimits, 'maxMessageBytes'>): EncodeResult {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (e) {
    return { ok: false, error: { code: 'invalid-json', message: `the message cannot be written as JSON (${describe(e)})` } };
  }
  if (json === undefined) return { ok: false, error: { code: 'invalid-json', message: 'the message has no JSON form (undefined, a function or a symbol)' } };
  const body = Buffer.from(json, 'utf8');
  if (body.length > limits.maxMessageBytes) return { ok: false, error: tooLarge(body.length, limits.maxMessageBytes) };
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + body.length);
  frame.writeUInt32BE(body.length, 0);
  body.copy(frame, FRAME_HEADER_BYTES);
  return { ok: true, frame };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The host's incremental decoder: feed it chunks as they arrive, in order. */
export class FrameDecoder {
  private readonly limits: FrameLimits;
  private header = Buffer.alloc(FRAME_HEADER_BYTES);
  private headerFill = 0;
  /** The declared body length of the frame being read, or -1 while reading a header. */
  private bodyLength = -1;
  private bodyChunks: Buffer[] = [];
  private bodyFill = 0;
  private taskBytes = 0;
  private closedBy: FrameError | null = null;

  constructor(limits: FrameLimits) {
    this.limits = limits;
  }

  /** The error that closed the channel, or null while it is open. */
  get closedWith(): FrameError | null {
    return this.closedBy;
  }

  /** A new task starts: its byte budget starts again from zero. */
  startTask(): void {
    this.taskBytes = 0;
  }

  /** The bytes held for a frame not yet complete (never more than a header plus `maxMessageBytes`). */
  get bufferedBytes(): number {
    return this.headerFill + this.bodyFill;
  }

  push(chunk: Uint8Array): DecodeStep {
    if (this.closedBy) return { messages: [], error: closedError(this.closedBy) };
    const messages: unknown[] = [];
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let at = 0;
    while (at < bytes.length) {
      const room = this.limits.maxTaskBytes - this.taskBytes;
      if (room <= 0) return { messages, error: this.close({ code: 'task-too-large', message: `the worker sent more than ${this.limits.maxTaskBytes} bytes for one task` }) };
      if (this.bodyLength < 0) {
        const n = Math.min(FRAME_HEADER_BYTES - this.headerFill, bytes.length - at, room);
        bytes.copy(this.header, this.headerFill, at, at + n);
        this.headerFill += n;
        this.taskBytes += n;
        at += n;
        if (this.headerFill < FRAME_HEADER_BYTES) continue;
        const declared = this.header.readUInt32BE(0);
        if (declared > this.limits.maxMessageBytes) return { messages, error: this.close(tooLarge(declared, this.limits.maxMessageBytes)) };
        if (declared === 0) return { messages, error: this.close({ code: 'empty-frame', message: 'the worker sent an empty frame' }) };
        this.bodyLength = declared;
        continue;
      }
      const n = Math.min(this.bodyLength - this.bodyFill, bytes.length - at, room);
      // A copy, so a frame's body never pins the caller's (possibly much larger) chunk.
      this.bodyChunks.push(Buffer.from(bytes.subarray(at, at + n)));
      this.bodyFill += n;
      this.taskBytes += n;
      at += n;
      if (this.bodyFill < this.bodyLength) continue;
      const body = Buffer.concat(this.bodyChunks, this.bodyFill);
      this.header = Buffer.alloc(FRAME_HEADER_BYTES);
      this.headerFill = 0;
      this.bodyLength = -1;
      this.bodyChunks = [];
      this.bodyFill = 0;
      const decoded = decodeBody(body);
      if (!decoded.ok) return { messages, error: this.close(decoded.error) };
      messages.push(decoded.value);
    }
    return { messages, error: null };
  }

  /** The stream ended: an error if it ended inside a frame (or was already closed), else null. */
  end(): FrameError | null {
    if (this.closedBy) return this.closedBy;
    if (this.headerFill > 0 || this.bodyLength >= 0) {
      return this.close({ code: 'truncated', message: `the worker's output ended inside a frame (${this.bufferedBytes} bytes of it arrived)` });
    }
    this.closedBy = { code: 'closed', message: 'the channel ended' };
    return null;
  }

  private close(error: FrameError): FrameError {
    this.closedBy = error;
    this.bodyChunks = [];
    this.bodyFill = 0;
    this.headerFill = 0;
    this.bodyLength = -1;
    return error;
  }
}

function decodeBody(body: Buffer): { ok: true; value: unknown } | { ok: false; error: FrameError } {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return { ok: false, error: { code: 'invalid-utf8', message: 'the worker sent a frame that is not valid UTF-8' } };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: { code: 'invalid-json', message: `the worker sent a frame that is not valid JSON (${describe(e)})` } };
  }
}

function tooLarge(declared: number, limit: number): FrameError {
  return { code: 'message-too-large', message: `the worker sent a frame of ${declared} bytes; at most ${limit} are allowed` };
}

function closedError(cause: FrameError): FrameError {
  return { code: 'closed', message: `the channel was closed earlier: ${cause.message}` };
}

/** A short, safe description of a caught value (the JSON errors here are V8's own, short). */
function describe(e: unknown): string {
  const text = e instanceof Error ? e.message : 'unknown error';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
