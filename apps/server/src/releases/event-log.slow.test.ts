import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { createEventRepository } from '../repositories/event-repository.js';
import { createProjectRepository } from '../repositories/project-repository.js';
import { createReleaseRepository } from '../repositories/release-repository.js';
import type { Delivery } from './delivery.js';
import { EventLog } from './event-log.js';

function setup() {
  const db = openDatabase(':memory:');
  const at = new Date().toISOString();
  createProjectRepository(db).insert({ id: 'p', name: 'p', dir: '/p', remoteUrl: '/p.git', remoteName: 'origin', mainBranch: 'main', currentVersion: null, productionVersion: null, createdAt: at });
  createReleaseRepository(db).insert({ id: 'rel_1', projectId: 'p', status: 'running', actor: 'a', createdAt: at }, []);
  const repo = createEventRepository(db);
  const errors: unknown[] = [];
  return { repo, log: new EventLog(repo, (e) => errors.push(e)), errors };
}

const log = (i: number) => ({ type: 'step.log' as const, step: 'deploy' as const, line: `line ${i}` });
const collect = (seqs: number[]) => ({ deliver: (d: Delivery) => d.items.forEach((e) => seqs.push(e.seq)) });

describe('EventLog', () => {
  it('numbers events per release from 1 without gaps and persists them on flush', () => {
    const { repo, log: events } = setup();
    for (let i = 0; i < 5; i++) events.append('rel_1', log(i));
    expect(repo.after('rel_1', 0)).toHaveLength(0);
    events.flush();
    expect(repo.after('rel_1', 0).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(JSON.parse(repo.after('rel_1', 4)[0]!.data)).toEqual(log(4));
  });

  it('continues the sequence from the database after a restart', () => {
    const { repo, log: first } = setup();
    first.append('rel_1', log(0));
    first.flush();
    const second = new EventLog(repo, () => {});
    second.append('rel_1', log(1));
    second.flush();
    expect(repo.after('rel_1', 0).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('a subscriber joining mid-stream gets stored, unflushed and live events exactly once, in order', () => {
    const { log: events } = setup();
    for (let i = 0; i < 3; i++) events.append('rel_1', log(i));
    events.flush();
    events.append('rel_1', log(3)); // pending: not yet in the database
    const seqs: number[] = [];
    events.subscribe('rel_1', 1, collect(seqs));
    expect(seqs).toEqual([2, 3, 4]);
    events.append('rel_1', log(4));
    events.flush(); // delivers 4 (already replayed) and 5; the subscriber drops nothing itself here
    expect(seqs.filter((s) => s === 5)).toEqual([5]);
  });

  it('flushes on its own after a short tick, and stops delivering after unsubscribe', async () => {
    const { log: events } = setup();
    const seqs: number[] = [];
    const stop = events.subscribe('rel_1', 0, collect(seqs));
    events.append('rel_1', log(0));
    await new Promise((r) => setTimeout(r, 50));
    expect(seqs).toEqual([1]);
    stop();
    events.append('rel_1', log(1));
    events.flush();
    expect(seqs).toEqual([1]);
  });

  it('the releases topic receives only status changes', () => {
    const { log: events } = setup();
    const types: string[] = [];
    events.subscribeTopic({ deliver: (d) => d.items.forEach((e) => types.push(e.type)) });
    events.append('rel_1', log(0));
    events.append('rel_1', { type: 'release.status', status: 'succeeded' });
    events.flush();
    expect(types).toEqual(['release.status']);
  });
});
