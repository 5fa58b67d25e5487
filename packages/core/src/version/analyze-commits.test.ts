import { describe, expect, it } from 'vitest';
import { analyzeCommits } from './analyze-commits.js';

let counter = 0;
/** A commit with a unique 40-character sha. */
function commit(message: string): { sha: string; message: string } {
  counter += 1;
  return { sha: `${counter.toString(16).padStart(7, '0')}${'e'.repeat(33)}`, message };
}

describe('analyzeCommits', () => {
  it('gives minor for a feat and patch for fix and perf, with one reason per commit', () => {
    const feat = commit('feat(orders): export API');
    const fix = commit('fix(cart): crash when empty');
    const result = analyzeCommits([feat, fix]);
    expect(result.bump).toBe('minor');
    expect(result.reasons).toEqual([
      { bump: 'minor', commit: feat.sha.slice(0, 7), subject: 'feat(orders): export API', note: 'feat → minor' },
      { bump: 'patch', commit: fix.sha.slice(0, 7), subject: 'fix(cart): crash when empty', note: 'fix → patch' },
    ]);
    expect(analyzeCommits([commit('perf: faster search')]).bump).toBe('patch');
  });

  it('gives major for "!" with a scope', () => {
    const result = analyzeCommits([commit('fix: typo'), commit('feat(api)!: drop the v1 endpoints')]);
    expect(result.bump).toBe('major');
    expect(result.reasons[1]).toMatchObject({ bump: 'major', subject: 'feat(api)!: drop the v1 endpoints' });
  });

  it('gives major for either breaking footer spelling, even on a type that releases nothing', () => {
    expect(analyzeCommits([commit('chore: bump node\n\nBREAKING CHANGE: node 20 required')]).bump).toBe('major');
    expect(analyzeCommits([commit('docs: x\n\nBREAKING-CHANGE: removed the old guide URL')]).bump).toBe('major');
    expect(analyzeCommits([commit('refactor: y\n\nBREAKING-CHANGE: z')]).reasons[0]?.note).toBe('breaking change (BREAKING CHANGE note) → major');
  });

  it('releases nothing for chore, docs, ci and friends, saying why', () => {
    const result = analyzeCommits([commit('chore(deps): bump lodash'), commit('docs: readme'), commit('ci: cache pnpm')]);
    expect(result.bump).toBeNull();
    expect(result.reasons.map((r) => [r.bump, r.note])).toEqual([
      ['none', 'chore: releases nothing'],
      ['none', 'docs: releases nothing'],
      ['none', 'ci: releases nothing'],
    ]);
  });

  it('returns null for no commits at all', () => {
    expect(analyzeCommits([])).toEqual({ bump: null, reasons: [] });
  });

  it('ignores non-conventional messages and merges', () => {
    const result = analyzeCommits([commit('Update README'), commit("Merge branch 'feat/x'\n\nfeat: hidden"), commit('Merge pull request #3 from a/b')]);
    expect(result.bump).toBeNull();
    expect(result.reasons.map((r) => r.note)).toEqual([
      'not a conventional commit: releases nothing',
      'merge commit: ignored (the merged commits count on their own)',
      'merge commit: ignored (the merged commits count on their own)',
    ]);
  });

  it('cancels a commit reverted by sha, and the revert releases nothing', () => {
    const feat = commit('feat: export');
    const revert = commit(`Revert "feat: export"\n\nThis reverts commit ${feat.sha}.`);
    const result = analyzeCommits([commit('docs: a'), feat, revert]);
    expect(result.bump).toBeNull();
    expect(result.reasons[1]).toMatchObject({ bump: 'none', note: `reverted by ${revert.sha.slice(0, 7)}` });
    expect(result.reasons[2]).toMatchObject({ bump: 'none', note: `reverts ${feat.sha.slice(0, 7)}: releases nothing itself` });
  });

  it('matches the reverted sha by prefix, either way round', () => {
    const feat = commit('feat: export');
    expect(analyzeCommits([feat, commit(`Revert "feat: export"\n\nThis reverts commit ${feat.sha.slice(0, 10)}.`)]).bump).toBeNull();
    const short = { sha: 'abcdef1', message: 'feat: short sha' };
    expect(analyzeCommits([short, commit('Revert "feat: short sha"\n\nThis reverts commit abcdef1234567890abcdef1234567890abcdef12.')]).bump).toBeNull();
  });

  it('cancels by subject when the revert names no sha (conventional "revert:" form)', () => {
    const result = analyzeCommits([commit('feat(api): export'), commit('fix: typo'), commit('revert: feat(api): export')]);
    expect(result.bump).toBe('patch');
    expect(result.reasons[0]?.note).toMatch(/^reverted by /);
  });

  it('cancels only the most recent commit with that subject', () => {
    const result = analyzeCommits([commit('feat: a'), commit('feat: a'), commit('revert: feat: a')]);
    expect(result.bump).toBe('minor');
    expect(result.reasons.map((r) => r.bump)).toEqual(['minor', 'none', 'none']);
  });

  it('trusts a sha that points outside the range rather than guessing by subject', () => {
    const feat = commit('feat: export');
    const result = analyzeCommits([feat, commit('Revert "feat: export"\n\nThis reverts commit 0000000aaaaaaaa.')]);
    expect(result.bump).toBe('minor');
    expect(result.reasons[1]).toMatchObject({ bump: 'patch', note: 'reverts 0000000 (feat), released earlier → patch' });
  });

  it('releases "feat: x\\n\\nBREAKING CHANGE: y\\n\\nmore text" as a major (it was a minor)', () => {
    const result = analyzeCommits([commit('fix: a'), commit('feat: x\n\nBREAKING CHANGE: y\n\nmore text')]);
    expect(result.bump).toBe('major');
    expect(result.reasons[1]?.note).toBe('breaking change (BREAKING CHANGE note) → major');
  });

  it('makes a revert of a fix released earlier a patch (it was "nothing to release"), by the sha git knows', () => {
    // semantic-release/commit-analyzer v10.0.3 is exactly this commit
    const revert = commit('Revert "fix(deps): update dependency conventional-commits-parser to v5 (#501)"\n\nThis reverts commit 91cf4d5a82052b6ea52e0f9f7d4faed7a80460e1.\n');
    const released = new Map([['91cf4d5a82052b6ea52e0f9f7d4faed7a80460e1', 'fix(deps): update dependency conventional-commits-parser to v5 (#501)']]);
    const result = analyzeCommits([commit('chore(deps): lock file maintenance'), revert], released);
    expect(result.bump).toBe('patch');
    expect(result.reasons[1]).toMatchObject({ bump: 'patch', note: 'reverts 91cf4d5 (fix), released earlier → patch' });
  });

  it('trusts git over the quoted header: a sha that was never released, or a released chore, releases nothing', () => {
    const revert = commit('Revert "feat: export"\n\nThis reverts commit abcdef1234567.');
    expect(analyzeCommits([revert], new Map([['abcdef1234567', null]])).bump).toBeNull();
    expect(analyzeCommits([revert], new Map([['abcdef1234567', 'chore: export script']])).bump).toBeNull();
    expect(analyzeCommits([revert], new Map([['abcdef1234567', 'perf: export']])).bump).toBe('patch');
  });

  it('makes a conventional "revert: feat: x" of earlier work a patch, and a revert of a released chore nothing', () => {
    expect(analyzeCommits([commit('revert: feat(api): export')]).reasons[0]).toMatchObject({ bump: 'patch', note: 'reverts "feat(api): export", released earlier → patch' });
    const chore = analyzeCommits([commit('Revert "chore: tidy"')]);
    expect(chore.bump).toBeNull();
    expect(chore.reasons[0]?.note).toBe('revert of a commit outside this release that released nothing: releases nothing');
  });

  it('cancels a revert of released work that is itself reverted in the range', () => {
    const revert = commit('Revert "fix: a"');
    const result = analyzeCommits([revert, commit(`Revert "Revert "fix: a""\n\nThis reverts commit ${revert.sha}.`)]);
    expect(result.bump).toBeNull();
  });

  it('restores a commit whose revert was reverted (git "Revert "Revert …"")', () => {
    const feat = commit('feat: export');
    const revert = commit(`Revert "feat: export"\n\nThis reverts commit ${feat.sha}.`);
    const revertOfRevert = commit(`Revert "Revert "feat: export""\n\nThis reverts commit ${revert.sha}.`);
    const result = analyzeCommits([feat, revert, revertOfRevert]);
    expect(result.bump).toBe('minor');
    expect(result.reasons.map((r) => r.bump)).toEqual(['minor', 'none', 'none']);
    expect(result.reasons[1]?.note).toBe(`reverted by ${revertOfRevert.sha.slice(0, 7)}`);
  });

  it('restores by subject too, and cancels again on a third revert', () => {
    const commits = [commit('feat: x'), commit('revert: feat: x'), commit('revert: revert: feat: x')];
    expect(analyzeCommits(commits).bump).toBe('minor');
    const feat = commit('feat: y');
    const r1 = commit(`Revert "feat: y"\n\nThis reverts commit ${feat.sha}.`);
    const r2 = commit(`Reapply "feat: y"\n\nThis reverts commit ${r1.sha}.`);
    const r3 = commit(`Revert "Reapply "feat: y""\n\nThis reverts commit ${r2.sha}.`);
    expect(analyzeCommits([feat, r1, r2]).bump).toBe('minor');
    expect(analyzeCommits([feat, r1, r2, r3]).bump).toBeNull();
  });

  it('a reverted breaking change no longer forces a major', () => {
    const breaking = commit('feat(api)!: drop v1');
    const result = analyzeCommits([commit('feat: wishlist'), breaking, commit(`Revert "feat(api)!: drop v1"\n\nThis reverts commit ${breaking.sha}.`)]);
    expect(result.bump).toBe('minor');
  });

  it('keeps the commit order (oldest first) in the reasons', () => {
    const result = analyzeCommits([commit('fix: a'), commit('chore: b'), commit('feat: c')]);
    expect(result.reasons.map((r) => r.subject)).toEqual(['fix: a', 'chore: b', 'feat: c']);
    expect(result.bump).toBe('minor');
  });
});
