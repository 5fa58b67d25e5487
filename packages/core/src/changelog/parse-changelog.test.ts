import { describe, expect, it } from 'vitest';
import { thrownShipgateError } from '../testing/thrown-shipgate-error.js';
import { hasReleaseSection, parseChangelog, unreleasedBody } from './parse-changelog.js';

const UNRELEASED = '### Added\n\n- Export API for orders (#214)\n\n### Fixed\n\n- Crash when the cart is empty (#219)\n';
const OLD_SECTION = '## [2.6.0] - 2024-05-01\n\n### Added\n\n- Wishlist sharing (#201)\n\n### Fixed\n\n- Currency rounding on invoices (#198)\n';
const LINKS = '[Unreleased]: https://example.com/acme/acme-web/compare/v2.6.0...HEAD\n[2.6.0]: https://example.com/acme/acme-web/compare/v2.5.0...v2.6.0\n';
const CHANGELOG = `# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n## [Unreleased]\n\n${UNRELEASED}\n${OLD_SECTION}\n${LINKS}`;


describe('parseChangelog', () => {
  it('finds Unreleased, the releases and the links with exact offsets', () => {
    const parsed = parseChangelog(CHANGELOG, 'CHANGELOG.md');
    expect(parsed.unreleased).toMatchObject({ kind: 'unreleased', heading: '## [Unreleased]', line: 5 });
    expect(CHANGELOG.slice(parsed.unreleased.start, parsed.unreleased.bodyStart)).toBe('## [Unreleased]\n');
    expect(parsed.releases).toHaveLength(1);
    const release = parsed.releases[0]!;
    expect(release).toMatchObject({ version: '2.6.0', date: '2024-05-01', heading: '## [2.6.0] - 2024-05-01' });
    expect(CHANGELOG.slice(release.start, release.end)).toBe(`${OLD_SECTION}\n`);
    expect(parsed.links.map((l) => [l.label, l.url])).toEqual([
      ['Unreleased', 'https://example.com/acme/acme-web/compare/v2.6.0...HEAD'],
      ['2.6.0', 'https://example.com/acme/acme-web/compare/v2.5.0...v2.6.0'],
    ]);
    expect(CHANGELOG.slice(parsed.linksStart ?? 0)).toBe(LINKS);
    expect(parsed.eol).toBe('\n');
  });

  it.each([
    '## [Unreleased]',
    '## Unreleased',
    '## [unreleased]',
    '## UNRELEASED',
    '## [Unreleased](https://example.com/compare/v1.0.0...HEAD)',
    '## [Unreleased][]',
    '## [Unreleased] - next',
  ])('recognises the heading "%s"', (heading) => {
    const parsed = parseChangelog(`# Changelog\n\n${heading}\n\n- x\n\n## 1.0.0 - 2024-01-01\n`, 'CHANGELOG.md');
    expect(parsed.unreleased.heading).toBe(heading);
    expect(unreleasedBody(parsed)).toBe('- x\n');
    expect(parsed.releases[0]).toMatchObject({ version: '1.0.0', date: '2024-01-01' });
  });

  it('reads release headings with a v, a link or no date', () => {
    const parsed = parseChangelog('## [Unreleased]\n## [v3.0.0-rc.1] - 2024-06-01\n## [2.0.0](https://x/y) (2024-02-02)\n## 1.0.0\n## Older notes\n', 'C.md');
    expect(parsed.releases.map((r) => [r.version, r.date])).toEqual([
      ['3.0.0-rc.1', '2024-06-01'],
      ['2.0.0', '2024-02-02'],
      ['1.0.0', null],
    ]);
    expect(parsed.sections.map((s) => s.kind)).toEqual(['unreleased', 'release', 'release', 'release', 'other']);
  });

  it('ignores headings inside fenced code blocks', () => {
    const parsed = parseChangelog('## [Unreleased]\n\n```md\n## [9.9.9] - 2024-01-01\n```\n\n## [1.0.0] - 2024-01-01\n', 'CHANGELOG.md');
    expect(parsed.releases.map((r) => r.version)).toEqual(['1.0.0']);
  });

  it('blocks with the file, a hint and the line of the newest release when Unreleased is missing', () => {
    const error = thrownShipgateError(() => parseChangelog('# Changelog\n\n## [2.6.0] - 2024-05-01\n\n- x\n', 'CHANGELOG.md'));
    expect(error.code).toBe('GATE_BLOCKED');
    expect(error.message).toBe('CHANGELOG.md has no "## [Unreleased]" section');
    expect(error.location).toEqual({ file: 'CHANGELOG.md', line: 3 });
    expect(error.hint).toContain('add "## [Unreleased]" above the newest release section');
  });

  it('blocks an empty file too', () => {
    expect(thrownShipgateError(() => parseChangelog('', 'CHANGELOG.md')).location).toEqual({ file: 'CHANGELOG.md' });
  });

  it('detects CRLF files', () => {
    expect(parseChangelog(CHANGELOG.replace(/\n/g, '\r\n'), 'CHANGELOG.md').eol).toBe('\r\n');
  });
});

describe('unreleasedBody', () => {
  it('is the Unreleased text without surrounding blank lines and one trailing newline', () => {
    expect(unreleasedBody(parseChangelog(CHANGELOG, 'CHANGELOG.md'))).toBe(UNRELEASED);
  });

  it('is empty for an empty section, also at the end of the file or before the links', () => {
    expect(unreleasedBody(parseChangelog('## [Unreleased]\n\n\n## [1.0.0] - 2024-01-01\n', 'c'))).toBe('');
    expect(unreleasedBody(parseChangelog('## [Unreleased]', 'c'))).toBe('');
    expect(unreleasedBody(parseChangelog('## [Unreleased]\n  \n\n[Unreleased]: https://x/compare/abc...HEAD\n', 'c'))).toBe('');
  });

  it('uses \\n line endings even in a CRLF file', () => {
    expect(unreleasedBody(parseChangelog(CHANGELOG.replace(/\n/g, '\r\n'), 'c'))).toBe(UNRELEASED);
  });

  it('stops before the link definitions when Unreleased is the last section', () => {
    expect(unreleasedBody(parseChangelog('## [Unreleased]\n\n### Added\n\n- first\n\n[Unreleased]: https://x/compare/abc...HEAD\n', 'c'))).toBe('### Added\n\n- first\n');
  });
});

describe('hasReleaseSection', () => {
  it('tells whether a version already has its section', () => {
    const parsed = parseChangelog(CHANGELOG, 'CHANGELOG.md');
    expect(hasReleaseSection(parsed, '2.6.0')).toBe(true);
    expect(hasReleaseSection(parsed, 'v2.6.0')).toBe(true);
    expect(hasReleaseSection(parsed, '2.7.0')).toBe(false);
  });
});
