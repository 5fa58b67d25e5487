import { describe, expect, it } from 'vitest';
import { bumpFromChangelog } from '../changelog/bump-from-changelog.js';

const FIXTURE_UNRELEASED = '### Added\n\n- Export API for orders (#214)\n\n### Fixed\n\n- Crash when the cart is empty (#219)\n';

describe('bumpFromChangelog', () => {
  it('gives minor for Added plus Fixed, with the section and entry of each', () => {
    const result = bumpFromChangelog(FIXTURE_UNRELEASED);
    expect(result.bump).toBe('minor');
    expect(result.reasons).toEqual([
      { bump: 'minor', changelogSection: 'Added', entry: 'Export API for orders (#214)', note: '### Added → minor' },
      { bump: 'patch', changelogSection: 'Fixed', entry: 'Crash when the cart is empty (#219)', note: '### Fixed → patch' },
    ]);
  });

  it.each([
    ['Removed', 'major'],
    ['Added', 'minor'],
    ['Changed', 'minor'],
    ['Deprecated', 'minor'],
    ['Fixed', 'patch'],
    ['Security', 'patch'],
    ['fixed', 'patch'],
  ])('### %s → %s', (section, bump) => {
    expect(bumpFromChangelog(`### ${section}\n\n- something\n`).bump).toBe(bump);
  });

  it('gives major for an entry containing BREAKING, whatever its section', () => {
    const result = bumpFromChangelog('### Fixed\n\n- **BREAKING** the config file moved\n- a fix\n');
    expect(result.bump).toBe('major');
    expect(result.reasons[0]).toMatchObject({ bump: 'major', changelogSection: 'Fixed', note: 'entry marked breaking → major' });
  });

  it('sees BREAKING on a wrapped continuation line of an entry', () => {
    expect(bumpFromChangelog('### Changed\n\n- the export format\n  is new (BREAKING)\n').bump).toBe('major');
  });

  it('counts nothing for unknown headings or entries outside a section, and says why', () => {
    const result = bumpFromChangelog('- loose entry\n\n### Notes\n\n- thanks everyone\n');
    expect(result.bump).toBeNull();
    expect(result.reasons[0]).toMatchObject({ bump: 'none', entry: 'loose entry' });
    expect(result.reasons[0]?.note).toMatch(/without a ### category is kept as written but decides nothing by itself/);
    expect(result.reasons[1]).toMatchObject({ bump: 'none', changelogSection: 'Notes', entry: 'thanks everyone' });
    expect(result.reasons[1]?.note).toMatch(/unknown section "### Notes" counts nothing \(known: Added, Changed/);
  });

  it('releases nothing for an empty body, headings without entries, or only comments', () => {
    expect(bumpFromChangelog('')).toEqual({ bump: null, reasons: [] });
    expect(bumpFromChangelog('### Added\n\n### Fixed\n').bump).toBeNull();
    expect(bumpFromChangelog('<!-- add entries under\n### Added -->\n').bump).toBeNull();
  });

  it('keeps the ### section across #### sub-headings, and reads CRLF', () => {
    expect(bumpFromChangelog('### Removed\r\n\r\n#### API\r\n\r\n- /v1/orders\r\n').reasons).toEqual([
      { bump: 'major', changelogSection: 'Removed', entry: '/v1/orders', note: '### Removed → major' },
    ]);
  });
});
