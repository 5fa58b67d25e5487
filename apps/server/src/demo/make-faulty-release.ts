// "Make the next release faulty": a commit in the demo app that adds demo-faults.json (the
// demo service reads it from the release it runs) plus a CHANGELOG entry, pushed to origin.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandboxGit } from './build-sandbox.js';
import { FAULTS, type FaultKind } from './sandbox-files.js';

export function makeFaultyRelease(app: string, kind: FaultKind = 'errors'): { commit: string; faults: (typeof FAULTS)[FaultKind] } {
  const git = (...args: string[]) => sandboxGit(app, ...args);
  git('pull', '-q', '--rebase', 'origin', 'main');
  const faults = FAULTS[kind];
  writeFileSync(join(app, 'demo-faults.json'), `${JSON.stringify(faults, null, 2)}\n`);
  const changelogPath = join(app, 'CHANGELOG.md');
  const changelog = readFileSync(changelogPath, 'utf8');
  const entry = kind === 'latency' ? '- Recommendations on the cart page (slower than it looks)' : '- New payment provider integration (fails under load)';
  writeFileSync(changelogPath, changelog.replace('## [Unreleased]\n', `## [Unreleased]\n\n### Added\n\n${entry}\n`));
  git('add', '-A');
  git('commit', '-q', '-m', `feat(checkout): ${kind === 'latency' ? 'cart recommendations' : 'new payment provider'} (demo: a faulty release)`);
  git('push', '-q', 'origin', 'main');
  return { commit: git('rev-parse', 'HEAD'), faults };
}
