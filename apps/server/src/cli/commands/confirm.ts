import { createInterface } from 'node:readline/promises';
import { ShipgateError } from '@shipgate/core';

/** Asks on a TTY; refuses (exit 2) when stdin is not one and --yes was not given. */
export async function confirm(question: string, yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) {
    throw new ShipgateError('USAGE', 'stdin is not a terminal, so there is nobody to confirm', { hint: 'pass --yes to run without asking (for CI)' });
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
