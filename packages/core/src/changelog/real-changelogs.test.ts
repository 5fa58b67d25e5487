// Issue 17: releases of the CHANGELOGs real projects keep (fixtures/README.md says where each
// excerpt comes from). Every test compares the whole file after the release, byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { thrownShipgateError } from '../testing/thrown-shipgate-error.js';
import { bumpFromChangelog } from './bump-from-changelog.js';
import { hasWrittenEntries, parseChangelog, unreleasedBody } from './parse-changelog.js';
import { releaseChangelog } from './release-changelog.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const DATE = '2026-11-29';

/** `text` with `insert` placed right before the first occurrence of `before` (which must be there once). */
function insertBefore(text: string, before: string, insert: string): string {
  expect(text.split(before)).toHaveLength(2);
  return text.replace(before, `${insert}${before}`);
}


describe('commander: "## [Unreleased] (date goes here)", *Breaking:*, [Unreleased] comparing master...develop', () => {
  const before = fixture('commander-CHANGELOG.md');

  it('reads the heading with text after the brackets as the Unreleased section, on line 11', () => {
    const parsed = parseChangelog(before, 'CHANGELOG.md');
    expect(parsed.unreleased).toMatchObject({ heading: '## [Unreleased] (date goes here)', line: 11 });
    expect(unreleasedBody(parsed).startsWith('### Changed\n\n- *Breaking:* Commander 12 requires Node.js v18 or higher\n')).toBe(true);
  });

  it('names the line of an Unreleased heading it cannot read as the section', () => {
    const error = thrownShipgateError(() => parseChangelog(before.replace('## [Unreleased] (date goes here)', '# [Unreleased] (date goes here)'), 'CHANGELOG.md'));
    expect(error.location).toEqual({ file: 'CHANGELOG.md', line: 11 });
    expect(error.format()).toMatch(/^CHANGELOG\.md:11 "# \[Unreleased\] \(date goes here\)" is not read as the Unreleased section: it must be a level-2 heading/);
  });

  it('makes *Breaking:* under ### Changed a major', () => {
    const result = bumpFromChangelog('### Changed\n\n- *Breaking:* Commander 12 requires Node.js v18 or higher\n');
    expect(result).toEqual({
      bump: 'major',
      reasons: [{ bump: 'major', changelogSection: 'Changed', entry: '*Breaking:* Commander 12 requires Node.js v18 or higher', note: 'entry marked breaking → major' }],
    });
  });

  it('moves the entries (migration tips and code block included) under 12.0.0, keeps the branch compare link and adds a version link', () => {
    const { text, body } = releaseChangelog(before, { file: 'CHANGELOG.md', version: '12.0.0', previousVersion: '11.0.0', date: DATE, tagPrefix: 'v' });
    const expected = insertBefore(
      insertBefore(before, '### Changed\n\n- *Breaking:* Commander 12', '## [12.0.0] - 2026-11-29\n\n'),
      '[11.0.0]: https://github.com/tj/commander.js/compare/v10.0.1...v11.0.0\n',
      '[12.0.0]: https://github.com/tj/commander.js/compare/v11.0.0...v12.0.0\n',
    );
    expect(text).toBe(expected);
    expect(text).toContain('[Unreleased]: https://github.com/tj/commander.js/compare/master...develop\n');
    expect(body.endsWith("```js\n// const program = require('commander');\nconst { program } = require('commander');\n```\n")).toBe(true);
  });
});

describe('dotenv: inline "## [Unreleased](…/compare/v17.4.2...master)" and inline version links', () => {
  const before = fixture('dotenv-CHANGELOG.md');

  it('moves the Unreleased link to the new tag and links the new heading the same way, adding no bottom link', () => {
    const { text } = releaseChangelog(before, { file: 'CHANGELOG.md', version: '18.0.0', previousVersion: '17.4.2', date: DATE, tagPrefix: 'v' });
    const expected = insertBefore(
      before.replace('## [Unreleased](https://github.com/motdotla/dotenv/compare/v17.4.2...master)\n', '## [Unreleased](https://github.com/motdotla/dotenv/compare/v18.0.0...master)\n'),
      '```\n     _       _ ',
      '## [18.0.0](https://github.com/motdotla/dotenv/compare/v17.4.2...v18.0.0) - 2026-11-29\n\n',
    );
    expect(text).toBe(expected);
  });
});

