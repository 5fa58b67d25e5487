// Reads `<repoDir>/.shipgate.yaml` (or `.shipgate.yml`) through the fs port; no file means
// every default, with the directory's name as the project.
import { basename, join, resolve } from 'node:path';
import type { FileSystem } from '../context.js';
import { ShipgateError } from '../errors.js';
import type { ShipgateConfig } from './config-types.js';
import { parseConfig } from './parse-config.js';

export const CONFIG_FILE_NAMES = ['.shipgate.yaml', '.shipgate.yml'] as const;

export async function loadConfig(fs: FileSystem, repoDir: string): Promise<ShipgateConfig> {
  const defaultProject = basename(resolve(repoDir)) || 'project';
  const present: string[] = [];
  for (const name of CONFIG_FILE_NAMES) if (await fs.exists(join(repoDir, name))) present.push(name);
  if (present.length > 1) {
    throw new ShipgateError('CONFIG_INVALID', `both ${present.join(' and ')} exist`, { file: present[1]!, hint: `keep one of them (Shipgate reads ${present[0]})` });
  }
  const file = present[0];
  if (file === undefined) return parseConfig(null, { file: CONFIG_FILE_NAMES[0], defaultProject });
  let text: string;
  try {
    text = await fs.readFile(join(repoDir, file));
  } catch (error) {
    throw new ShipgateError('CONFIG_INVALID', `cannot read the file: ${(error as Error).message}`, { file, cause: error });
  }
  return parseConfig(text, { file, defaultProject });
}
