// Every shipgate command and its own options, each with a line on what it does: the one
// source for parsing (cli-args.ts) and for `shipgate help CMD` / `CMD --help` (cli-help.ts).

export const COMMANDS = ['plan', 'promote', 'rollback', 'serve', 'demo', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface OptionSpec {
  /** Long name, without the dashes. */
  name: string;
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** The value's placeholder in the usage (string options). */
  arg?: string;
  help: string;
}

export interface CommandSpec {
  name: CommandName;
  summary: string;
  /** Positional arguments shown in the usage line. */
  positionals?: string;
  options: OptionSpec[];
}

const dir: OptionSpec = { name: 'dir', type: 'string', arg: 'D', help: "the project's git work tree (default: the current directory)" };
const spec: OptionSpec = { name: 'spec', type: 'string', arg: 'SLUG', help: 'the Spec-Flow feature (default: the newest specs/NNN-* directory)' };
const bump: OptionSpec = { name: 'bump', type: 'string', arg: 'B', help: 'auto (default: from commits and CHANGELOG), major, minor, patch, or an exact X.Y.Z' };
const allowUnvalidated: OptionSpec = {
  name: 'allow-unvalidated',
  type: 'string',
  arg: 'REASON',
  help: 'promote although code changed after the commit staging validated; the ship report records who and why',
};
const yes: OptionSpec = { name: 'yes', type: 'boolean', short: 'y', help: 'do not ask for confirmation (required when stdin is not a terminal)' };
const json = (what: string): OptionSpec => ({ name: 'json', type: 'boolean', help: what });
const port = (fallback: number): OptionSpec => ({ name: 'port', type: 'string', arg: 'N', help: `port of the dashboard and API (default ${fallback}; 0 picks a free one)` });
const host: OptionSpec = { name: 'host', type: 'string', arg: 'H', help: 'address to listen on (default 127.0.0.1)' };
const dataDir = (fallback: string): OptionSpec => ({ name: 'data-dir', type: 'string', arg: 'D', help: `where the database and clones live (default ${fallback})` });

export const COMMAND_SPECS: Record<CommandName, CommandSpec> = {
  plan: {
    name: 'plan',
    summary: 'Preflight: gates, current → next version and why, changelog excerpt, the steps that would run. Changes nothing.',
    options: [dir, spec, bump, allowUnvalidated, json('print the plan as one JSON object')],
  },
  promote: {
    name: 'promote',
    summary: 'Runs the whole release in the terminal with live step progress: gates, version, tag, push, deploy, health checks, ship report, monitoring.',
    options: [
      dir,
      spec,
      bump,
      yes,
      { name: 'dry-run', type: 'boolean', help: 'show what would happen; change nothing and ask nothing' },
      { name: 'no-monitor', type: 'boolean', help: 'skip watching production after the deploy' },
      allowUnvalidated,
      json('print one JSON event per line'),
    ],
  },
  rollback: {
    name: 'rollback',
    summary: 'Re-deploys the previous (or the named) release and records it.',
    options: [dir, { name: 'to', type: 'string', arg: 'vX.Y.Z', help: 'the release to go back to (default: the one before what production runs)' }, yes],
  },
  serve: {
    name: 'serve',
    summary: 'Serves the dashboard and the REST/WebSocket API.',
    options: [
      port(4400),
      host,
      { name: 'public-url', type: 'string', arg: 'URL', help: 'the URL people reach the server at, behind a proxy (default: SHIPGATE_PUBLIC_URL, else http://HOST:PORT)' },
      { name: 'config', type: 'string', arg: 'FILE', help: 'the server settings file: sign-in, roles, tokens (default: DATA_DIR/server.yaml when it exists)' },
      dataDir('.shipgate'),
      { name: 'project', type: 'string', multiple: true, arg: 'DIR', help: 'a git work tree to manage (repeat for several)' },
    ],
  },
  demo: {
    name: 'demo',
    summary: 'Creates (or reuses) a self-contained sandbox, starts its demo production service and serves the dashboard: what npm start runs.',
    options: [
      port(4400),
      host,
      { name: 'reset', type: 'boolean', help: 'recreate the sandbox from scratch' },
      dataDir('.demo'),
      { name: 'service-port', type: 'string', arg: 'N', help: 'port of the demo production service (default 4401)' },
    ],
  },
  help: {
    name: 'help',
    summary: 'Prints the usage of shipgate, or of one command.',
    positionals: '[COMMAND]',
    options: [],
  },
};

/** Options every command takes. */
export const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: 'help', type: 'boolean', short: 'h', help: "print this command's usage and options" },
  { name: 'version', type: 'boolean', short: 'v', help: 'print the shipgate version' },
];
