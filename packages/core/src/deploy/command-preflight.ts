// Plan-time gate of the command provider: the deploy (and rollback) command's program exists
// where it will run, so a typo is a blocked plan, not a failed deploy after the push.
import type { CommandDeployConfig } from '../config/config-types.js';
import type { GateResult } from '../model/plan-types.js';
import type { PreflightInput } from './deploy-provider.js';

export async function commandPreflight(input: PreflightInput): Promise<GateResult[]> {
  if (input.config.provider !== 'command') return [];
  const config = input.config;
  const base = { id: 'deploy-provider', title: 'Deploy command exists' };
  const commands: [string, string][] = [['deploy.command', config.command], ...(config.rollbackCommand ? [['deploy.rollbackCommand', config.rollbackCommand] as [string, string]] : [])];
  const found: string[] = [];
  for (const [field, command] of commands) {
    const program = programOf(command);
    if (!program) continue; // shell syntax first (a subshell, a variable): only the shell can tell
    const r = await input.ctx.exec('sh', ['-c', 'command -v -- "$1"', 'sh', program], { cwd: cwdOf(input, config), env: input.ctx.env, timeoutMs: 10_000 });
    if (r.code !== 0) {
      return [{ ...base, status: 'fail', detail: `${field}: "${program}" is not a command here (not on PATH, not an executable file): install it, or fix ${field}`, evidence: { field, value: program } }];
    }
    found.push(`${program} → ${r.stdout.trim()}`);
  }
  return [{ ...base, status: 'pass', detail: found.length > 0 ? found.join('; ') : 'the command starts with shell syntax: checked when it runs' }];
}

/** The program a shell command line starts with, after any VAR=value assignments; null for shell syntax. */
export function programOf(command: string): string | null {
  const words = command.trim().split(/\s+/);
  while (words[0] && /^[A-Za-z_][A-Za-z0-9_]*=\S*$/.test(words[0])) words.shift();
  const first = words[0];
  return first && /^[\w./@+-]+$/.test(first) ? first : null;
}

/** Where the command runs, exactly as the command provider runs it. */
function cwdOf(input: PreflightInput, config: CommandDeployConfig): string {
  return config.cwd ?? input.repoDir;
}
