// Command-line parsing for `shipgate <command> [options]` (node:util parseArgs: no dependency,
// nothing to load on the hot path). Each command accepts only its own options
// (cli-commands.ts); every mistake is a usage error (exit 2) that names what was wrong.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ShipgateError } from '@shipgate/core';
import { COMMAND_SPECS, COMMANDS, GLOBAL_OPTIONS, type CommandName, type OptionSpec } from './cli-commands.js';
import { nearest } from './nearest.js';

export { COMMANDS, type CommandName } from './cli-commands.js';

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
  /** serve: the settings file (CONTRACT §7); else <data dir>/server.yaml when it exists. */
  config?: string;
  dataDir: string;
  projects: string[];
  reset: boolean;
  /** demo: the port of the demo production service (default 4401). */
  servicePort: number | null;
  /** promote/plan: --allow-unvalidated REASON. */
  allowUnvalidated?: string;
}

/** What the command line asks for before any command runs. */
export type CliRequest = { kind: 'version' } | { kind: 'help'; command: CommandName | null } | { kind: 'run'; args: CliArgs };

type Values = Record<string, string | boolean | string[] | undefined>;

function parseOptions(options: readonly OptionSpec[]): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    options.map((o) => [o.name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
  );
}

const ALL_OPTIONS = [...GLOBAL_OPTIONS, ...Object.values(COMMAND_SPECS).flatMap((c) => c.options)];

export function parseCommandLine(argv: string[], cwd: string): CliRequest {
  // the command is the first word; options of any command may stand before it
  const loose = parseArgs({ args: argv, options: parseOptions(dedupe(ALL_OPTIONS)), allowPositionals: true, strict: false });
  const word = loose.positionals[0];
  if (word === undefined) {
    if (loose.values.version) return { kind: 'version' };
    if (loose.values.help) return { kind: 'help', command: null };
    const stray = argv.find((a) => a.startsWith('-'));
    if (stray) throw unknownOption(stray, null);
    throw new ShipgateError('USAGE', 'no command given', { hint: `use one of: ${COMMANDS.join(', ')} (shipgate help lists what each does)` });
  }
  const command = commandOf(word);
  const spec = COMMAND_SPECS[command];
  const options = [...spec.options, ...GLOBAL_OPTIONS];
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: parseOptions(options), allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(error as Error & { code?: string }, command);
  }
  const values = parsed.values as Values;
  if (values.version) return { kind: 'version' };
  const rest = parsed.positionals.slice(1);
  if (command === 'help') {
    if (rest.length > 1) throw new ShipgateError('USAGE', `unexpected argument "${rest[1]}"`, { hint: 'shipgate help COMMAND takes one command' });
    return { kind: 'help', command: rest[0] === undefined ? null : commandOf(rest[0]) };
  }
  if (values.help) return { kind: 'help', command };
  if (rest.length) throw new ShipgateError('USAGE', `unexpected argument "${rest[0]}" for ${command}`, { hint: `options start with -- (shipgate ${command} --help lists them)` });
  return { kind: 'run', args: toArgs(command, values, cwd) };
}

function toArgs(command: CommandName, values: Values, cwd: string): CliArgs {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const flag = (name: string) => values[name] === true;
  const reason = text('allow-unvalidated');
  if (reason !== undefined && reason.trim() === '') {
    throw new ShipgateError('USAGE', '--allow-unvalidated needs a reason', { field: '--allow-unvalidated', hint: 'say why: --allow-unvalidated "hotfix for INC-123, validated locally"' });
  }
  return {
    command,
    dir: text('dir') ?? cwd,
    ...(text('spec') ? { spec: text('spec')! } : {}),
    ...(text('bump') ? { bump: text('bump')! } : {}),
    json: flag('json'),
    yes: flag('yes'),
    dryRun: flag('dry-run'),
    monitor: !flag('no-monitor'),
    ...(text('to') ? { to: text('to')! } : {}),
    port: portOf(text('port') ?? '4400', '--port'),
    host: text('host') ?? '127.0.0.1',
    ...(text('public-url') ? { publicUrl: text('public-url')! } : {}),
    ...(text('config') ? { config: text('config')! } : {}),
    dataDir: text('data-dir') ?? '.shipgate',
    projects: Array.isArray(values.project) ? values.project : [],
    reset: flag('reset'),
    servicePort: text('service-port') === undefined ? null : portOf(text('service-port')!, '--service-port'),
    ...(reason !== undefined ? { allowUnvalidated: reason.trim().replace(/\s+/g, ' ') } : {}),
  };
}

function commandOf(word: string): CommandName {
  if ((COMMANDS as readonly string[]).includes(word)) return word as CommandName;
  const near = nearest(word, COMMANDS);
  throw new ShipgateError('USAGE', `unknown command "${word}"${near ? ` — did you mean "${near}"?` : ''}`, {
    hint: `use one of: ${COMMANDS.join(', ')} (shipgate help lists what each does)`,
  });
}

function usageError(error: Error & { code?: string }, command: CommandName): ShipgateError {
  const message = error.message;
  const quoted = /'(-[^']*)'/.exec(message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return unknownOption(quoted, command);
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /--([\w-]+)/.exec(message)?.[1];
    const spec = ALL_OPTIONS.find((o) => o.name === option);
    const what = spec?.type === 'string' ? `needs a value: --${option} ${spec.arg ?? 'VALUE'}` : `takes no value`;
    return new ShipgateError('USAGE', `option --${option ?? '?'} ${what}`, { field: `--${option}`, hint: `shipgate ${command} --help lists its options` });
  }
  return new ShipgateError('USAGE', message.replace(/\. To specify.*$/s, ''), { hint: `shipgate ${command} --help lists its options` });
}

function unknownOption(raw: string, command: CommandName | null): ShipgateError {
  const name = raw.replace(/=.*$/, '');
  const own = command ? [...COMMAND_SPECS[command].options, ...GLOBAL_OPTIONS] : GLOBAL_OPTIONS;
  const elsewhere = COMMANDS.filter((c) => c !== command && COMMAND_SPECS[c].options.some((o) => `--${o.name}` === name));
  const near = nearest(name.replace(/^-+/, ''), own.map((o) => o.name));
  const forWhat = command ? ` for ${command}` : '';
  const message = elsewhere.length
    ? `option ${name} is not an option${forWhat} (${elsewhere.join(', ')} ${elsewhere.length === 1 ? 'takes' : 'take'} it)`
    : `unknown option ${name}${forWhat}${near ? ` — did you mean "--${near}"?` : ''}`;
  return new ShipgateError('USAGE', message, { field: name, hint: command ? `shipgate ${command} --help lists its options` : 'shipgate help lists the commands' });
}

function dedupe(options: OptionSpec[]): OptionSpec[] {
  const seen = new Map<string, OptionSpec>();
  for (const option of options) if (!seen.has(option.name)) seen.set(option.name, option);
  return [...seen.values()];
}

function portOf(text: string, field: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ShipgateError('USAGE', `${field} must be a number from 0 to 65535, got "${text}"`, { field });
  return port;
}
