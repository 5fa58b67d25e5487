// The file-system port on node:fs/promises. Writes go through a temporary file in the same
// directory and a rename, so a reader (or a crash) never sees half a file.
import { randomBytes } from 'node:crypto';
import { access, chmod, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileSystem } from '@shipgate/core';

export function createNodeFileSystem(): FileSystem {
  return {
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: writeAtomically,
    async exists(path) {
      try {
        await access(path);
        return true;
      } catch {
        return false;
      }
    },
    async isDirectory(path) {
      try {
        return (await stat(path)).isDirectory();
      } catch {
        return false;
      }
    },
    readdir: async (path) => (await readdir(path)).sort(),
    mkdir: async (path) => {
      await mkdir(path, { recursive: true });
    },
    remove: (path) => rm(path, { recursive: true, force: true }),
  };
}

async function writeAtomically(path: string, data: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(temporary, data, 'utf8');
    const mode = await existingMode(path);
    if (mode !== null) await chmod(temporary, mode); // an executable script stays executable
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function existingMode(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch {
    return null;
  }
}
