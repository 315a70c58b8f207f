import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encodeFrame, FrameDecoder, FRAME_HEADER_BYTES } from '../../../../src/checker/boundary/frames';

const LIMITS = { maxMessageBytes: 1024, maxTaskBytes: 4096 };

function frameOf(body: Buffer): Buffer {
  const header = Buffer.alloc(FRAME_HEADER_BYTES);
  header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}

function encoded(value: unknown): Buffer {
  const result = encodeFrame(value, LIMITS);
  assert.ok(result.ok);
  return result.frame;
}

describe('frames', () => {
  test('round-trips messages, whole or split at every byte', () => {
    const stream = Buffer.concat([encoded({ kind: 'ready' }), encoded([1, 2.5, 'é✓']), encoded(null)]);
    const whole = new FrameDecoder(LIMITS).push(stream);
    assert.deepEqual(whole, { messages: [{ kind: 'ready' }, [1, 2.5, 'é✓'], null], error: null });
    const decoder = new FrameDecoder(LIMITS);
    const got: unknown[] = [];
    for (const byte of stream) {
      const step = decoder.push(Uint8Array.of(byte));
      assert.equal(step.error, null);
      got.push(...step.messages);
    }
    assert.deepEqual(got, [{ kind: 'ready' }, [1, 2.5, 'é✓'], null]);
    assert.equal(decoder.end(), null);
  });

  test('a declared length over the cap closes the channel at once, before any body is buffered', () => {
    const decoder = new FrameDecoder(LIMITS);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(0xffffffff, 0);
    const step = decoder.push(Buffer.concat([encoded(1), header, Buffer.alloc(100)]));
    assert.deepEqual(step.messages, [1]);
    assert.equal(step.error?.code, 'message-too-large');
    assert.match(step.error?.message ?? '', /4294967295 bytes; at most 1024/);
    assert.equal(decoder.bufferedBytes, 0);
    assert.equal(decoder.push(encoded(2)).error?.code, 'closed', 'nothing is read after the channel lied');
  });

  test('a frame that never ends holds at most the cap, then the end of the stream reports it', () => {
    const decoder = new FrameDecoder({ maxMessageBytes: 1024, maxTaskBytes: 1 << 30 });
    const header = Buffer.alloc(4);
    header.writeUInt32BE(1024, 0);
    decoder.push(header);
    for (let i = 0; i < 1000; i++) assert.equal(decoder.push(Buffer.alloc(1, 0x20)).error, null);
    assert.ok(decoder.bufferedBytes <= 4 + 1024);
    assert.equal(decoder.end()?.code, 'truncated');
  });

  test('bytes beyond the task budget close the channel; startTask gives a new budget', () => {
    const decoder = new FrameDecoder({ maxMessageBytes: 1024, maxTaskBytes: 64 });
    const frame = encoded('x'.repeat(20)); // 26 bytes
    assert.equal(decoder.push(frame).error, null);
    assert.equal(decoder.push(frame).error, null);
    decoder.startTask();
    assert.equal(decoder.push(Buffer.concat([frame, frame])).error, null);
    const step = decoder.push(frame);
    assert.equal(step.error?.code, 'task-too-large');
    assert.deepEqual(step.messages, []);
  });

  test('the 12-byte bad frame of the issue, invalid UTF-8, invalid JSON and an empty frame are values, not throws', () => {
    const cases: readonly (readonly [Buffer, string])[] = [
      [Buffer.from('\x00\x00\x00\x08{"a": \x01}', 'latin1'), 'invalid-json'],
      [frameOf(Buffer.from([0x22, 0xc3, 0x28, 0x22])), 'invalid-utf8'],
      [frameOf(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22])), 'invalid-utf8'], // an encoded lone surrogate
      [frameOf(Buffer.from('{"kind":')), 'invalid-json'],
      [frameOf(Buffer.from('undefined')), 'invalid-json'],
      [Buffer.alloc(4), 'empty-frame'],
    ];
    for (const [bytes, code] of cases) {
      const decoder = new FrameDecoder(LIMITS);
      assert.equal(decoder.push(bytes).error?.code, code, bytes.toString('hex'));
      assert.equal(decoder.closedWith?.code, code);
    }
  });

  test('deep nesting and __proto__ keys parse as plain data', () => {
    const deep = '['.repeat(500) + ']'.repeat(500);
    const step = new FrameDecoder({ maxMessageBytes: 4096, maxTaskBytes: 8192 }).push(frameOf(Buffer.from(deep)));
    assert.equal(step.error, null);
    const proto = new FrameDecoder(LIMITS).push(frameOf(Buffer.from('{"__proto__":{"polluted":1}}')));
    const value = proto.messages[0] as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('a stream ending inside a header is truncated; ending between frames is clean', () => {
    const a = new FrameDecoder(LIMITS);
    a.push(Buffer.from([0, 0]));
    assert.equal(a.end()?.code, 'truncated');
    const b = new FrameDecoder(LIMITS);
    b.push(encoded({}));
    assert.equal(b.end(), null);
  });

  test('the encoder refuses what it cannot frame instead of throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.equal(encodeFrame(cyclic, LIMITS).ok, false);
    assert.equal(encodeFrame(10n, LIMITS).ok, false);
    assert.equal(encodeFrame(undefined, LIMITS).ok, false);
    const big = encodeFrame('x'.repeat(2000), LIMITS);
    assert.ok(!big.ok && big.error.code === 'message-too-large');
  });
});
