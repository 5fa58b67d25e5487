// The ports through which the engine reaches the world. Core never spawns processes,
// opens sockets or touches the disk itself: the CLI and the server pass a context built
// by @shipgate/runtime (real) or core/testing (fakes for unit tests).
import type { ReleaseEvent } from './events.js';

export interface ExecOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called for every complete output line as it arrives (for streaming logs). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
  /** True when the process was killed because timeoutMs passed. */
  timedOut: boolean;
  /** True when the process was killed because the signal aborted. */
  cancelled: boolean;
}

/** Runs a program (argv, never a shell string unless the program is a shell). */
export type Exec = (command: string, args: readonly string[], options: ExecOptions) => Promise<ExecResult>;

export interface FileSystem {
  readFile(path: string): Promise<string>;
  /** Writes through a temporary file and a rename, so readers never see half a file. */
  writeFile(path: string, data: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  isDirectory(path: string): Promise<boolean>;
  readdir(path: string): Promise<string[]>;
  mkdir(path: string): Promise<void>;
  remove(path: string): Promise<void>;
}

export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

export type Http = (url: string, request?: HttpRequest) => Promise<HttpResponse>;

export interface Net {
  /** Resolves when a TCP connection to host:port opens (and closes it); rejects otherwise. */
  connect(host: string, port: number, timeoutMs: number): Promise<void>;
}

export interface Clock {
  now(): Date;
  /** Resolves after ms, or rejects with an AbortError when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export type Emit = (event: ReleaseEvent) => void;

export interface CoreContext {
  exec: Exec;
  fs: FileSystem;
  http: Http;
  net: Net;
  clock: Clock;
  emit: Emit;
  /** Environment variables visible to the engine (tokens are read from here by name). */
  env: Record<string, string | undefined>;
  /** Aborts the running step (cancel). */
  signal?: AbortSignal;
}
