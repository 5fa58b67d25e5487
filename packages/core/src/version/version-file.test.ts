import { describe, expect, it } from 'vitest';
import { thrownShipgateError } from '../testing/thrown-shipgate-error.js';
import { readVersion, writeVersion } from './version-file.js';

// The acceptance fixture's package.json, odd spacing included.
const PACKAGE_JSON = `{
  "name": "acme-web",
  "version": "2.6.0",
  "private": true,
  "description": "Acme storefront",
  "scripts": { "start": "node server.js" },
  "keywords": ["shop",   "web"]
}
`;


describe('package.json', () => {
  it('reads the top-level version with its line and column', () => {
    expect(readVersion('package.json', PACKAGE_JSON)).toEqual({ version: '2.6.0', line: 3, column: 15 });
  });

  it('changes only the version, keeping every other byte (spacing, order, trailing newline)', () => {
    expect(writeVersion('package.json', PACKAGE_JSON, '2.7.0')).toBe(PACKAGE_JSON.replace('"2.6.0"', '"2.7.0"'));
    const noNewline = PACKAGE_JSON.trimEnd();
    expect(writeVersion('package.json', noNewline, '2.7.0')).toBe(noNewline.replace('2.6.0', '2.7.0'));
  });

  it('keeps tabs, CRLF and compact JSON as they are', () => {
    const tabs = '{\r\n\t"name":"x",\r\n\t"version" :  "1.0.0" ,\r\n\t"a":[1,2]\r\n}\r\n';
    expect(writeVersion('package.json', tabs, '1.1.0')).toBe(tabs.replace('1.0.0', '1.1.0'));
    expect(writeVersion('package.json', '{"version":"1.0.0"}', '2.0.0')).toBe('{"version":"2.0.0"}');
  });

  it('does not touch nested "version" keys, before or after the top-level one', () => {
    const text = `{
  "name": "x",
  "engines": { "version": "9.9.9" },
  "dependencies": {
    "left-pad": { "version": "1.3.0", "nested": [{ "version": "0.0.1" }] }
  },
  "description": "a \\"version\\": \\"5.5.5\\" in a string",
  "version": "2.6.0",
  "overrides": { "version": "7.7.7" }
}
`;
    expect(readVersion('package.json', text)).toMatchObject({ version: '2.6.0', line: 8 });
    const written = writeVersion('package.json', text, '2.7.0');
    expect(written).toBe(text.replace('"version": "2.6.0"', '"version": "2.7.0"'));
    for (const nested of ['9.9.9', '1.3.0', '0.0.1', '5.5.5', '7.7.7']) expect(written).toContain(nested);
  });

  it('reads any *.json file the same way, path included', () => {
    expect(readVersion('apps/web/manifest.json', '{ "version": "0.2.0" }').version).toBe('0.2.0');
  });

  it('says "no version found" with the file, field and a hint', () => {
    const error = thrownShipgateError(() => readVersion('package.json', '{ "name": "x", "deps": { "version": "1.0.0" } }'));
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', message: 'no version found', location: { file: 'package.json', field: 'version' } });
    expect(error.hint).toContain('"version": "0.1.0"');
  });

  it('points at a non-semver version with line and column, the value and what is expected', () => {
    const error = thrownShipgateError(() => readVersion('package.json', '{\n  "name": "x",\n    "version": "2.6"\n}\n'));
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', location: { file: 'package.json', line: 3, column: 17, field: 'version' } });
    expect(error.message).toContain('"2.6"');
    expect(error.message).toContain('MAJOR.MINOR.PATCH');
    expect(error.format()).toMatch(/^package\.json:3:17 version: /);
  });

  it('refuses a version that is not a string, or has a v prefix', () => {
    expect(thrownShipgateError(() => readVersion('package.json', '{ "version": 2 }')).location).toMatchObject({ line: 1, column: 14 });
    expect(thrownShipgateError(() => readVersion('package.json', '{ "version": "v1.2.3" }')).message).toContain('"v1.2.3"');
  });

  it('reports broken JSON with its position', () => {
    const error = thrownShipgateError(() => readVersion('package.json', '{\n  "version": "1.0.0",\n}\n'));
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', location: { file: 'package.json', line: 3, column: 1 } });
  });

  it('refuses to write a next version that is not semver', () => {
    expect(thrownShipgateError(() => writeVersion('package.json', PACKAGE_JSON, 'next')).code).toBe('USAGE');
  });
});

