// Barrel: re-exports this folder's public pieces.
export { parseConfig, type ParseConfigOptions } from './parse-config.js';
export { loadConfig, CONFIG_FILE_NAMES } from './load-config.js';
export { parseDuration } from './parse-duration.js';
export { DEFAULTS as CONFIG_DEFAULTS } from './config-defaults.js';
export { CONFIG_KEYS, DEPLOY_PROVIDERS, CHECK_KINDS, type DeployProviderName, type CheckKind } from './config-keys.js';
// The located YAML readers, for the server's settings file (same file:line:column errors).
export { parseYamlSource, YamlField } from './yaml-field.js';
export { YamlMap } from './yaml-map.js';
export { optionalString, requiredString, stringOr, isHttpUrl, stringListOr, enumOr, booleanOr, numberOr } from './read-values.js';
