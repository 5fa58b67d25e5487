import { describe, expect, it } from 'vitest';
import { ShipgateError } from '../errors.js';
import { parseConfig } from './parse-config.js';

const options = { file: '.shipgate.yaml', defaultProject: 'acme-web' };
const parse = (text: string | null) => parseConfig(text, options);

function configError(text: string): ShipgateError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof ShipgateError) return error;
    throw error;
  }
  throw new Error('expected a CONFIG_INVALID error');
}

describe('parseConfig defaults', () => {
  it('gives every default when there is no file', () => {
    expect(parse(null)).toEqual({
      project: 'acme-web',
      git: { remote: 'origin', mainBranch: 'main' },
      version: { files: ['package.json'], tagPrefix: 'v' },
      changelog: 'CHANGELOG.md',
      specs: 'specs',
      gates: { stagingValidation: true, rollback: true, repository: true },
      deploy: { provider: 'git-branch', branch: 'production' },
      health: { checks: [] },
      monitoring: {
        enabled: false,
        windowSeconds: 900,
        baselineSeconds: 900,
        warmupSeconds: 60,
        intervalSeconds: 30,
        thresholds: { errorRateIncrease: 1, latencyDegradation: 0.1, errorRateCeiling: 0.5, minRequests: 200 },
        source: { kind: 'scrape', url: '' },
        onBreach: 'rollback',
        onInconclusive: 'alert',
        failAfter: 2,
        maxSourceErrors: 3,
      },
      report: { commit: true },
    });
  });

  it('treats an empty file, a comment-only file and empty sections as defaults', () => {
    const none = parse(null);
    expect(parse('')).toEqual(none);
    expect(parse('# nothing configured yet\n')).toEqual(none);
    expect(parse('git:\ndeploy:\nhealth:\n  checks:\nmonitoring:\n')).toEqual(none);
  });

  it('reads the contract example exactly', () => {
    const config = parse(`project: acme-web            # display name
git:
  remote: origin
  mainBranch: main
version:
  files: [package.json]
  tagPrefix: v
changelog: CHANGELOG.md
specs: specs
gates:
  stagingValidation: true
  rollback: true
deploy:
  provider: git-branch
  branch: production
health:
  checks:
    - name: api-health
      url: http://127.0.0.1:4401/health
      expectStatus: 200
monitoring:
  enabled: false
`);
    expect(config.deploy).toEqual({ provider: 'git-branch', branch: 'production' });
    expect(config.health.checks).toEqual([
      {
        kind: 'http',
        name: 'api-health',
        url: 'http://127.0.0.1:4401/health',
        method: 'GET',
        headers: {},
        expectStatus: [200],
        timeoutSeconds: 5,
        intervalSeconds: 2,
        initialDelaySeconds: 0,
        successThreshold: 1,
        failureThreshold: 3,
        deadlineSeconds: 45,
        severity: 'critical',
      },
    ]);
    expect(config.monitoring.source).toEqual({ kind: 'scrape', url: 'http://127.0.0.1:4401/metrics' });
  });

  it('reads the top-level settings it is given', () => {
    const config = parse(`project: Acme Storefront
git: { remote: upstream, mainBranch: trunk }
version:
  files: package.json
  tagPrefix: ""
changelog: docs/CHANGELOG.md
specs: features/
gates: { stagingValidation: false, rollback: false, repository: false }
report: { commit: false }
productionUrl: https://acme.example
`);
    expect(config).toMatchObject({
      project: 'Acme Storefront',
      git: { remote: 'upstream', mainBranch: 'trunk' },
      version: { files: ['package.json'], tagPrefix: '' },
      changelog: 'docs/CHANGELOG.md',
      specs: 'features',
      gates: { stagingValidation: false, rollback: false, repository: false },
      report: { commit: false },
      productionUrl: 'https://acme.example',
    });
  });

  it('accepts a $schema key for editors', () => {
    expect(parse('$schema: ./node_modules/@shipgate/core/shipgate.schema.json\n').project).toBe('acme-web');
  });
});

describe('parseConfig errors name file:line:column, the field, what was found and expected', () => {
  it('names an unknown provider with the known ones', () => {
    const error = configError('project: acme-web\n\ndeploy:\n  provider: vercell\n');
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.exitCode).toBe(2);
    expect(error.format().split('\n')[0]).toBe('.shipgate.yaml:4:13 deploy.provider: unknown provider "vercell" (known: git-branch, command, github-actions)');
    expect(error.location).toEqual({ file: '.shipgate.yaml', line: 4, column: 13, field: 'deploy.provider' });
    expect(error.hint).toMatch(/provider: command/);
  });

  it('suggests the key a typo meant', () => {
    const error = configError('project: acme\nhelth:\n  checks: []\n');
    expect(error.format()).toBe('.shipgate.yaml:2:1 helth: unknown key "helth" (did you mean "health"?)\n  → known keys: project, git, version, changelog, specs, gates, deploy, health, monitoring, report, productionUrl');
  });

  it('suggests nested keys too', () => {
    const error = configError('git:\n  mainbranch: trunk\n');
    expect(error.format().split('\n')[0]).toBe('.shipgate.yaml:2:3 git.mainbranch: unknown key "mainbranch" (did you mean "mainBranch"?)');
  });

  it('reports YAML syntax errors at the parser position', () => {
    const error = configError('deploy:\n  provider: git-branch\n health: [\n');
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.location.file).toBe('.shipgate.yaml');
    expect(error.location.line).toBeGreaterThanOrEqual(2);
    expect(error.location.column).toBeGreaterThanOrEqual(1);
    expect(error.message).toMatch(/^invalid YAML: /);
  });

  it('refuses a duplicate key', () => {
    const error = configError('project: a\nproject: b\n');
    expect(error.format().split('\n')[0]).toBe('.shipgate.yaml:2:1 invalid YAML: Map keys must be unique');
  });

  it('refuses wrong types with what was found', () => {
    expect(configError('git:\n  remote: [origin]\n').format().split('\n')[0]).toBe('.shipgate.yaml:2:11 git.remote: expected a string, found a list');
    expect(configError('gates:\n  rollback: "yes"\n').format().split('\n')[0]).toBe('.shipgate.yaml:2:13 gates.rollback: expected true or false, found "yes"');
    expect(configError('git: origin\n').format().split('\n')[0]).toBe('.shipgate.yaml:1:6 git: expected a map of settings, found "origin"');
    expect(configError('- a\n- b\n').message).toMatch(/expected a map of settings at the top level/);
    expect(configError('- a\n- b\n').hint).toBe('write a map of settings at the top level (project:, deploy:, health: …)');
  });

  it('refuses empty strings', () => {
    expect(configError('project: ""\n').format().split('\n')[0]).toBe('.shipgate.yaml:1:10 project: expected a non-empty string, found ""');
    expect(configError('version:\n  files: []\n').format().split('\n')[0]).toBe('.shipgate.yaml:2:10 version.files: expected a list with at least one entry, found an empty list');
    expect(configError('version:\n  files: [package.json, ""]\n').location.field).toBe('version.files[1]');
  });

  it('refuses a bad productionUrl', () => {
    const error = configError('productionUrl: acme.example\n');
    expect(error.format()).toBe('.shipgate.yaml:1:16 productionUrl: expected an http(s) URL, found "acme.example"\n  → write the full URL with its scheme, e.g. "http://acme.example"');
  });
});
