// Issue 17: npm lockfiles hold the version twice (top-level and packages[""]); a release
// writes both and changes no other byte. Real lockfile heads: fixtures/README.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMember } from './json-member.js';
import { readVersion, writeVersion } from './version-file.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Replaces the `n`-th line (1-based), which must be exactly `from`, by `to`. */
function withLine(text: string, n: number, from: string, to: string): string {
  const lines = text.split('\n');
  expect(lines[n - 1]).toBe(from);
  lines[n - 1] = to;
  return lines.join('\n');
}

describe('npm lockfiles', () => {
  it('bumps both versions of commander\'s lockfileVersion 3 package-lock.json (line 3 and line 9)', () => {
    const before = fixture('commander-package-lock.json');
    expect(readVersion('package-lock.json', before).version).toBe('15.0.0');
    const after = writeVersion('package-lock.json', before, '15.0.1');
    const expected = withLine(withLine(before, 3, '  "version": "15.0.0",', '  "version": "15.0.1",'), 9, '      "version": "15.0.0",', '      "version": "15.0.1",');
    expect(after).toBe(expected);
  });

  it.each(['package-lock.json', 'npm-shrinkwrap.json', 'packages/app/package-lock.json'])('bumps both in dotenv\'s lockfileVersion 2 as %s, nested "version"s untouched', (name) => {
    const before = fixture('dotenv-package-lock.json');
    const after = writeVersion(name, before, '17.4.3');
    const expected = withLine(withLine(before, 3, '  "version": "17.4.2",', '  "version": "17.4.3",'), 9, '      "version": "17.4.2",', '      "version": "17.4.3",');
    expect(after).toBe(expected);
    const parsed = JSON.parse(after) as { packages: Record<string, { version?: string }> };
    expect(Object.entries(parsed.packages).filter(([key]) => key !== '').map(([, p]) => p.version)).toEqual(
      Object.entries((JSON.parse(before) as typeof parsed).packages).filter(([key]) => key !== '').map(([, p]) => p.version),
    );
  });

  it('leaves a lockfileVersion 1 file (no packages) with its one version', () => {
    const v1 = '{\n  "name": "x",\n  "version": "1.0.0",\n  "lockfileVersion": 1,\n  "dependencies": {\n    "a": { "version": "1.0.0" }\n  }\n}\n';
    expect(writeVersion('package-lock.json', v1, '1.0.1')).toBe(v1.replace('"version": "1.0.0",\n  "lockfileVersion"', '"version": "1.0.1",\n  "lockfileVersion"'));
  });

  it('keeps package.json rules for other JSON files: a nested packages[""] is not a version', () => {
    const pkg = '{ "version": "1.0.0", "packages": { "": { "version": "1.0.0" } } }';
    expect(writeVersion('package.json', pkg, '1.0.1')).toBe('{ "version": "1.0.1", "packages": { "": { "version": "1.0.0" } } }');
  });
});

describe('findMember', () => {
  it('finds a value through nested objects, the last duplicate winning as in JSON.parse', () => {
    const text = '{"packages": {"": {"version": "1"}}, "packages": {"": {"name": "x", "version": "2"}}}';
    const span = findMember(text, ['packages', '', 'version']);
    expect(span && text.slice(span.start, span.end)).toBe('"2"');
    expect(findMember('{"packages": []}', ['packages', '', 'version'])).toBeNull();
  });
});
