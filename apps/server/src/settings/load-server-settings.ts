// Reads the settings file: `--config FILE` (must exist) or `<data dir>/server.yaml` (optional;
// none → today's behaviour, no people, no roles beyond the two tokens).
import { ShipgateError } from '@shipgate/core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseServerSettings } from './parse-server-settings.js';
import { NO_SETTINGS, type ServerSettings } from './server-settings.js';

export function loadServerSettings(options: { file?: string | undefined; dataDir: string; env: Record<string, string | undefined> }): ServerSettings {
  const file = options.file ?? join(options.dataDir, 'server.yaml');
  if (!existsSync(file)) {
    if (options.file === undefined) return NO_SETTINGS;
    throw new ShipgateError('CONFIG_INVALID', 'the settings file does not exist', { file, hint: 'check the path given to --config' });
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ShipgateError('CONFIG_INVALID', `cannot read the settings file: ${(error as Error).message}`, { file, cause: error });
  }
  return parseServerSettings(text, file, options.env);
}
