// Accepted HTTP statuses: 200, "200", "2xx", "200-299". An empty list accepts 2xx.
import { ShipgateError } from '../errors.js';

interface StatusRange {
  low: number;
  high: number;
}

export function parseStatusSpec(spec: number | string, field = 'expectStatus'): StatusRange {
  const text = String(spec).trim().toLowerCase();
  const single = /^([1-5]\d\d)$/.exec(text);
  if (single) return { low: Number(single[1]), high: Number(single[1]) };
  const klass = /^([1-5])xx$/.exec(text);
  if (klass) return { low: Number(klass[1]) * 100, high: Number(klass[1]) * 100 + 99 };
  const range = /^([1-5]\d\d)\s*-\s*([1-5]\d\d)$/.exec(text);
  if (range && Number(range[1]) <= Number(range[2])) return { low: Number(range[1]), high: Number(range[2]) };
  throw new ShipgateError('CONFIG_INVALID', `"${String(spec)}" is not an HTTP status, class or range`, {
    field,
    hint: 'use a status (200), a class ("2xx") or a range ("200-299")',
  });
}

export function matchesStatus(expect: ReadonlyArray<number | string>, status: number): boolean {
  const specs = expect.length === 0 ? ['2xx'] : expect;
  return specs.some((spec) => {
    const { low, high } = parseStatusSpec(spec);
    return status >= low && status <= high;
  });
}

export function describeStatusSpec(expect: ReadonlyArray<number | string>): string {
  return expect.length === 0 ? '2xx' : expect.map(String).join(', ');
}