describe('markdown-it: version links without an [Unreleased] link, [breaking] entries, no tag prefix', () => {
  const before = fixture('markdown-it-CHANGELOG.md');

  it('gives the new version a link shaped like its neighbours', () => {
    const { text } = releaseChangelog(before, { file: 'CHANGELOG.md', version: '15.0.0', previousVersion: '14.3.0', date: DATE, tagPrefix: '' });
    const expected = insertBefore(
      insertBefore(before, '### Added\n- Exposed parser internals', '## [15.0.0] - 2026-11-29\n\n'),
      '[14.3.0]: https://github.com/markdown-it/markdown-it/compare/14.2.0...14.3.0\n',
      // the line markdown-it's maintainers wrote by hand for 15.0.0
      '[15.0.0]: https://github.com/markdown-it/markdown-it/compare/14.3.0...15.0.0\n',
    );
    expect(text).toBe(expected);
  });

  it('reads "[breaking]" in lower case as breaking', () => {
    const result = bumpFromChangelog('### Changed\n- [breaking] `linkify-it` => v6\n  - No fuzzy links by default.\n- Migrated to Typescript.\n');
    expect(result.bump).toBe('major');
    expect(result.reasons[0]).toMatchObject({ bump: 'major', changelogSection: 'Changed', note: 'entry marked breaking → major' });
    expect(bumpFromChangelog('### Fixed\n\n- **BREAKING**: the config file moved\n').bump).toBe('major');
  });
});

describe('axios: LF on top, CRLF below', () => {
  const real = fixture('axios-CHANGELOG.md');
  // the maintainer adds an Unreleased section on top, in the LF part
  const before = real.replace('# Changelog\n\n', '# Changelog\n\n## [Unreleased]\n\n');

  it('really is mixed, with CRLF the majority', () => {
    const crlf = real.split('\r\n').length - 1;
    expect(crlf).toBeGreaterThan(real.split('\n').length - 1 - crlf);
    expect(real.slice(0, real.indexOf('# [1.7.0]'))).not.toContain('\r');
  });

  it('writes the new lines with the ending of the line they follow and changes no existing byte', () => {
    const generated = '### Fixed\n\n- **fetch:** keep the request body on redirects (1a2b3c4)\n';
    const { text } = releaseChangelog(before, { file: 'CHANGELOG.md', version: '1.7.10', previousVersion: '1.7.9', date: DATE, tagPrefix: 'v', generatedBody: generated });
    const expected = insertBefore(
      before,
      '## [1.7.9](https://github.com/axios/axios/compare/v1.7.8...v1.7.9)',
      `## [1.7.10](https://github.com/axios/axios/compare/v1.7.9...v1.7.10) - 2026-11-29\n\n${generated}\n`,
    );
    expect(text).toBe(expected);
  });

  it('moves written entries the same way', () => {
    const written = before.replace('## [Unreleased]\n\n', '## [Unreleased]\n\n### Bug Fixes\n\n* **http:** a fix\n\n');
    const { text } = releaseChangelog(written, { file: 'CHANGELOG.md', version: '1.7.10', previousVersion: '1.7.9', date: DATE, tagPrefix: 'v' });
    expect(text).toBe(insertBefore(written, '### Bug Fixes\n\n* **http:** a fix', '## [1.7.10](https://github.com/axios/axios/compare/v1.7.9...v1.7.10) - 2026-11-29\n\n'));
  });
});

