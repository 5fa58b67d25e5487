// shipgate.schema.json and the parser describe the same file: the keys the parser accepts
// (config-keys.ts), the keys the examples use, and the keys the schema declares are one
// set, and the schema's defaults are the parser's.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CONFIG_KEYS } from './config-keys.js';
import { parseConfig } from './parse-config.js';

type Schema = { [key: string]: unknown } | boolean;

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../shipgate.schema.json'), 'utf8')) as { [key: string]: unknown };
const examplesDir = join(import.meta.dirname, 'examples');
const examples = readdirSync(examplesDir).filter((name) => name.endsWith('.yaml'));
const FREE_FORM = new Set(['deploy.inputs', 'deploy.rollbackInputs', 'health.checks[].headers', 'health.checks[].json']);

const join2 = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

function deref(node: Schema): Schema {
  if (typeof node !== 'object' || typeof node.$ref !== 'string') return node;
  const name = node.$ref.replace('#/$defs/', '');
  return deref((schema.$defs as Record<string, Schema>)[name]!);
}

/** Every key path the schema declares (`health.checks[].url`), following $ref, allOf/oneOf and if/then. */
function schemaPaths(node: Schema, parent = '', out = new Set<string>()): Set<string> {
  const resolved = deref(node);
  if (typeof resolved !== 'object') return out;
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) for (const sub of (resolved[keyword] as Schema[] | undefined) ?? []) schemaPaths(sub, parent, out);
  if (resolved.then) schemaPaths(resolved.then as Schema, parent, out);
  for (const [key, sub] of Object.entries((resolved.properties as Record<string, Schema> | undefined) ?? {})) {
    if (sub === false) continue;
    out.add(join2(parent, key));
    schemaPaths(sub, join2(parent, key), out);
  }
  if (resolved.items) schemaPaths(resolved.items as Schema, `${parent}[]`, out);
  return out;
}

/** Every key path a parsed YAML value uses. */
function valuePaths(value: unknown, parent = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) valuePaths(item, `${parent}[]`, out);
  else if (value && typeof value === 'object' && !FREE_FORM.has(parent)) {
    for (const [key, sub] of Object.entries(value)) {
      out.add(join2(parent, key));
      valuePaths(sub, join2(parent, key), out);
    }
  }
  return out;
}

/** The parser's accepted keys (config-keys.ts) as paths. */
function acceptedPaths(): Set<string> {
  const union = (table: Record<string, readonly string[]>) => Object.values(table).flat();
  const sections: Array<[string, readonly string[]]> = [
    ['', CONFIG_KEYS.root],
    ['git', CONFIG_KEYS.git],
    ['version', CONFIG_KEYS.version],
    ['gates', CONFIG_KEYS.gates],
    ['deploy', union(CONFIG_KEYS.deploy)],
    ['deploy.waitForVersion', CONFIG_KEYS.waitForVersion],
    ['deploy.githubRelease', CONFIG_KEYS.githubRelease],
    ['health', CONFIG_KEYS.health],
    ['health.checks[]', union(CONFIG_KEYS.check)],
    ['monitoring', CONFIG_KEYS.monitoring],
    ['monitoring.thresholds', CONFIG_KEYS.thresholds],
    ['monitoring.source', CONFIG_KEYS.source],
    ['report', CONFIG_KEYS.report],
  ];
  return new Set(sections.flatMap(([parent, keys]) => keys.map((key) => join2(parent, key))));
}

const sorted = (set: Set<string>) => [...set].sort();

