import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { createEventRepository, type EventRepository } from '../repositories/event-repository.js';
import { createProjectRepository } from '../repositories/project-repository.js';
import { createReleaseRepository } from '../repositories/release-repository.js';
import type { Delivery } from './delivery.js';
import { EventLog } from './event-log.js';

async function setup() {
  const db = openDatabase(':memory:');
  const at = new Date().toISOString();
  await createProjectRepository(db).insert({ id: 'p', name: 'p', dir: '/p', remoteUrl: '/p.git', remoteName: 'origin', mainBranch: 'main', currentVersion: null, productionVersion: null, createdAt: at });
  await createReleaseRepository(db).insert({ id: 'rel_1', projectId: 'p', status: 'running', actor: 'a', createdAt: at }, []);
  const repo = createEventRepository(db);
  const errors: unknown[] = [];
  return { repo, log: new EventLog(repo, (e) => errors.push(e)), errors };
}

const log = (i: number) => ({ type: 'step.log' as const, step: 'deploy' as const, line: `line ${i}` });
const collect = (seqs: number[]) => ({ deliver: (d: Delivery) => d.items.forEach((e) => seqs.push(e.seq)) });
const seqsIn = async (repo: EventRepository) => (await repo.after('rel_1', 0)).map((e) => e.seq);

describe('EventLog', () => {
  it('numbers events per release from 1 without gaps and persists them on flush', async () => {
    const { repo, log: events } = await setup();
    for (let i = 0; i < 5; i++) events.append('rel_1', log(i));
    expect(await repo.after('rel_1', 0)).toHaveLength(0);
    await events.flush();
    expect(await seqsIn(repo)).toEqual([1, 2, 3, 4, 5]);
    expect(JSON.parse((await repo.after('rel_1', 4))[0]!.data)).toEqual(log(4));
  });

  it('continues the sequence from the database after a restart', async () => {
    const { repo, log: first } = await setup();
    first.append('rel_1', log(0));
    await first.flush();
    const second = new EventLog(repo, () => {});
    second.append('rel_1', log(1));
    second.append('rel_1', log(2)); // appended while the last stored seq is still being read
    await second.flush();
    expect(await seqsIn(repo)).toEqual([1, 2, 3]);
  });

  it('a subscriber joining mid-stream gets stored, unflushed and live events exactly once, in order', async () => {
    const { log: events } = await setup();
    for (let i = 0; i < 3; i++) events.append('rel_1', log(i));
    await events.flush();
    events.append('rel_1', log(3)); // pending: not yet in the database
    const seqs: number[] = [];
    const subscription = events.subscribe('rel_1', 1, collect(seqs));
    const flushing = events.flush(); // stored and delivered while the replay is being read
    events.append('rel_1', log(4));
    await subscription.ready;
    await flushing;
    await events.flush();
    expect(seqs).toEqual([2, 3, 4, 5]);
  });

  it('a flush that finishes between registration and the replay read is delivered once', async () => {
    const { repo } = await setup();
    // a repository whose replay read answers only after the next flush was stored and delivered
    let releaseRead: () => void = () => {};
    const gate = new Promise<void>((resolve) => (releaseRead = resolve));
    const slow: EventRepository = { ...repo, after: async (...args) => (await gate, repo.after(...args)) };
    const gated = new EventLog(slow, () => {});
    gated.append('rel_1', log(0));
    await gated.flush();
    const seqs: number[] = [];
    const subscription = gated.subscribe('rel_1', 0, collect(seqs));
    gated.append('rel_1', log(1));
    await gated.flush(); // delivered (held) before the replay, and also in the database the replay reads
    releaseRead();
    await subscription.ready;
    expect(seqs).toEqual([1, 2]);
  });

  it('flushes on its own after a short tick, and stops delivering after unsubscribe', async () => {
    const { log: events } = await setup();
    const seqs: number[] = [];
    const subscription = events.subscribe('rel_1', 0, collect(seqs));
    await subscription.ready;
    events.append('rel_1', log(0));
    await new Promise((r) => setTimeout(r, 50));
    expect(seqs).toEqual([1]);
    subscription.stop();
    events.append('rel_1', log(1));
    await events.flush();
    expect(seqs).toEqual([1]);
  });

  it('the releases topic receives only status changes', async () => {
    const { log: events } = await setup();
    const types: string[] = [];
    events.subscribeTopic({ deliver: (d) => d.items.forEach((e) => types.push(e.type)) });
    events.append('rel_1', log(0));
    events.append('rel_1', { type: 'release.status', status: 'succeeded' });
    await events.flush();
    expect(types).toEqual(['release.status']);
  });
});
