import { describe, expect, it } from 'vitest';
import { Delivery, textFrameHeader } from './delivery.js';

const items = [1, 2, 3].map((seq) => ({ releaseId: 'rel_1', seq, at: '2026-11-26T10:00:00.000Z', type: 'step.log', data: `{"type":"step.log","step":"deploy","line":"l${seq}"}` }));

describe('Delivery', () => {
  it('encodes one contract event message per event', () => {
    const messages = new Delivery('rel_1', items).messages().map((b) => JSON.parse(b.toString()));
    expect(messages[0]).toEqual({ type: 'event', releaseId: 'rel_1', seq: 1, at: '2026-11-26T10:00:00.000Z', event: { type: 'step.log', step: 'deploy', line: 'l1' } });
    expect(messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('encodes a batch message holding every event in order', () => {
    const batch = JSON.parse(new Delivery('rel_1', items).batchMessage().toString());
    expect(batch.type).toBe('events');
    expect(batch.items.map((i: { seq: number }) => i.seq)).toEqual([1, 2, 3]);
  });

  it('after(seq) drops what a subscriber already has and keeps itself when nothing is dropped', () => {
    const delivery = new Delivery('rel_1', items);
    expect(delivery.after(0)).toBe(delivery);
    expect(delivery.after(2).items.map((e) => e.seq)).toEqual([3]);
    expect(delivery.after(3).items).toEqual([]);
  });
});

describe('textFrameHeader', () => {
  it('writes the three RFC 6455 length forms of an unmasked final text frame', () => {
    expect([...textFrameHeader(5)]).toEqual([0x81, 5]);
    expect([...textFrameHeader(200)]).toEqual([0x81, 126, 0, 200]);
    expect([...textFrameHeader(70_000)]).toEqual([0x81, 127, 0, 0, 0, 0, 0, 1, 0x11, 0x70]);
  });

  it('frames() holds every message as its own frame, back to back', () => {
    const delivery = new Delivery('rel_1', items);
    const frames = delivery.frames();
    const first = delivery.messages()[0]!;
    const header = textFrameHeader(first.length);
    expect(frames.subarray(0, header.length).equals(header)).toBe(true);
    expect(frames.subarray(header.length, header.length + first.length).equals(first)).toBe(true);
    expect(frames.length).toBe(delivery.messages().reduce((n, m) => n + textFrameHeader(m.length).length + m.length, 0));
  });
});
