// Command-line parsing for `shipgate <command> [options]` (node:util parseArgs: no dependency,
// nothing to load on the hot path).
import { parseArgs } from 'node:util';
import { ShipgateError } from '@shipgate/core';

export const COMMANDS = ['plan', 'promote', 'rollback', 'serve', 'demo', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];

const OPTIONS = {
  dir: { type: 'string' },
  spec: { type: 'string' },
  bump: { type: 'string' },
  json: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  'dry-run': { type: 'boolean' },
  'no-monitor': { type: 'boolean' },
  to: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'public-url': { type: 'string' },
  'data-dir': { type: 'string' },
  project: { type: 'string', multiple: true },
  reset: { type: 'boolean' },
  'service-port': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export interface CliArgs {
  command: CommandName;
  dir: string;
  spec?: string;
  bump?: string;
  json: boolean;
  yes: boolean;
  dryRun: boolean;
  monitor: boolean;
  to?: string;
  port: number;
  host: string;
  /** serve: the URL people reach the server at (a proxy in front of it); else SHIPGATE_PUBLIC_URL. */
  publicUrl?: string;
  dataDir: string;
  projects: string[];
  reset: boolean;
  /** demo: the port of the demo production service (default 4401). */
  servicePort: number | null;
  help: boolean;
}

export function parseCliArgs(argv: string[], cwd: string): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ShipgateError('USAGE', (error as Error).message.replace(/\. To specify.*$/s, ''), { hint: 'run shipgate help for the options' });
  }
  const { values, positionals } = parsed;
  const word = positionals[0] ?? (values.help ? 'help' : undefined);
  if (!word) throw new ShipgateError('USAGE', 'no command given', { hint: `use one of: ${COMMANDS.join(', ')}` });
  if (!(COMMANDS as readonly string[]).includes(word)) {
    throw new ShipgateError('USAGE', `unknown command "${word}"`, { hint: `use one of: ${COMMANDS.join(', ')}` });
  }
  if (positionals.length > 1) throw new ShipgateError('USAGE', `unexpected argument "${positionals[1]}"`, { hint: 'options start with --' });
  const port = portOf(values.port ?? '4400', '--port');
  return {
    command: word as CommandName,
    dir: values.dir ?? cwd,
    ...(values.spec ? { spec: values.spec } : {}),
    ...(values.bump ? { bump: values.bump } : {}),
    json: values.json ?? false,
    yes: values.yes ?? false,
    dryRun: values['dry-run'] ?? false,
    monitor: !(values['no-monitor'] ?? false),
    ...(values.to ? { to: values.to } : {}),
    port,
    host: values.host ?? '127.0.0.1',
    ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
    dataDir: values['data-dir'] ?? '.shipgate',
    projects: values.project ?? [],
    reset: values.reset ?? false,
    servicePort: values['service-port'] === undefined ? null : portOf(values['service-port'], '--service-port'),
    help: values.help ?? word === 'help',
  };
}

function portOf(text: string, field: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ShipgateError('USAGE', `${field} must be a number from 0 to 65535, got "${text}"`, { field });
  return port;
}

export const HELP = `shipgate — promote a validated staging build to production, safely

Usage:
  shipgate plan     [--dir D] [--spec SLUG] [--bump auto|major|minor|patch|X.Y.Z] [--json]
  shipgate promote  [--dir D] [--spec SLUG] [--bump B] [--yes] [--dry-run] [--no-monitor] [--json]
  shipgate rollback [--dir D] [--to vX.Y.Z] [--yes]
  shipgate serve    [--port 4400] [--host 127.0.0.1] [--public-url URL] [--data-dir .shipgate] [--project DIR]...
  shipgate demo     [--port 4400] [--reset] [--data-dir .demo] [--service-port 4401]

Exit codes: 0 success · 1 failed · 2 usage or configuration error · 3 blocked · 4 failed verification, rolled back
`;
