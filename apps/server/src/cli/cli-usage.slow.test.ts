// CONTRACT §1 through the built CLI as a process: --version/-v, help CMD, CMD --help,
// "did you mean", unknown options named, usage errors exit 2 (JSON on stdout with --json).
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { explain, runCli } from './testing/run-cli.js';

const cli = (...args: string[]) => runCli(args, { cwd: tmpdir(), env: { ...process.env, NO_COLOR: '1' } as Record<string, string> });
const rootVersion = (JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe.concurrent('shipgate behaves like a CLI', () => {
  it('prints "shipgate X.Y.Z" (the root package.json version) for --version and -v, exit 0', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await cli(flag);
      expect(r.code, explain(r)).toBe(0);
      expect(r.stdout).toBe(`shipgate ${rootVersion}\n`);
    }
  });

  it('prints a command\'s own usage for "help CMD" and "CMD --help", the same text, exit 0', async () => {
    const viaHelp = await cli('help', 'promote');
    const viaFlag = await cli('promote', '--help');
    expect(viaHelp.code, explain(viaHelp)).toBe(0);
    expect(viaFlag.code, explain(viaFlag)).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stdout).toMatch(/^shipgate promote — /);
    expect(viaHelp.stdout).toMatch(/--no-monitor +skip watching production after the deploy/);
    expect(viaHelp.stdout).not.toContain('--data-dir'); // serve's option, not promote's
  });

  it('suggests the nearest command: unknown command "plna" — did you mean "plan"? (exit 2)', async () => {
    const r = await cli('plna');
    expect(r.code, explain(r)).toBe(2);
    expect(r.stderr).toContain('unknown command "plna" — did you mean "plan"?');
  });

  it('names an unknown option (exit 2), as JSON on stdout under --json', async () => {
    const r = await cli('plan', '--json', '--bmup', 'patch');
    expect(r.code, explain(r)).toBe(2);
    expect(r.stderr).toContain('unknown option --bmup for plan — did you mean "--bump"?');
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'USAGE', message: 'unknown option --bmup for plan — did you mean "--bump"?', field: '--bmup' } });
  });

  it('exits 2 with no command at all, naming the commands', async () => {
    const r = await cli();
    expect(r.code, explain(r)).toBe(2);
    expect(r.stderr).toMatch(/no command given.*plan, promote, rollback, serve, demo, help/s);
  });

  // serve and demo load the server's own (unbundled) modules beside the bundled entry: their
  // errors are still Shipgate's, with their exit code and field (exit 1 "internal" before)
  it('exits 2 naming the field for a usage error raised inside serve', async () => {
    const r = await cli('serve', '--port', '0', '--data-dir', tmpdir(), '--public-url', 'ftp://shipgate.example.com');
    expect(r.code, explain(r)).toBe(2);
    expect(r.stderr).toContain('shipgate: public-url: --public-url must be an http(s) URL such as https://shipgate.example.com, got "ftp://shipgate.example.com"');
  });
});
