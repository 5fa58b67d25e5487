import { describe, expect, it, vi } from 'vitest';
import { isShipgateError, ShipgateError } from './errors.js';

describe('isShipgateError', () => {
  it('recognises a ShipgateError made by another copy of core in the same process (bundled CLI beside the server)', async () => {
    vi.resetModules();
    const other = await import('./errors.js');
    expect(other.ShipgateError).not.toBe(ShipgateError); // really a second copy
    const error = new other.ShipgateError('USAGE', 'bad flag', { field: '--x' });
    expect(error instanceof ShipgateError).toBe(false);
    expect(isShipgateError(error)).toBe(true);
    expect(error.exitCode).toBe(2);
  });

  it('does not take a plain Error, or an error that only borrows the name, for one', () => {
    const named = Object.assign(new Error('x'), { name: 'ShipgateError', code: 'USAGE' });
    expect(isShipgateError(named)).toBe(false);
    expect(isShipgateError(new Error('x'))).toBe(false);
    expect(isShipgateError(null)).toBe(false);
  });
});