describe('TOML files', () => {
  const PYPROJECT = `[build-system]
requires = ["hatchling"]
version = "9.9.9"

[project]
name = "acme"
version = "1.4.2"  # bumped by shipgate

[tool.other]
version = "0.0.0"
`;

  it('reads and writes version in [project] of pyproject.toml, not in other tables', () => {
    expect(readVersion('pyproject.toml', PYPROJECT)).toEqual({ version: '1.4.2', line: 7, column: 12 });
    expect(writeVersion('pyproject.toml', PYPROJECT, '1.5.0')).toBe(PYPROJECT.replace('1.4.2', '1.5.0'));
  });

  it('reads [tool.poetry] and Cargo.toml [package], single quotes included', () => {
    expect(readVersion('pyproject.toml', '[tool.poetry]\nname = "a"\nversion = \'0.3.0\'\n').version).toBe('0.3.0');
    const cargo = '[package]\r\nname = "acme"\r\nversion = "0.1.0"\r\n\r\n[dependencies]\r\nserde = { version = "1.0" }\r\n';
    expect(writeVersion('Cargo.toml', cargo, '0.2.0')).toBe(cargo.replace('0.1.0', '0.2.0'));
  });

  it('finds no version in a workspace-inherited Cargo.toml', () => {
    const error = thrownShipgateError(() => readVersion('crates/a/Cargo.toml', '[package]\nname = "a"\nversion.workspace = true\n'));
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', message: 'no version found', location: { file: 'crates/a/Cargo.toml', field: 'version' } });
  });
});

describe('plain VERSION files', () => {
  it('reads the trimmed content and keeps surrounding whitespace on write', () => {
    expect(readVersion('VERSION', '\n  3.1.4\n')).toEqual({ version: '3.1.4', line: 2, column: 3 });
    expect(writeVersion('version.txt', '3.1.4\n', '3.2.0')).toBe('3.2.0\n');
    expect(writeVersion('VERSION', '3.1.4', '4.0.0')).toBe('4.0.0');
  });

  it('says no version found for an empty file', () => {
    expect(thrownShipgateError(() => readVersion('VERSION', '  \n')).message).toBe('no version found');
  });
});

describe('other text files', () => {
  it.each([
    ['chart.yaml', 'apiVersion: v2\nname: acme\nversion: 1.2.3\nappVersion: "9.9.9"\n'],
    ['setup.cfg', '[metadata]\nname = acme\nversion = "1.2.3"\n'],
    ['manifest.js', 'module.exports = {\n  "version": "1.2.3",\n};\n'],
    ['settings.py', "NAME = 'acme'\nVERSION = '1.2.3'\n"],
    ['src/version.ts', "export const VERSION = '1.2.3';\n"],
    ['acme/__init__.py', '__version__ = "1.2.3"\n'],
  ])('finds the first version in %s and rewrites only it', (file, text) => {
    expect(readVersion(file, text).version).toBe('1.2.3');
    expect(writeVersion(file, text, '1.3.0')).toBe(text.replace('1.2.3', '1.3.0'));
  });

  it('reports a non-semver first version with its position', () => {
    const error = thrownShipgateError(() => readVersion('docker-compose.yml', "services: {}\nversion: '3.8'\n"));
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', location: { file: 'docker-compose.yml', line: 2, column: 11, field: 'version' } });
  });

  it('says no version found, with a hint, when no line has one', () => {
    const error = thrownShipgateError(() => readVersion('README.md', '# Acme\n\nThe versioning policy is semver.\n'));
    expect(error).toMatchObject({ message: 'no version found', location: { file: 'README.md', field: 'version' } });
    expect(error.hint).toContain('version: 0.1.0');
  });
});
