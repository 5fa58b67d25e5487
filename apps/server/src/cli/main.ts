#!/usr/bin/env node
// The `shipgate` CLI entry. Starts fast: each command's code (and the server's) is loaded
// only when that command runs.
import { isShipgateError, ShipgateError } from '@shipgate/core';
import { readFileSync } from 'node:fs';
import { parseCommandLine, type CliArgs } from './cli-args.js';
import { commandHelp, generalHelp } from './cli-help.js';
import { projectDir } from './project-dir.js';

async function dispatch(args: CliArgs): Promise<number> {
  if (args.command === 'plan' || args.command === 'promote' || args.command === 'rollback') {
    const { dir, moved } = projectDir(args.dir);
    if (moved) process.stderr.write(`shipgate: using the project at ${dir}\n`);
    args = { ...args, dir };
  }
  switch (args.command) {
    case 'help':
      process.stdout.write(generalHelp());
      return 0;
    case 'plan':
      return (await import('./commands/plan-command.js')).planCommand(args);
    case 'promote':
      return (await import('./commands/promote-command.js')).promoteCommand(args);
    case 'rollback':
      return (await import('./commands/rollback-command.js')).rollbackCommand(args);
    case 'serve':
      return (await import('./commands/serve-command.js')).serveCommand(args);
    case 'demo':
      return (await import('./commands/demo-command.js')).demoCommand(args);
  }
}

/** A reader that goes away (`shipgate promote --json | head`) must not stop a release halfway: output stops, the release goes on. */
function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}

/** The root package.json's version (CONTRACT §1), read only when asked. */
function version(): string {
  const text = readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

async function main(): Promise<void> {
  ignoreClosedPipes();
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  let code: number;
  try {
    const request = parseCommandLine(argv, process.cwd());
    if (request.kind === 'version') {
      process.stdout.write(`shipgate ${version()}\n`);
      code = 0;
    } else if (request.kind === 'help') {
      process.stdout.write(request.command && request.command !== 'help' ? commandHelp(request.command) : generalHelp());
      code = 0;
    } else code = await dispatch(request.args);
  } catch (error) {
    const failure = isShipgateError(error) ? error : new ShipgateError('INTERNAL', error instanceof Error ? error.message : String(error), { cause: error });
    if (json) process.stdout.write(`${JSON.stringify({ error: failure.toJSON() })}\n`);
    process.stderr.write(`shipgate: ${failure.format()}\n`);
    if (failure.code === 'INTERNAL' && process.env.SHIPGATE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    code = failure.exitCode;
  }
  process.exitCode = code;
}

await main();
