// Release ids sort by creation time (newest first = id descending), so a cursor is an id.
import { randomBytes } from 'node:crypto';

let lastTime = 0;
let counter = 0;

export function newReleaseId(now = Date.now()): string {
  if (now <= lastTime) counter++;
  else {
    lastTime = now;
    counter = 0;
  }
  const time = lastTime.toString(36).padStart(9, '0');
  const count = counter.toString(36).padStart(4, '0');
  return `rel_${time}${count}${randomBytes(4).toString('hex')}`;
}
