// Every key .shipgate.yaml accepts, per map. The parser refuses anything else, and the
// schema test checks shipgate.schema.json declares exactly these (and nothing more).

/** A duration key and its `<key>Seconds` alias (both take "90s" or a number of seconds). */
const duration = <K extends string>(key: K) => [key, `${key}Seconds` as `${K}Seconds`] as const;

export const DEPLOY_PROVIDERS = ['git-branch', 'command', 'github-actions'] as const;
export type DeployProviderName = (typeof DEPLOY_PROVIDERS)[number];

export const CHECK_KINDS = ['http', 'tcp', 'command'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

export const CONFIG_KEYS = {
  root: ['$schema', 'project', 'git', 'version', 'changelog', 'specs', 'gates', 'deploy', 'health', 'monitoring', 'report', 'productionUrl'],
  git: ['remote', 'mainBranch'],
  version: ['files', 'tagPrefix'],
  gates: ['stagingValidation', 'rollback', 'repository'],
  deploy: {
    common: ['provider', 'waitForVersion', 'githubRelease'],
    'git-branch': ['branch'],
    command: ['command', 'rollbackCommand', 'reportCommand', ...duration('timeout'), 'cwd'],
    'github-actions': ['repository', 'workflow', 'ref', 'inputs', 'rollbackInputs', 'tokenEnv', 'apiUrl', ...duration('timeout'), ...duration('pollInterval'), 'correlationInput'],
  } satisfies Record<'common' | DeployProviderName, readonly string[]>,
  waitForVersion: ['url', 'jsonPath', ...duration('timeout'), ...duration('interval')],
  githubRelease: ['repository', 'tokenEnv', 'apiUrl', 'draft', 'prerelease'],
  health: ['checks'],
  check: {
    common: ['name', 'kind', ...duration('timeout'), ...duration('interval'), ...duration('initialDelay'), 'successThreshold', 'failureThreshold', ...duration('deadline'), 'severity'],
    http: ['url', 'method', 'headers', 'body', 'expectStatus', 'bodyMatches', 'bodyNotMatches', 'json', 'maxLatencyMs', 'components'],
    tcp: ['tcp', 'host', 'port'],
    command: ['command', 'expectOutput'],
  } satisfies Record<'common' | CheckKind, readonly string[]>,
  monitoring: ['enabled', ...duration('window'), ...duration('baseline'), ...duration('warmup'), ...duration('interval'), 'thresholds', 'source', 'onBreach', 'onInconclusive', 'failAfter', 'maxSourceErrors'],
  thresholds: ['errorRateIncrease', 'latencyDegradation', 'errorRateCeiling', 'minRequests'],
  source: ['kind', 'url', 'errorRateQuery', 'latencyQuery', 'requestsQuery'],
  report: ['commit'],
} as const;

/** The other variants (providers or check kinds) whose own keys include `key`. */
export function ownersOf<V extends string>(table: Record<'common' | V, readonly string[]>, key: string, current: V): V[] {
  return (Object.keys(table) as Array<'common' | V>).filter(
    (variant): variant is V => variant !== 'common' && variant !== current && table[variant].includes(key),
  );
}

/** Keys allowed for one variant: the common ones plus its own. */
export function keysFor<V extends string>(table: Record<'common' | V, readonly string[]>, variant: V): string[] {
  return [...table.common, ...table[variant]];
}
