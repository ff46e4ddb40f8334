import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createEventBus } from './bus';

/** A real pino logger whose lines land in `lines` (parsed). */
function capturingLogger() {
  const lines: { msg: string; event?: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { msg: string; event?: string });
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

const payload = { userId: 'u-1', reason: 'sign_out' } as const;

describe('the domain event bus', () => {
  it('runs handlers in subscription order and resolves after the last', async () => {
    const { logger } = capturingLogger();
    const bus = createEventBus({ logger });
    const order: string[] = [];
    bus.on('session.ended', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('slow first');
    });
    bus.on('session.ended', () => {
      order.push('second');
    });
    await bus.emit('session.ended', payload);
    expect(order).toEqual(['slow first', 'second']);
  });

  it('logs a failing handler and still runs the others; emit never throws', async () => {
    const { logger, lines } = capturingLogger();
    const bus = createEventBus({ logger });
    let isLaterRun = false;
    bus.on('session.ended', () => {
      throw new Error('subscriber broke');
    });
    bus.on('session.ended', () => {
      isLaterRun = true;
    });
    await expect(bus.emit('session.ended', payload)).resolves.toBeUndefined();
    expect(isLaterRun).toBe(true);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'domain event handler failed', event: 'session.ended' }),
    );
  });

  it('stops calling a handler once unsubscribed', async () => {
    const { logger } = capturingLogger();
    const bus = createEventBus({ logger });
    let calls = 0;
    const off = bus.on('session.ended', () => {
      calls += 1;
    });
    await bus.emit('session.ended', payload);
    off();
    await bus.emit('session.ended', payload);
    expect(calls).toBe(1);
  });
});
