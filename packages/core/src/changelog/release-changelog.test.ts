import { describe, expect, it } from 'vitest';
import { createChangelog } from './create-changelog.js';
import { hasReleaseSection, parseChangelog } from './parse-changelog.js';
import { releaseChangelog, type ReleaseChangelogInput } from './release-changelog.js';

// The acceptance fixture (shared/acceptance/lib/fixture.mjs), piece by piece.
const FIXTURE_UNRELEASED = '### Added\n\n- Export API for orders (#214)\n\n### Fixed\n\n- Crash when the cart is empty (#219)\n';
const OLD_SECTION = '## [2.6.0] - 2024-05-01\n\n### Added\n\n- Wishlist sharing (#201)\n\n### Fixed\n\n- Currency rounding on invoices (#198)\n';
const HEAD = `# Changelog

All notable changes to this project will be documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

`;
const LINKS = '[Unreleased]: https://example.com/acme/acme-web/compare/v2.6.0...HEAD\n[2.6.0]: https://example.com/acme/acme-web/compare/v2.5.0...v2.6.0\n';

function changelog({ unreleased = FIXTURE_UNRELEASED, links = LINKS } = {}): string {
  return `${HEAD}## [Unreleased]\n\n${unreleased}\n${OLD_SECTION}${links ? `\n${links}` : ''}`;
}

const RELEASE: ReleaseChangelogInput = { file: 'CHANGELOG.md', version: '2.7.0', previousVersion: '2.6.0', date: '2026-11-26', tagPrefix: 'v' };

