import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './cli-args.js';
import { commandHelp, generalHelp } from './cli-help.js';
import { COMMAND_SPECS } from './cli-commands.js';
import { nearest } from './nearest.js';

const parse = (...argv: string[]) => parseCommandLine(argv, '/work/app');
const usageError = (...argv: string[]) => {
  try {
    parse(...argv);
  } catch (error) {
    return error as { code: string; message: string; exitCode: number };
  }
  throw new Error(`${argv.join(' ')} parsed`);
};

describe('parseCommandLine', () => {
  it('reads --version and -v, alone or after a command', () => {
    expect(parse('--version')).toEqual({ kind: 'version' });
    expect(parse('-v')).toEqual({ kind: 'version' });
    expect(parse('plan', '-v')).toEqual({ kind: 'version' });
  });

  it('reads help, help CMD and CMD --help / -h', () => {
    expect(parse('help')).toEqual({ kind: 'help', command: null });
    expect(parse('--help')).toEqual({ kind: 'help', command: null });
    expect(parse('help', 'promote')).toEqual({ kind: 'help', command: 'promote' });
    expect(parse('rollback', '--help')).toEqual({ kind: 'help', command: 'rollback' });
    expect(parse('serve', '-h')).toEqual({ kind: 'help', command: 'serve' });
  });

  it('suggests the nearest command for an unknown one (the contract\'s message), exit 2', () => {
    const error = usageError('plna');
    expect(error.message).toBe('unknown command "plna" — did you mean "plan"?');
    expect(error.exitCode).toBe(2);
    expect(usageError('promot').message).toBe('unknown command "promot" — did you mean "promote"?');
    expect(usageError('help', 'rolback').message).toBe('unknown command "rolback" — did you mean "rollback"?');
    expect(usageError('zzzzzz').message).toBe('unknown command "zzzzzz"');
  });

  it('names an unknown option, suggests the nearest of the command\'s own, exit 2', () => {
    expect(usageError('promote', '--dry-rn')).toMatchObject({ code: 'USAGE', exitCode: 2, message: 'unknown option --dry-rn for promote — did you mean "--dry-run"?' });
    expect(usageError('plan', '--frobnicate').message).toBe('unknown option --frobnicate for plan');
    expect(usageError('--frobnicate').message).toBe('unknown option --frobnicate');
  });

  it('refuses an option of another command, saying which command takes it', () => {
    expect(usageError('plan', '--yes').message).toBe('option --yes is not an option for plan (promote, rollback take it)');
    expect(usageError('serve', '--dir', 'x').message).toBe('option --dir is not an option for serve (plan, promote, rollback take it)');
  });

  it('says which option lacks its value, and refuses stray words', () => {
    expect(usageError('plan', '--dir').message).toBe('option --dir needs a value: --dir D');
    expect(usageError('plan', 'now').message).toBe('unexpected argument "now" for plan');
    expect(usageError('promote', '--allow-unvalidated', ' ').message).toBe('--allow-unvalidated needs a reason');
  });

  it('parses a command\'s own options', () => {
    expect(parse('promote', '--yes', '--no-monitor', '--allow-unvalidated', 'hotfix  INC-1', '--dir', 'x')).toEqual({
      kind: 'run',
      args: expect.objectContaining({ command: 'promote', dir: 'x', yes: true, monitor: false, allowUnvalidated: 'hotfix INC-1' }),
    });
    expect(parse('serve', '--project', 'a', '--project', 'b', '--port', '0')).toMatchObject({ kind: 'run', args: { projects: ['a', 'b'], port: 0 } });
  });
});

describe('help texts', () => {
  it('gives every option of a command a line of its own, with what it does', () => {
    for (const spec of Object.values(COMMAND_SPECS)) {
      const text = commandHelp(spec.name);
      expect(text).toContain(`shipgate ${spec.name} — ${spec.summary}`);
      for (const option of spec.options) {
        const line = text.split('\n').find((l) => l.includes(`--${option.name}${option.arg ? ` ${option.arg}` : ''}  `));
        expect(line, `${spec.name} --${option.name}`).toContain(option.help);
      }
      expect(text).toContain('-h, --help');
    }
    expect(commandHelp('promote')).toContain('--allow-unvalidated REASON');
  });

  it('lists every command in the general help', () => {
    for (const name of Object.keys(COMMAND_SPECS)) expect(generalHelp()).toMatch(new RegExp(`^  ${name} `, 'm'));
  });
});

describe('nearest', () => {
  it('finds swaps, typos and missing letters, and nothing far away', () => {
    expect(nearest('plna', ['plan', 'promote'])).toBe('plan');
    expect(nearest('serv', ['serve', 'demo'])).toBe('serve');
    expect(nearest('xyz', ['plan', 'demo'])).toBeNull();
  });
});
