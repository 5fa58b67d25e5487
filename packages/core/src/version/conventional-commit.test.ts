import { describe, expect, it } from 'vitest';
import { parseConventionalCommit } from './conventional-commit.js';

describe('parseConventionalCommit', () => {
  it('reads type, scope and subject from the header', () => {
    const commit = parseConventionalCommit('feat(orders): export API');
    expect(commit).toMatchObject({ type: 'feat', scope: 'orders', subject: 'export API', breaking: false, isMerge: false, body: '', footers: [] });
    expect(commit?.revertOf).toBeUndefined();
  });

  it('reads a header without scope, and lower-cases the type', () => {
    expect(parseConventionalCommit('Fix: crash when the cart is empty')).toMatchObject({ type: 'fix', scope: null, subject: 'crash when the cart is empty' });
  });

  it('marks "!" after the type as breaking, with or without a scope', () => {
    expect(parseConventionalCommit('feat!: drop node 18')).toMatchObject({ type: 'feat', breaking: true, breakingNote: 'drop node 18' });
    expect(parseConventionalCommit('feat(api)!: drop the v1 endpoints')).toMatchObject({ type: 'feat', scope: 'api', breaking: true, subject: 'drop the v1 endpoints' });
  });

  it('marks a "BREAKING CHANGE:" footer as breaking and keeps its text', () => {
    const commit = parseConventionalCommit('refactor(db): new schema\n\nMoves tables around.\n\nBREAKING CHANGE: run the migration first\nReviewed-by: Jane');
    expect(commit).toMatchObject({ type: 'refactor', breaking: true, breakingNote: 'run the migration first', body: 'Moves tables around.' });
    expect(commit?.footers).toEqual([
      { token: 'BREAKING CHANGE', value: 'run the migration first' },
      { token: 'Reviewed-by', value: 'Jane' },
    ]);
  });

  it('marks the "BREAKING-CHANGE:" spelling as breaking too', () => {
    expect(parseConventionalCommit('fix: tighten validation\n\nBREAKING-CHANGE: empty names are rejected')).toMatchObject({ breaking: true, breakingNote: 'empty names are rejected' });
  });

  it('does not take a lower-case "breaking change:" body line as the footer', () => {
    expect(parseConventionalCommit('fix: x\n\nbreaking change: not really')?.breaking).toBe(false);
  });

  it('keeps multi-paragraph bodies and multi-line footer values', () => {
    const commit = parseConventionalCommit('feat: a\n\nfirst paragraph\n\nsecond paragraph\n\nBREAKING CHANGE: line one\nline two\nRefs #12');
    expect(commit?.body).toBe('first paragraph\n\nsecond paragraph');
    expect(commit?.footers).toEqual([
      { token: 'BREAKING CHANGE', value: 'line one\nline two' },
      { token: 'Refs', value: '12' },
    ]);
  });

  it('counts a BREAKING CHANGE line wherever it stands in the body, with paragraphs after it (the issue\'s message)', () => {
    const commit = parseConventionalCommit('feat: x\n\nBREAKING CHANGE: y\n\nmore text');
    expect(commit).toMatchObject({ type: 'feat', breaking: true, breakingNote: 'y', breakingSource: 'note' });
    expect(commit?.footers).toEqual([]); // "more text" is not a footer, so the note is not one either
  });

  it('reads a real multi-paragraph migration note (semantic-release/commit-analyzer fc9b28a, released as 7.0.0)', () => {
    const message =
      'feat: use globs instead of regexp for releases rules\n\n' +
      'BREAKING CHANGE: Regexp are not supported anymore for property matching in the `releaseRules` option.\n\n' +
      'Regex are replaced by [globs](https://github.com/micromatch/micromatch#matching-features). For example `/core-.*/` should be changed to `\'core-*\'`.\n';
    expect(parseConventionalCommit(message)).toMatchObject({
      breaking: true,
      breakingNote: 'Regexp are not supported anymore for property matching in the `releaseRules` option.',
    });
  });

  it('reads BREAKING-CHANGE in the middle of the body and a note that starts on the next paragraph', () => {
    expect(parseConventionalCommit('fix: a\n\nintro\n\nBREAKING-CHANGE: old flag gone\nsee docs\n\noutro')).toMatchObject({ breaking: true, breakingNote: 'old flag gone\nsee docs' });
    expect(parseConventionalCommit('refactor: b\n\nBREAKING CHANGE:\n\nThe config moved.\n\nMore.')).toMatchObject({ breaking: true, breakingNote: 'The config moved.' });
  });

  it('does not take BREAKING CHANGE inside a line, or in the subject of a non-conventional header, as the note', () => {
    expect(parseConventionalCommit('fix: a\n\nthis is not a BREAKING CHANGE: really')?.breaking).toBe(false);
    expect(parseConventionalCommit('BREAKING CHANGE: no type')).toBeNull();
  });

  it('reads CRLF messages', () => {
    expect(parseConventionalCommit('feat(ui): dark mode\r\n\r\nBREAKING CHANGE: new colours\r\n')).toMatchObject({ scope: 'ui', subject: 'dark mode', breaking: true, breakingNote: 'new colours' });
  });

  it('returns null for messages that are not conventional', () => {
    expect(parseConventionalCommit('Update README')).toBeNull();
    expect(parseConventionalCommit('feat:no space after the colon')).toBeNull();
    expect(parseConventionalCommit('feat: ')).toBeNull();
    expect(parseConventionalCommit('')).toBeNull();
    expect(parseConventionalCommit('WIP stuff: more')).toBeNull();
  });

  it('flags merge commits instead of parsing them', () => {
    expect(parseConventionalCommit("Merge branch 'feature/x' into main")).toMatchObject({ isMerge: true, type: 'merge' });
    expect(parseConventionalCommit('Merge pull request #12 from acme/feat-x\n\nfeat: export')).toMatchObject({ isMerge: true, breaking: false });
    expect(parseConventionalCommit('Merge remote-tracking branch origin/main')).toMatchObject({ isMerge: true });
  });

  it('reads git\'s own revert message, with the reverted header and sha', () => {
    const sha = 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0';
    const commit = parseConventionalCommit(`Revert "feat(orders): export API"\n\nThis reverts commit ${sha}.\n`);
    expect(commit).toMatchObject({ type: 'revert', isMerge: false, breaking: false, revertOf: { header: 'feat(orders): export API', shas: [sha] } });
  });

  it('reads git\'s revert of a revert, both spellings', () => {
    expect(parseConventionalCommit('Revert "Revert "feat: x""\n\nThis reverts commit abcdef1.')?.revertOf).toEqual({ header: 'Revert "feat: x"', shas: ['abcdef1'] });
    expect(parseConventionalCommit('Reapply "feat: x"\n\nThis reverts commit abcdef1.')?.revertOf).toEqual({ header: 'feat: x', shas: ['abcdef1'] });
  });

  it('reads the conventional "revert:" form, with shas from the body or a Refs footer', () => {
    expect(parseConventionalCommit('revert: feat: x')?.revertOf).toEqual({ header: 'feat: x', shas: [] });
    expect(parseConventionalCommit('revert: feat: x\n\nThis reverts commit 1234567abc.')?.revertOf).toEqual({ header: 'feat: x', shas: ['1234567abc'] });
    expect(parseConventionalCommit('revert: never speak of the noodle incident\n\nRefs: 676104e, a215868')?.revertOf).toEqual({
      header: 'never speak of the noodle incident',
      shas: ['676104e', 'a215868'],
    });
  });
});
