import { describe, expect, it } from 'vitest';
import { fixed, percent, precise, signed } from './format-numbers.js';

describe('verdict number formats', () => {
  it('keep small rates and differences from rounding to zero', () => {
    expect(percent(0.0035)).toBe('0.35%');
    expect(percent(0.062)).toBe('6.2%');
    expect(precise(0.04)).toBe('0.04');
    expect(precise(12.34)).toBe('12.3');
  });

  it('sign changes with a real minus, so a range reads unambiguously', () => {
    expect(signed(0.05)).toBe('+0.05');
    expect(signed(-0.9)).toBe('−0.90');
    expect(signed(5.8)).toBe('+5.8');
    expect(`${signed(-0.9)} to ${signed(0.4)}`).toBe('−0.90 to +0.40');
  });

  it('write configured limits without a trailing .0', () => {
    expect(fixed(1)).toBe('1');
    expect(fixed(0.5)).toBe('0.5');
  });
});
