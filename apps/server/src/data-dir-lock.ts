// One server per data dir: a second one would mark the first one's running releases interrupted.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive } from './process-alive.js';

const heldHere = new Set<string>();

/** The pid of another live server holding dataDir, or null. */
export function dataDirHolder(dataDir: string): number | null {
  let holder = NaN;
  try {
    holder = Number(readFileSync(join(dataDir, 'server.pid'), 'utf8').trim());
  } catch {
    return null;
  }
  return Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder) ? holder : null;
}

/** Claims the data dir for this process (a stale claim of a dead process is taken over). */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'server.pid');
  let holder = NaN;
  try {
    holder = Number(readFileSync(file, 'utf8').trim());
  } catch {
    // no claim yet
  }
  const inUse = heldHere.has(file) || (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder));
  if (inUse) {
    throw new Error(`another shipgate server (pid ${heldHere.has(file) ? process.pid : holder}) is using ${dataDir}; stop it or pick another --data-dir`);
  }
  writeFileSync(file, `${process.pid}\n`);
  heldHere.add(file);
  return () => {
    heldHere.delete(file);
    rmSync(file, { force: true });
  };
}
