// A context for unit tests of one piece: an in-memory file system, a manual clock,
// recorded events, and exec/http/net that fail loudly unless a test provides them.
import { dirname } from 'node:path';
import type { Clock, CoreContext, Exec, FileSystem, Http, Net } from '../context.js';
import type { ReleaseEvent } from '../events.js';

export class MemoryFileSystem implements FileSystem {
  readonly files = new Map<string, string>();
  constructor(initial: Record<string, string> = {}) {
    for (const [path, data] of Object.entries(initial)) this.files.set(path, data);
  }
  async readFile(path: string): Promise<string> {
    const data = this.files.get(path);
    if (data === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
    return data;
  }
  async writeFile(path: string, data: string): Promise<void> {
    this.files.set(path, data);
  }
  async exists(path: string): Promise<boolean> {
    return this.files.has(path) || (await this.isDirectory(path));
  }
  async isDirectory(path: string): Promise<boolean> {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    return [...this.files.keys()].some((p) => p.startsWith(prefix));
  }
  async readdir(path: string): Promise<string[]> {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const names = new Set<string>();
    for (const p of this.files.keys()) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]!);
    return [...names].sort();
  }
  async mkdir(): Promise<void> {}
  async remove(path: string): Promise<void> {
    this.files.delete(path);
  }
  parentOf(path: string): string {
    return dirname(path);
  }
}

/** A clock that only moves when sleep() is called (or advance()), so pollers finish instantly. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start = Date.parse('2026-11-26T10:00:00Z')) {
    this.current = start;
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    this.current += ms;
  }
}

const refuse = (what: string) => () => Promise.reject(new Error(`fake context: no ${what} port given to this test`));

export interface FakeContext extends CoreContext {
  events: ReleaseEvent[];
  fs: MemoryFileSystem | FileSystem;
  clock: ManualClock | Clock;
}

export function fakeContext(overrides: Partial<Omit<CoreContext, 'emit'>> = {}): FakeContext {
  const events: ReleaseEvent[] = [];
  return {
    exec: refuse('exec') as Exec,
    http: refuse('http') as Http,
    net: { connect: refuse('net') } as Net,
    fs: new MemoryFileSystem(),
    clock: new ManualClock(),
    env: {},
    ...overrides,
    events,
    emit: (event) => events.push(event),
  };
}