describe('shipgate.schema.json', () => {
  it('is a draft 2020-12 schema that refuses unknown keys at the top', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
  });

  it('has examples for every provider, and each one parses', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const name of examples) {
      const config = parseConfig(readFileSync(join(examplesDir, name), 'utf8'), { file: name, defaultProject: 'example' });
      expect(config.project).toBeTruthy();
    }
  });

  it('declares exactly the keys the parser accepts', () => {
    expect(sorted(schemaPaths(schema))).toEqual(sorted(acceptedPaths()));
  });

  it('is covered by the examples: every declared key is used in one, and no example uses an undeclared one', () => {
    const used = new Set<string>();
    for (const name of examples) valuePaths(parseYaml(readFileSync(join(examplesDir, name), 'utf8')), '', used);
    expect(sorted(used)).toEqual(sorted(schemaPaths(schema)));
  });

  it('declares the parser defaults', () => {
    const base = `deploy:
  waitForVersion: { url: "https://a.example/v" }
  githubRelease: { repository: a/b }
health:
  checks: [{ name: api, url: "https://a.example/health" }]
`;
    const byProvider: Record<string, string> = {
      '': base,
      command: base.replace('deploy:\n', 'deploy:\n  provider: command\n  command: x\n'),
      'github-actions': base.replace('deploy:\n', 'deploy:\n  provider: github-actions\n  repository: a/b\n  workflow: d.yml\n'),
    };
    const defaults = schemaDefaults(schema);
    expect(defaults.length).toBeGreaterThan(40);
    for (const { path, value, provider } of defaults) {
      const config = parseConfig(byProvider[provider]!, { file: '.shipgate.yaml', defaultProject: 'x' });
      expect({ path, provider, value: resolvedAt(config, path) }).toEqual({ path, provider, value });
    }
  });
});

interface DeclaredDefault {
  path: string;
  value: unknown;
  /** Provider the default applies to ('' = any). */
  provider: string;
}

function schemaDefaults(node: Schema, parent = '', provider = '', out: DeclaredDefault[] = []): DeclaredDefault[] {
  const resolved = deref(node);
  if (typeof resolved !== 'object') return out;
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) for (const sub of (resolved[keyword] as Schema[] | undefined) ?? []) schemaDefaults(sub, parent, provider, out);
  if (resolved.then) {
    const condition = (resolved.if as { properties?: { provider?: { const?: string } } } | undefined)?.properties?.provider?.const ?? '';
    schemaDefaults(resolved.then as Schema, parent, condition === 'git-branch' ? '' : condition, out);
  }
  for (const [key, sub] of Object.entries((resolved.properties as Record<string, Schema> | undefined) ?? {})) {
    if (typeof sub !== 'object') continue;
    if ('default' in sub) out.push({ path: join2(parent, key), value: sub.default, provider: provider || providerOwning(parent, key) });
    schemaDefaults(sub, join2(parent, key), provider, out);
  }
  if (resolved.items) schemaDefaults(resolved.items as Schema, `${parent}[]`, provider, out);
  return out;
}

/** The one provider a deploy key belongs to ('' when common or not a deploy key). */
function providerOwning(parent: string, key: string): string {
  if (parent !== 'deploy') return '';
  const owners = Object.entries(CONFIG_KEYS.deploy).filter(([, keys]) => (keys as readonly string[]).includes(key));
  return owners.length === 1 && owners[0]![0] !== 'common' && owners[0]![0] !== 'git-branch' ? owners[0]![0] : '';
}

/** The resolved value behind a YAML key path: durations resolve to their `…Seconds` field. */
function resolvedAt(config: unknown, path: string): unknown {
  const RESOLVED_NAME: Record<string, string> = { pollInterval: 'pollSeconds', timeout: 'timeoutSeconds', interval: 'intervalSeconds', initialDelay: 'initialDelaySeconds', deadline: 'deadlineSeconds', window: 'windowSeconds', baseline: 'baselineSeconds', warmup: 'warmupSeconds' };
  let current = config as Record<string, unknown> | unknown[] | undefined;
  for (const segment of path.replace(/\[\]/g, '.0').split('.')) {
    const key = RESOLVED_NAME[segment] ?? segment;
    current = (current as Record<string, unknown> | undefined)?.[key] as typeof current;
  }
  return current;
}
