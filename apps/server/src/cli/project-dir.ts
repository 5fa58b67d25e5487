// Which directory a plan, promote or rollback works on. Run from anywhere inside a project
// (`cd specs/001-feature && shipgate plan`), the CLI finds the project the way git finds its
// repository: the nearest directory up to the repository's root that holds .shipgate.yaml;
// without one anywhere, the given directory when it has a package.json, else the root.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ShipgateError } from '@shipgate/core';
import { gitWorkTree } from './git-work-tree.js';

/** The project's directory, and whether it is above the one given. */
export function projectDir(given: string): { dir: string; moved: boolean } {
  const asGiven = resolve(given);
  if (!existsSync(asGiven)) throw new ShipgateError('USAGE', `${given} does not exist`, { field: '--dir', hint: "pass --dir <path to your project's repository>, or run shipgate inside it" });
  if (!statSync(asGiven).isDirectory()) throw new ShipgateError('USAGE', `${given} is a file, not a directory`, { field: '--dir', hint: "pass --dir <path to your project's repository>" });
  const dir = realpathSync(asGiven);
  const top = gitWorkTree(dir)?.topLevel ?? null;
  if (!top || top === dir) return { dir: asGiven, moved: false }; // not a repository (planning says so), or its root
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, '.shipgate.yaml'))) return at === dir ? { dir: asGiven, moved: false } : { dir: at, moved: true };
    if (at === top || dirname(at) === at) break;
  }
  return existsSync(join(dir, 'package.json')) ? { dir: asGiven, moved: false } : { dir: top, moved: true };
}
