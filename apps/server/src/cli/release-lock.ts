// One promote or rollback per checkout at a time: two in the same work tree would commit,
// tag and push over each other (and read each other's half-written journal).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ShipgateError } from '@shipgate/core';
import { isProcessAlive } from '../process-alive.js';
import { gitWorkTree } from './git-work-tree.js';

function lockFile(repoDir: string): string | null {
  const tree = gitWorkTree(repoDir);
  return tree ? join(tree.gitDir, 'shipgate', 'release.lock') : null; // not a work tree: planning says so with its own error
}

/** Claims the checkout for this command (a dead process's claim is taken over); returns the release. */
export function lockCheckout(repoDir: string, command: string): () => void {
  const file = lockFile(repoDir);
  if (!file) return () => {};
  mkdirSync(join(file, '..'), { recursive: true });
  for (;;) {
    try {
      writeFileSync(file, `${process.pid} ${command}\n`, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const [pid, other = 'promote'] = readFileSync(file, 'utf8').trim().split(' ');
    const holder = Number(pid);
    if (Number.isInteger(holder) && holder > 0 && isProcessAlive(holder)) {
      throw new ShipgateError('GATE_BLOCKED', `another shipgate ${other} (pid ${holder}) is running in this checkout`, {
        hint: `wait for it to finish (or stop it with Ctrl-C there), then run shipgate ${command} again; nothing was changed`,
      });
    }
    rmSync(file, { force: true }); // the claim of a process that is gone
  }
}
