import { describe, expect, it } from 'vitest';
import { ShipgateError } from '../errors.js';
import { MemoryFileSystem } from '../testing/fake-context.js';
import { loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('reads .shipgate.yaml from the repository root', async () => {
    const fs = new MemoryFileSystem({ '/work/acme-web/.shipgate.yaml': 'deploy:\n  branch: live\n' });
    const config = await loadConfig(fs, '/work/acme-web');
    expect(config.project).toBe('acme-web');
    expect(config.deploy).toEqual({ provider: 'git-branch', branch: 'live' });
  });

  it('reads .shipgate.yml when that is the spelling used', async () => {
    const fs = new MemoryFileSystem({ '/r/app/.shipgate.yml': 'project: Shop\n' });
    expect((await loadConfig(fs, '/r/app/')).project).toBe('Shop');
  });

  it('uses every default, named after the directory, without a file', async () => {
    const config = await loadConfig(new MemoryFileSystem({ '/r/acme-web/package.json': '{}' }), '/r/acme-web');
    expect(config.project).toBe('acme-web');
    expect(config.deploy.provider).toBe('git-branch');
  });

  it('names the file relative to the repository in errors', async () => {
    const fs = new MemoryFileSystem({ '/r/app/.shipgate.yaml': 'deploy:\n  provider: vercell\n' });
    const error = await loadConfig(fs, '/r/app').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShipgateError);
    expect((error as ShipgateError).format().split('\n')[0]).toBe('.shipgate.yaml:2:13 deploy.provider: unknown provider "vercell" (known: git-branch, command, github-actions)');
  });

  it('refuses two config files', async () => {
    const fs = new MemoryFileSystem({ '/r/app/.shipgate.yaml': '', '/r/app/.shipgate.yml': '' });
    await expect(loadConfig(fs, '/r/app')).rejects.toThrow(/both \.shipgate\.yaml and \.shipgate\.yml exist/);
  });
});
