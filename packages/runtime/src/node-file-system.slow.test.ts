import { mkdtemp, readdir, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeFileSystem } from './node-file-system.js';

const fs = createNodeFileSystem();
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipgate-fs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('node file system', () => {
  it('writes through a temporary file and leaves no temporary file behind', async () => {
    const path = join(dir, 'nested', 'deeper', 'state.yaml');
    await fs.writeFile(path, 'status: shipped\n');
    await fs.writeFile(path, 'status: rolled-back\n');
    expect(await fs.readFile(path)).toBe('status: rolled-back\n');
    expect(await readdir(join(dir, 'nested', 'deeper'))).toEqual(['state.yaml']);
  });

  it('keeps the permissions of a file it rewrites', async () => {
    const path = join(dir, 'deploy.sh');
    await writeFile(path, '#!/bin/sh\n');
    await chmod(path, 0o755);
    await fs.writeFile(path, '#!/bin/sh\necho deployed\n');
    expect((await stat(path)).mode & 0o777).toBe(0o755);
  });

  it('answers exists and isDirectory for files, folders and missing paths', async () => {
    await fs.writeFile(join(dir, 'a.txt'), 'a');
    expect(await fs.exists(join(dir, 'a.txt'))).toBe(true);
    expect(await fs.isDirectory(join(dir, 'a.txt'))).toBe(false);
    expect(await fs.isDirectory(dir)).toBe(true);
    expect(await fs.exists(join(dir, 'missing'))).toBe(false);
    expect(await fs.isDirectory(join(dir, 'missing'))).toBe(false);
  });

  it('lists a folder sorted, creates folders recursively and removes trees', async () => {
    await fs.mkdir(join(dir, 'specs', '002-b'));
    await fs.mkdir(join(dir, 'specs', '001-a'));
    await fs.mkdir(join(dir, 'specs', '001-a'));
    expect(await fs.readdir(join(dir, 'specs'))).toEqual(['001-a', '002-b']);
    await fs.remove(join(dir, 'specs'));
    await fs.remove(join(dir, 'specs'));
    expect(await fs.exists(join(dir, 'specs'))).toBe(false);
  });

  it('rejects reading a missing file with ENOENT', async () => {
    await expect(fs.readFile(join(dir, 'nope'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
