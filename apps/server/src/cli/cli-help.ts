// The usage texts: `shipgate help` (every command), `shipgate help CMD` / `CMD --help`
// (that command's own options, a line each).
import { COMMAND_SPECS, COMMANDS, GLOBAL_OPTIONS, type CommandName, type OptionSpec } from './cli-commands.js';

const EXIT_CODES = 'Exit codes: 0 success · 1 failed · 2 usage or configuration error · 3 blocked · 4 failed verification, rolled back\n';

function optionLabel(option: OptionSpec): string {
  const long = `--${option.name}${option.arg ? ` ${option.arg}` : ''}`;
  return option.short ? `-${option.short}, ${long}` : `    ${long}`;
}

function usageLine(command: CommandName): string {
  const spec = COMMAND_SPECS[command];
  const options = spec.options.map((o) => `[--${o.name}${o.arg ? ` ${o.arg}` : ''}]${o.multiple ? '...' : ''}`).join(' ');
  return `shipgate ${command}${spec.positionals ? ` ${spec.positionals}` : ''}${options ? ` ${options}` : ''}`;
}

export function commandHelp(command: CommandName): string {
  const spec = COMMAND_SPECS[command];
  const options = [...spec.options, ...GLOBAL_OPTIONS.filter((o) => o.name === 'help')];
  const width = Math.max(...options.map((o) => optionLabel(o).length)) + 2;
  const lines = [`shipgate ${command} — ${spec.summary}`, '', `Usage: ${usageLine(command)}`, '', 'Options:'];
  for (const option of options) lines.push(`  ${optionLabel(option).padEnd(width)}${option.help}${option.multiple ? ' (repeatable)' : ''}`);
  return `${lines.join('\n')}\n\n${EXIT_CODES}`;
}

export function generalHelp(): string {
  const lines = ['shipgate — promote a validated staging build to production, safely', '', 'Usage:'];
  for (const command of COMMANDS) lines.push(`  ${usageLine(command)}`);
  lines.push('', 'Commands:');
  for (const command of COMMANDS) lines.push(`  ${command.padEnd(10)}${COMMAND_SPECS[command].summary}`);
  lines.push('', 'Run "shipgate help COMMAND" or "shipgate COMMAND --help" for what each option does.', '-v, --version prints the version.', '');
  return `${lines.join('\n')}\n${EXIT_CODES}`;
}
