// `.shipgate.yaml` → the resolved ShipgateConfig (config-types.ts), every default filled in.
// Any mistake is a CONFIG_INVALID error naming file:line:column, the dotted field, what
// was found and what was expected.
import { isMap } from 'yaml';
import type { GatesConfig, GitConfig, ShipgateConfig, VersionConfig } from './config-types.js';
import { DEFAULTS } from './config-defaults.js';
import { CONFIG_KEYS } from './config-keys.js';
import { parseDeploy } from './parse-deploy.js';
import { parseHealth } from './parse-health.js';
import { parseMonitoring } from './parse-monitoring.js';
import { booleanOr, optionalString, optionalUrl, stringListOr, stringOr } from './read-values.js';
import { parseYamlSource, YamlField } from './yaml-field.js';
import { YamlMap } from './yaml-map.js';

export interface ParseConfigOptions {
  /** How errors name the file: the path relative to the repository (`.shipgate.yaml`). */
  file: string;
  /** `project` when the file does not set it: the repository directory's name. */
  defaultProject: string;
}

/** `text` null means there is no file: every setting takes its default. */
export function parseConfig(text: string | null, options: ParseConfigOptions): ShipgateConfig {
  const root = YamlField.root(parseYamlSource(text ?? '', options.file));
  const m = YamlMap.open(root.isAbsent ? root : requireMap(root)).allowOnly(CONFIG_KEYS.root);
  optionalString(m.get('$schema'));
  const git = parseGit(m.get('git'));
  const productionUrl = optionalUrl(m.get('productionUrl'));
  const health = parseHealth(m.get('health'));
  return {
    project: stringOr(m.get('project'), options.defaultProject),
    git,
    version: parseVersion(m.get('version')),
    changelog: stringOr(m.get('changelog'), DEFAULTS.changelog),
    specs: stringOr(m.get('specs'), DEFAULTS.specs).replace(/\/+$/, ''),
    gates: parseGates(m.get('gates')),
    deploy: parseDeploy(m.get('deploy'), git),
    health,
    monitoring: parseMonitoring(m.get('monitoring'), { checks: health.checks, productionUrl }),
    report: { commit: booleanOr(YamlMap.open(m.get('report')).allowOnly(CONFIG_KEYS.report).get('commit'), DEFAULTS.report.commit) },
    ...(productionUrl === undefined ? {} : { productionUrl }),
  };
}

function requireMap(root: YamlField): YamlField {
  if (!root.node || !isMap(root.node)) return root.expected('a map of settings at the top level (project:, deploy:, health: …)');
  return root;
}

function parseGit(f: YamlField): GitConfig {
  const m = YamlMap.open(f).allowOnly(CONFIG_KEYS.git);
  return { remote: stringOr(m.get('remote'), DEFAULTS.git.remote), mainBranch: stringOr(m.get('mainBranch'), DEFAULTS.git.mainBranch) };
}

function parseVersion(f: YamlField): VersionConfig {
  const m = YamlMap.open(f).allowOnly(CONFIG_KEYS.version);
  return {
    files: stringListOr(m.get('files'), [...DEFAULTS.version.files], { nonEmpty: true }),
    // An empty prefix is legitimate: tags like 1.2.3.
    tagPrefix: stringOr(m.get('tagPrefix'), DEFAULTS.version.tagPrefix, { allowEmpty: true }),
  };
}

function parseGates(f: YamlField): GatesConfig {
  const m = YamlMap.open(f).allowOnly(CONFIG_KEYS.gates);
  const d = DEFAULTS.gates;
  return {
    stagingValidation: booleanOr(m.get('stagingValidation'), d.stagingValidation),
    rollback: booleanOr(m.get('rollback'), d.rollback),
    repository: booleanOr(m.get('repository'), d.repository),
  };
}
