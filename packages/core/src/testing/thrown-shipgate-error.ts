import { ShipgateError } from '../errors.js';

/** The ShipgateError `run` throws; anything else (or nothing thrown) fails the test. */
export function thrownShipgateError(run: () => unknown): ShipgateError {
  try {
    run();
  } catch (error) {
    if (error instanceof ShipgateError) return error;
    throw error;
  }
  throw new Error('expected a ShipgateError');
}
