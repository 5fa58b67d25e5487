// "Fix the fault": the way forward after monitoring rolled a faulty demo release back. A
// commit in the demo app that removes demo-faults.json with a Fixed entry, pushed to origin,
// so the next promote ships a good release (a patch).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandboxGit } from './build-sandbox.js';

export function fixTheFault(app: string): { commit: string } | null {
  const git = (...args: string[]) => sandboxGit(app, ...args);
  git('pull', '-q', '--rebase', 'origin', 'main');
  const faults = join(app, 'demo-faults.json');
  if (!existsSync(faults)) return null;
  rmSync(faults);
  const changelogPath = join(app, 'CHANGELOG.md');
  const changelog = readFileSync(changelogPath, 'utf8');
  writeFileSync(changelogPath, changelog.replace('## [Unreleased]\n', '## [Unreleased]\n\n### Fixed\n\n- Checkout works under load again (the faulty change is reverted)\n'));
  git('add', '-A');
  git('commit', '-q', '-m', 'fix(checkout): revert the faulty change that monitoring caught');
  git('push', '-q', 'origin', 'main');
  return { commit: git('rev-parse', 'HEAD') };
}
