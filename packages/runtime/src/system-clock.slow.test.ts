import { describe, expect, it } from 'vitest';
import { createSystemClock } from './system-clock.js';

const clock = createSystemClock();

describe('system clock', () => {
  it('sleeps for about the requested time', async () => {
    const started = Date.now();
    await clock.sleep(100);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
  });

  it('rejects with an AbortError as soon as the signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    await expect(clock.sleep(10_000, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
