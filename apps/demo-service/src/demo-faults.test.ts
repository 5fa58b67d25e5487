import { describe, expect, it } from 'vitest';
import { parseDemoFaults } from './demo-faults.js';

describe('parseDemoFaults', () => {
  it('reads every fault and defaults the missing ones to none', () => {
    expect(parseDemoFaults('{ "errorRate": 0.2, "extraLatencyMs": 300, "failingComponent": "cache", "onsetSeconds": 20 }')).toEqual({
      errorRate: 0.2,
      extraLatencyMs: 300,
      failingComponent: 'cache',
      onsetSeconds: 20,
    });
    expect(parseDemoFaults('{ "extraLatencyMs": 150 }')).toEqual({ errorRate: 0, extraLatencyMs: 150, failingComponent: null, onsetSeconds: 0 });
  });

  it('names the field that is wrong', () => {
    expect(() => parseDemoFaults('{ "errorRate": 2 }')).toThrow('demo-faults.json: "errorRate" must be a number from 0 to 1');
    expect(() => parseDemoFaults('{ "failingComponent": "dns" }')).toThrow('"failingComponent" must be one of database, cache, cdn, jobs');
  });
});