describe('prettier-plugin-tailwindcss: "- Nothing yet!" and entries without a category', () => {
  const before = fixture('prettier-plugin-tailwindcss-CHANGELOG.md');
  const links = {
    old: '[unreleased]: https://github.com/tailwindlabs/prettier-plugin-tailwindcss/compare/v0.2.1...HEAD\n',
    unreleased: (tag: string) => `[unreleased]: https://github.com/tailwindlabs/prettier-plugin-tailwindcss/compare/${tag}...HEAD\n`,
    version: (version: string) => `[${version}]: https://github.com/tailwindlabs/prettier-plugin-tailwindcss/compare/v0.2.1...v${version}\n`,
  };

  it('counts the lone placeholder as empty: it releases nothing and gets no reason of its own', () => {
    const body = unreleasedBody(parseChangelog(before, 'CHANGELOG.md'));
    expect(body).toBe('- Nothing yet!\n');
    expect(hasWrittenEntries(body)).toBe(false);
    expect(bumpFromChangelog(body)).toEqual({ bump: null, reasons: [] });
  });

  it('releases the generated entries instead of the placeholder, which stays under Unreleased', () => {
    const generated = '### Fixed\n\n- **sort:** classes in Liquid tags (1a2b3c4)\n';
    const { text, body } = releaseChangelog(before, { file: 'CHANGELOG.md', version: '0.2.2', previousVersion: '0.2.1', date: DATE, tagPrefix: 'v', generatedBody: generated });
    const expected = insertBefore(before, '## [0.2.1] - 2022-12-08', `## [0.2.2] - 2026-11-29\n\n${generated}\n`).replace(
      links.old,
      `${links.unreleased('v0.2.2')}${links.version('0.2.2')}`,
    );
    expect(text).toBe(expected);
    expect(body).toBe(generated);
  });

  it('keeps an entry without a category as written; alone it decides nothing, and says so', () => {
    const uncategorised = before.replace('## [Unreleased]\n\n- Nothing yet!\n', '## [Unreleased]\n- Require Node JS 20+.\n');
    const body = unreleasedBody(parseChangelog(uncategorised, 'CHANGELOG.md'));
    const decision = bumpFromChangelog(body);
    expect(decision.bump).toBeNull();
    expect(decision.reasons).toEqual([
      {
        bump: 'none',
        entry: 'Require Node JS 20+.',
        note: 'entry without a ### category is kept as written but decides nothing by itself (put it under one of: Added, Changed, Deprecated, Removed, Fixed, Security)',
      },
    ]);
    const { text, body: released } = releaseChangelog(uncategorised, { file: 'CHANGELOG.md', version: '0.2.2', previousVersion: '0.2.1', date: DATE, tagPrefix: 'v' });
    const expected = uncategorised
      .replace('## [Unreleased]\n- Require Node JS 20+.\n', '## [Unreleased]\n\n## [0.2.2] - 2026-11-29\n- Require Node JS 20+.\n')
      .replace(links.old, `${links.unreleased('v0.2.2')}${links.version('0.2.2')}`);
    expect(text).toBe(expected);
    expect(released).toBe('- Require Node JS 20+.\n');
  });
});

describe('headlessui: a tag prefix with a slash (@headlessui/react@v)', () => {
  it('writes the prefix once in both compare links', () => {
    const before = fixture('headlessui-react-CHANGELOG.md');
    const generated = '### Fixed\n\n- **dialog:** restore focus after closing (1a2b3c4)\n';
    const { text } = releaseChangelog(before, { file: 'CHANGELOG.md', version: '2.2.11', previousVersion: '2.2.10', date: DATE, tagPrefix: '@headlessui/react@v', generatedBody: generated });
    const expected = insertBefore(before, '## [2.2.10] - 2026-04-07', `## [2.2.11] - 2026-11-29\n\n${generated}\n`).replace(
      '[unreleased]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/react@v2.2.10...HEAD\n',
      '[unreleased]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/react@v2.2.11...HEAD\n' +
        '[2.2.11]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/react@v2.2.10...@headlessui/react@v2.2.11\n',
    );
    expect(text).toBe(expected);
  });

  it('repairs a mistyped tag in the Unreleased link by comparing from the new tag', () => {
    const before = fixture('headlessui-vue-CHANGELOG.md');
    const { text } = releaseChangelog(before, { file: 'CHANGELOG.md', version: '1.8.0', previousVersion: '1.7.22', date: DATE, tagPrefix: '@headlessui/vue@v' });
    const expected = insertBefore(before, '### Added\n\n- Add `immediate` prop', '## [1.8.0] - 2026-11-29\n\n').replace(
      '[unreleased]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/vu@v1.7.22...HEAD\n',
      '[unreleased]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/vue@v1.8.0...HEAD\n' +
        '[1.8.0]: https://github.com/tailwindlabs/headlessui/compare/@headlessui/vue@v1.7.22...@headlessui/vue@v1.8.0\n',
    );
    expect(text).toBe(expected);
  });
});
