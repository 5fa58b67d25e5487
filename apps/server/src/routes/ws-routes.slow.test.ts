import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../serve.js';
import { FakeEngine } from '../testing/fake-engine.js';
import { makeGitFixture } from '../testing/git-fixture.js';
import { connectWs } from '../testing/ws-client.js';

let server: RunningServer | undefined;
afterEach(async () => server?.close());

async function start(engine: FakeEngine) {
  const fixture = makeGitFixture();
  const dataDir = mkdtempSync(join(tmpdir(), 'shipgate-ws-'));
  server = await serve({ port: 0, host: '127.0.0.1', dataDir, projects: [fixture.app], token: 'dep', viewerToken: 'view', engine, handleSignals: false, print: () => {} });
  const api = (path: string, method = 'GET') => fetch(`${server!.url}${path}`, { method, headers: { authorization: 'Bearer dep' } });
  return { api, ws: server.url.replace('http', 'ws') + '/api/ws' };
}

const seqsOf = (messages: Array<Record<string, unknown>>) => messages.filter((m) => m.type === 'event').map((m) => m.seq as number);

describe('WebSocket /api/ws', () => {
  it('a subscriber that disconnects mid-release and reconnects with its last seq gets every event exactly once, in order', async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const { api, ws } = await start(new FakeEngine({ deployLines: 500, beforeStep: (step) => (step === 'health-checks' ? gate : Promise.resolve()) }));
    const { id } = (await (await api('/api/projects/acme-web/releases', 'POST')).json()) as { id: string };
    const first = await connectWs(`${ws}?token=view`);
    first.send({ type: 'subscribe', releaseId: id, after: 0 });
    await first.waitFor((m) => m.type === 'event' && (m.event as { type: string }).type === 'step.log');
    await first.close();
    const seen = seqsOf(first.messages);
    const last = seen.at(-1)!;
    open();
    const second = await connectWs(ws, { authorization: 'Bearer view' });
    second.send({ type: 'subscribe', releaseId: id, after: last });
    await second.waitFor((m) => m.type === 'event' && (m.event as { status?: string }).status === 'succeeded');
    const all = [...seen, ...seqsOf(second.messages)];
    const stored = (await (await api(`/api/releases/${id}/events`)).json()) as Array<{ seq: number }>;
    expect(all).toEqual(stored.map((e) => e.seq));
    expect(all).toEqual(all.map((_, i) => i + 1));
    await second.close();
  });

  it('replay and live join without gap or duplicate while the release is emitting, also in batch mode', async () => {
    const { api, ws } = await start(new FakeEngine({ deployLines: 3000 }));
    const { id } = (await (await api('/api/projects/acme-web/releases', 'POST')).json()) as { id: string };
    const single = await connectWs(`${ws}?token=dep`);
    const batch = await connectWs(`${ws}?token=dep`);
    single.send({ type: 'subscribe', releaseId: id, after: 0 });
    batch.send({ type: 'subscribe', releaseId: id, after: 0, batch: true });
    // the release's own final status, not a step's ("status":"succeeded" also ends every step.finished)
    const done = (m: Record<string, unknown>) => JSON.stringify(m).includes('{"type":"release.status","status":"succeeded"');
    await Promise.all([single.waitFor(done), batch.waitFor(done)]);
    const fromBatch = batch.messages.filter((m) => m.type === 'events').flatMap((m) => (m.items as Array<{ seq: number }>).map((i) => i.seq));
    const expected = (await (await api(`/api/releases/${id}/events`)).json()) as Array<{ seq: number }>;
    expect(seqsOf(single.messages)).toEqual(expected.map((e) => e.seq));
    expect(fromBatch).toEqual(expected.map((e) => e.seq));
    await Promise.all([single.close(), batch.close()]);
  });

  it('publishes the final status only when the ship report can be fetched', async () => {
    const { api, ws } = await start(new FakeEngine({ afterFinalStatus: () => new Promise((resolve) => setTimeout(resolve, 300)) }));
    const { id } = (await (await api('/api/projects/acme-web/releases', 'POST')).json()) as { id: string };
    const client = await connectWs(`${ws}?token=view`);
    client.send({ type: 'subscribe', releaseId: id, after: 0 });
    await client.waitFor((m) => m.type === 'event' && (m.event as { type: string; status?: string }).type === 'release.status' && (m.event as { status?: string }).status === 'succeeded');
    const report = await api(`/api/releases/${id}/report`);
    expect(report.status).toBe(200);
    expect(await report.text()).toContain('# Ship report');
    await client.close();
  });

  it('the releases topic streams status changes of every release', async () => {
    const { api, ws } = await start(new FakeEngine());
    const client = await connectWs(`${ws}?token=view`);
    client.send({ type: 'subscribe', topic: 'releases' });
    await client.waitFor((m) => m.type === 'subscribed');
    const { id } = (await (await api('/api/projects/acme-web/releases', 'POST')).json()) as { id: string };
    await client.waitFor((m) => m.releaseId === id && (m.event as { status?: string }).status === 'succeeded');
    expect(client.messages.filter((m) => m.type === 'event').every((m) => (m.event as { type: string }).type === 'release.status')).toBe(true);
    await client.close();
  });

  it('refuses a connection without a valid token, and answers bad messages with an error message', async () => {
    const { ws } = await start(new FakeEngine());
    await expect(connectWs(ws)).rejects.toThrow('HTTP 401');
    await expect(connectWs(`${ws}?token=wrong`)).rejects.toThrow('HTTP 401');
    const client = await connectWs(`${ws}?token=view`);
    client.send({ type: 'subscribe', releaseId: '../../etc' });
    client.socket.send('not json');
    client.send({ type: 'subscribe', releaseId: 'rel_missing' });
    await client.waitFor((m) => m.error === 'not_found');
    expect(client.messages.map((m) => m.error)).toEqual(['invalid_message', 'malformed_json', 'not_found']);
    await client.close();
  });
});