describe('releaseChangelog', () => {
  it('moves the Unreleased entries under the new version and updates the compare links', () => {
    const { text, body, alreadyReleased, warnings } = releaseChangelog(changelog(), RELEASE);
    expect(text).toBe(
      `${HEAD}## [Unreleased]\n\n## [2.7.0] - 2026-11-26\n\n${FIXTURE_UNRELEASED}\n${OLD_SECTION}\n` +
        '[Unreleased]: https://example.com/acme/acme-web/compare/v2.7.0...HEAD\n' +
        '[2.7.0]: https://example.com/acme/acme-web/compare/v2.6.0...v2.7.0\n' +
        '[2.6.0]: https://example.com/acme/acme-web/compare/v2.5.0...v2.6.0\n',
    );
    expect(body).toBe(FIXTURE_UNRELEASED);
    expect(alreadyReleased).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('satisfies what the acceptance test checks in the release commit', () => {
    const { text } = releaseChangelog(changelog(), RELEASE);
    expect(text).toMatch(/^## \[Unreleased\][ \t]*\n\s*## \[2\.7\.0\]/m);
    expect(text).toContain('## [2.7.0] - 2026-11-26');
    expect(text.indexOf('## [Unreleased]')).toBeLessThan(text.indexOf('## [2.7.0]'));
    expect(text.indexOf('## [2.7.0]')).toBeLessThan(text.indexOf('## [2.6.0]'));
    expect(text).toContain(OLD_SECTION);
    expect(text).toContain('Export API for orders');
    expect(text).toContain('Crash when the cart is empty');
  });

  it('works without link definitions, adding none', () => {
    const { text } = releaseChangelog(changelog({ links: '' }), RELEASE);
    expect(text).toBe(`${HEAD}## [Unreleased]\n\n## [2.7.0] - 2026-11-26\n\n${FIXTURE_UNRELEASED}\n${OLD_SECTION}`);
  });

  it('keeps every blank line the author wrote, however the Unreleased text was spaced', () => {
    const messy = `${HEAD}## [Unreleased]\n\n\n\n${FIXTURE_UNRELEASED}\n\n\n${OLD_SECTION}`;
    expect(releaseChangelog(messy, RELEASE).text).toBe(`${HEAD}## [Unreleased]\n\n\n\n## [2.7.0] - 2026-11-26\n\n${FIXTURE_UNRELEASED}\n\n\n${OLD_SECTION}`);
  });

  it('preserves CRLF line endings, also in the lines it adds', () => {
    const crlf = changelog().replace(/\n/g, '\r\n');
    const { text, body } = releaseChangelog(crlf, RELEASE);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain(OLD_SECTION.replace(/\n/g, '\r\n'));
    expect(text).toContain('## [Unreleased]\r\n\r\n## [2.7.0] - 2026-11-26\r\n\r\n### Added\r\n');
    expect(text).toContain('[2.7.0]: https://example.com/acme/acme-web/compare/v2.6.0...v2.7.0\r\n');
    expect(body).toBe(FIXTURE_UNRELEASED);
  });

  it('uses the generated body when Unreleased is empty, in the file\'s line endings', () => {
    const generated = '### Fixed\n\n- **cart:** crash when empty (abc1234)\n';
    const { text, body } = releaseChangelog(changelog({ unreleased: '' }).replace(/\n/g, '\r\n'), { ...RELEASE, version: '2.6.1', generatedBody: generated });
    expect(text).toContain('## [Unreleased]\r\n\r\n\r\n## [2.6.1] - 2026-11-26\r\n\r\n### Fixed\r\n\r\n- **cart:** crash when empty (abc1234)\r\n\r\n## [2.6.0]');
    expect(body).toBe(generated);
  });

  it('keeps a template of bare headings or comments under Unreleased and releases the generated entries', () => {
    const generated = '### Fixed\n\n- **cart:** crash when empty (abc1234)\n';
    for (const template of ['<!-- Add entries below. -->\n', '### Added\n\n### Fixed\n']) {
      const { text, body } = releaseChangelog(changelog({ unreleased: template, links: '' }), { ...RELEASE, version: '2.6.1', generatedBody: generated });
      expect(text).toBe(`${HEAD}## [Unreleased]\n\n${template}\n## [2.6.1] - 2026-11-26\n\n${generated}\n${OLD_SECTION}`);
      expect(body).toBe(generated);
    }
  });

  it('prefers the written Unreleased entries over a generated body', () => {
    expect(releaseChangelog(changelog(), { ...RELEASE, generatedBody: '### Added\n\n- generated\n' }).text).not.toContain('generated');
  });

  it('writes a bare heading when there is nothing at all to move (a forced --bump)', () => {
    const { text, body } = releaseChangelog(changelog({ unreleased: '', links: '' }), { ...RELEASE, version: '2.6.1' });
    expect(text).toBe(`${HEAD}## [Unreleased]\n\n\n## [2.6.1] - 2026-11-26\n\n${OLD_SECTION}`);
    expect(body).toBe('');
  });

  it('keeps the older sections and everything above Unreleased byte-identical, odd spacing included', () => {
    const odd = '## [2.6.0] — 2024-05-01   \n\n* Wishlist   sharing\n\n\n\n## [2.5.0]\n- a\n  continued\n';
    const before = `# Log\n\n<!-- comment -->\n\n## Unreleased\n- new thing\n${odd}`;
    const { text } = releaseChangelog(before, RELEASE);
    expect(text).toBe(`# Log\n\n<!-- comment -->\n\n## Unreleased\n\n## [2.7.0] - 2026-11-26\n- new thing\n${odd}`);
  });

  it('never loses a line: every line of the old text is still there', () => {
    const before = changelog();
    const after = releaseChangelog(before, RELEASE).text;
    for (const line of before.split('\n')) {
      if (line.startsWith('[Unreleased]:')) continue; // rewritten on purpose
      expect(after).toContain(line);
    }
  });

  it('supports GitLab compare links, two-dot ranges, a branch instead of HEAD and other tag prefixes', () => {
    const gitlab = '## [Unreleased]\n- x\n\n## [1.0.0] - 2024-01-01\n\n[Unreleased]: https://gitlab.com/acme/web/-/compare/release-1.0.0..main\n';
    const { text } = releaseChangelog(gitlab, { ...RELEASE, version: '1.1.0', previousVersion: '1.0.0', tagPrefix: 'release-' });
    expect(text).toContain(
      '[Unreleased]: https://gitlab.com/acme/web/-/compare/release-1.1.0..main\n[1.1.0]: https://gitlab.com/acme/web/-/compare/release-1.0.0..release-1.1.0\n',
    );
  });

  it('adds the new link even when the Unreleased link is the last line without a newline', () => {
    const before = changelog({ links: '[2.6.0]: https://x/compare/v2.5.0...v2.6.0\n[Unreleased]: https://x/compare/v2.6.0...HEAD' });
    const { text } = releaseChangelog(before, RELEASE);
    expect(text.endsWith('[Unreleased]: https://x/compare/v2.7.0...HEAD\n[2.7.0]: https://x/compare/v2.6.0...v2.7.0')).toBe(true);
  });

  it('compares from the old Unreleased base on a first release (no previous version)', () => {
    const first = '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- everything\n\n[Unreleased]: https://example.com/acme/web/compare/1a2b3c4...HEAD\n';
    const { text } = releaseChangelog(first, { ...RELEASE, version: '1.0.0', previousVersion: null });
    expect(text).toBe(
      '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-11-26\n\n### Added\n\n- everything\n\n' +
        '[Unreleased]: https://example.com/acme/web/compare/v1.0.0...HEAD\n[1.0.0]: https://example.com/acme/web/compare/1a2b3c4...v1.0.0\n',
    );
  });

  it('leaves a non-compare Unreleased link alone and says so', () => {
    const before = changelog({ links: '[Unreleased]: https://example.com/acme/acme-web/commits/main\n' });
    const { text, warnings } = releaseChangelog(before, RELEASE);
    expect(text).toContain('[Unreleased]: https://example.com/acme/acme-web/commits/main\n');
    expect(text).not.toContain('[2.7.0]:');
    expect(warnings[0]).toMatch(/^CHANGELOG\.md:\d+: the \[Unreleased\] link is not a compare link/);
  });

  it('is idempotent: a second run finds the section and changes nothing', () => {
    const first = releaseChangelog(changelog(), RELEASE);
    expect(hasReleaseSection(parseChangelog(first.text, 'CHANGELOG.md'), '2.7.0')).toBe(true);
    const second = releaseChangelog(first.text, RELEASE);
    expect(second).toEqual({ text: first.text, body: FIXTURE_UNRELEASED, alreadyReleased: true, warnings: [] });
  });

  it('does not add a duplicate link when one for the version exists', () => {
    const before = changelog({ links: `${LINKS}[2.7.0]: https://example.com/custom\n` });
    const { text } = releaseChangelog(before, RELEASE);
    expect(text.match(/^\[2\.7\.0\]:/gm)).toHaveLength(1);
  });

  it('releases a freshly created CHANGELOG with generated entries', () => {
    const fresh = createChangelog('acme-web');
    const { text } = releaseChangelog(fresh, { ...RELEASE, version: '0.1.0', previousVersion: null, generatedBody: '### Added\n\n- first (abc1234)\n' });
    expect(text).toBe(`${fresh}\n## [0.1.0] - 2026-11-26\n\n### Added\n\n- first (abc1234)\n`);
  });

  it('refuses a version or date it cannot write', () => {
    expect(() => releaseChangelog(changelog(), { ...RELEASE, version: '2.7' })).toThrow(/not a semantic version/);
    expect(() => releaseChangelog(changelog(), { ...RELEASE, date: '26/11/2026' })).toThrow(/YYYY-MM-DD/);
  });

  it('blocks when the CHANGELOG has no Unreleased section', () => {
    expect(() => releaseChangelog(OLD_SECTION, RELEASE)).toThrow('CHANGELOG.md has no "## [Unreleased]" section');
  });
});

describe('createChangelog', () => {
  it('is a Keep a Changelog skeleton with an empty Unreleased section', () => {
    const text = createChangelog('acme-web');
    expect(text.startsWith('# Changelog\n\nAll notable changes to acme-web will be documented in this file.\n')).toBe(true);
    expect(text).toContain('[Keep a Changelog](https://keepachangelog.com/en/1.1.0/)');
    expect(text.endsWith('## [Unreleased]\n')).toBe(true);
    const parsed = parseChangelog(text, 'CHANGELOG.md');
    expect(parsed.releases).toEqual([]);
  });
});
