// `health.checks:` — each entry's kind comes from `kind:` or from what it names (url → http,
// tcp / host+port → tcp, command → command); names must be unique.
import { isSeq, type Node } from 'yaml';
import type { CheckTiming, HealthCheckConfig, HealthConfig } from './config-types.js';
import { DEFAULTS } from './config-defaults.js';
import { CHECK_KINDS, CONFIG_KEYS, keysFor, ownersOf, type CheckKind } from './config-keys.js';
import { CHECK_SETTINGS } from './check-settings.js';
import { durationOr, enumOr, numberOr, requiredString } from './read-values.js';
import type { YamlField } from './yaml-field.js';
import { YamlMap } from './yaml-map.js';

const MARKERS: ReadonlyArray<[key: string, kind: CheckKind]> = [
  ['url', 'http'],
  ['tcp', 'tcp'],
  ['host', 'tcp'],
  ['port', 'tcp'],
  ['command', 'command'],
];

export function parseHealth(f: YamlField): HealthConfig {
  const list = YamlMap.open(f).allowOnly(CONFIG_KEYS.health).get('checks');
  if (list.isAbsent) return { checks: [] };
  if (!list.node || !isSeq(list.node)) return list.expected('a list of checks');
  const names = new Map<string, string>();
  const checks = list.node.items.map((node, index) => {
    const item = list.item(index, node as Node);
    const check = parseCheck(item);
    const first = names.get(check.name);
    if (first) YamlMap.open(item).get('name').fail(`duplicate check name "${check.name}" (also ${first})`, 'give every check its own name');
    names.set(check.name, item.path);
    return check;
  });
  return { checks };
}

function parseCheck(item: YamlField): HealthCheckConfig {
  if (item.isAbsent) item.expected('a check: a map with a name and a url, tcp or command');
  const m = YamlMap.open(item);
  const kind = checkKind(m, item);
  m.allowOnly(keysFor(CONFIG_KEYS.check, kind), (key) => {
    const owners = ownersOf(CONFIG_KEYS.check, key, kind);
    if (owners.length === 0) return undefined;
    return { message: `"${key}" applies to ${owners.join(' and ')} checks, not ${kind} checks`, hint: `remove it, or make this a ${owners[0]} check` };
  });
  const name = requiredString(m.get('name'), 'for every check: a unique name, e.g. api-health');
  return CHECK_SETTINGS[kind](m, name, readTiming(m));
}

function checkKind(m: YamlMap, item: YamlField): CheckKind {
  if (m.has('kind')) return enumOr(m.get('kind'), CHECK_KINDS, 'http', 'check kind');
  const found = MARKERS.filter(([key]) => m.has(key));
  const kinds = [...new Set(found.map(([, kind]) => kind))];
  if (kinds.length === 1) return kinds[0]!;
  if (kinds.length === 0) return item.fail('cannot tell what to check', 'give a url (http check), tcp: host:port (tcp check) or command (command check)');
  const described = found.map(([key, kind]) => `${kind} (${key})`).join(' and ');
  return item.fail(`a check is one kind, this one names ${described}`, 'split it into separate checks, or set kind');
}

function readTiming(m: YamlMap): CheckTiming {
  const d = DEFAULTS.check;
  const timing: CheckTiming = {
    timeoutSeconds: durationOr(m, 'timeout', d.timeoutSeconds),
    intervalSeconds: durationOr(m, 'interval', d.intervalSeconds),
    initialDelaySeconds: durationOr(m, 'initialDelay', d.initialDelaySeconds, { allowZero: true }),
    successThreshold: numberOr(m.get('successThreshold'), d.successThreshold, { integer: true, min: 1 }),
    failureThreshold: numberOr(m.get('failureThreshold'), d.failureThreshold, { integer: true, min: 1 }),
    deadlineSeconds: durationOr(m, 'deadline', d.deadlineSeconds),
    severity: enumOr(m.get('severity'), ['critical', 'warning'], d.severity, 'severity'),
  };
  if (timing.deadlineSeconds < timing.timeoutSeconds) {
    const deadline = m.has('deadlineSeconds') ? m.get('deadlineSeconds') : m.get('deadline');
    deadline.fail(`the deadline (${timing.deadlineSeconds} s) is shorter than one attempt's timeout (${timing.timeoutSeconds} s)`, 'raise the deadline or lower the timeout');
  }
  return timing;
}
