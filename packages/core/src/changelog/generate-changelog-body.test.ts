import { describe, expect, it } from 'vitest';
import { bumpFromChangelog } from './bump-from-changelog.js';
import { generateChangelogBody } from './generate-changelog-body.js';

function commit(sha: string, message: string): { sha: string; message: string } {
  return { sha: sha.padEnd(40, '0'), message };
}

describe('generateChangelogBody', () => {
  it('groups releasing commits into Added, Changed and Fixed, oldest first, with scope and short sha', () => {
    const body = generateChangelogBody([
      commit('aaaaaaa1', 'feat(orders): export API'),
      commit('bbbbbbb2', 'fix(cart): crash when empty'),
      commit('ccccccc3', 'perf: faster search'),
      commit('ddddddd4', 'feat: wishlist sharing'),
      commit('eeeeeee5', 'chore(deps): bump lodash'),
      commit('fffffff6', 'Update README'),
    ]);
    expect(body).toBe(
      '### Added\n\n- **orders:** export API (aaaaaaa)\n- wishlist sharing (ddddddd)\n\n' +
        '### Changed\n\n- faster search (ccccccc)\n\n' +
        '### Fixed\n\n- **cart:** crash when empty (bbbbbbb)\n',
    );
  });

  it('lists breaking changes under Changed marked **BREAKING**, with the footer text', () => {
    const body = generateChangelogBody([
      commit('1111111', 'feat(api)!: drop the v1 endpoints'),
      commit('2222222', 'fix: stricter names\n\nBREAKING CHANGE: empty names are rejected'),
    ]);
    expect(body).toBe(
      '### Changed\n\n- **BREAKING** **api:** drop the v1 endpoints (1111111)\n' +
        '- **BREAKING** stricter names (2222222): empty names are rejected\n',
    );
    expect(bumpFromChangelog(body).bump).toBe('major'); // re-reading the generated body agrees
  });

  it('leaves out reverted commits and the reverts themselves', () => {
    const body = generateChangelogBody([
      commit('1111111', 'feat: kept'),
      commit('2222222', 'feat: dropped'),
      commit('3333333', `Revert "feat: dropped"\n\nThis reverts commit ${'2222222'.padEnd(40, '0')}.`),
    ]);
    expect(body).toBe('### Added\n\n- kept (1111111)\n');
  });

  it('lists a revert of work released earlier under Changed', () => {
    const body = generateChangelogBody([commit('1111111', 'feat: kept'), commit('4444444', 'revert: feat: released in 2.5')]);
    expect(body).toBe('### Added\n\n- kept (1111111)\n\n### Changed\n\n- Reverted: feat: released in 2.5 (4444444)\n');
  });

  it('is empty when nothing releases', () => {
    expect(generateChangelogBody([commit('1111111', 'chore: x'), commit('2222222', "Merge branch 'a'")])).toBe('');
    expect(generateChangelogBody([])).toBe('');
  });
});
