// The resolved `.shipgate.yaml` (every default filled in). The loader validates the raw
// file against these shapes and names file:line:column and the field on any mistake.

export interface GitConfig {
  remote: string;
  mainBranch: string;
}

export interface VersionConfig {
  /** Files whose version is rewritten in place (package.json "version", or a `version = "x"` line). */
  files: string[];
  tagPrefix: string;
}

export interface GatesConfig {
  stagingValidation: boolean;
  rollback: boolean;
  /** Repository gates: clean work tree, main branch, up to date. Default true. */
  repository: boolean;
}

export interface GitBranchDeployConfig {
  provider: 'git-branch';
  branch: string;
}

export interface CommandDeployConfig {
  provider: 'command';
  /** Run through `sh -c`. */
  command: string;
  rollbackCommand?: string;
  /** A command whose stdout (first URL, or the whole trimmed output) is the deployment id/URL. */
  reportCommand?: string;
  timeoutSeconds: number;
  cwd?: string;
}

export interface GithubActionsDeployConfig {
  provider: 'github-actions';
  /** owner/name */
  repository: string;
  /** Workflow file name (deploy.yml) or numeric id. */
  workflow: string;
  /** Git ref to run the workflow on; default: the release tag. */
  ref?: string;
  inputs: Record<string, string>;
  /** Extra inputs for the rollback run only (e.g. { rollback: 'true' }); they win over `inputs`. */
  rollbackInputs: Record<string, string>;
  /** Name of the environment variable holding the token (never the token itself). */
  tokenEnv: string;
  apiUrl: string;
  timeoutSeconds: number;
  pollSeconds: number;
  /** Input name carrying a unique correlation id, when the workflow declares one. */
  correlationInput?: string;
}

export type DeployConfig = (GitBranchDeployConfig | CommandDeployConfig | GithubActionsDeployConfig) & {
  /** Optional: poll this URL until it reports the new version. */
  waitForVersion?: WaitForVersionConfig;
  /** Optional: create a GitHub Release for the tag (any provider). */
  githubRelease?: GithubReleaseConfig;
};

export interface WaitForVersionConfig {
  url: string;
  /** JSON path (a.b.c) of the version in the response; default: the body contains the version. */
  jsonPath?: string;
  timeoutSeconds: number;
  intervalSeconds: number;
}

export interface GithubReleaseConfig {
  repository: string;
  tokenEnv: string;
  apiUrl: string;
  draft: boolean;
  prerelease: boolean;
}

export type Severity = 'critical' | 'warning';

export interface CheckTiming {
  timeoutSeconds: number;
  intervalSeconds: number;
  initialDelaySeconds: number;
  successThreshold: number;
  failureThreshold: number;
  /** Overall deadline for this check to reach its success threshold. */
  deadlineSeconds: number;
  severity: Severity;
}

export interface HttpCheckConfig extends CheckTiming {
  kind: 'http';
  name: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Accepted statuses: numbers, or ranges like "200-299" / "2xx". */
  expectStatus: Array<number | string>;
  bodyMatches?: string;
  bodyNotMatches?: string;
  /** JSON path → expected value (string compare after {{version}} templating). */
  json?: Record<string, string | number | boolean | null>;
  maxLatencyMs?: number;
  /** application/health+json: components that must report pass. */
  components?: string[];
}

export interface TcpCheckConfig extends CheckTiming {
  kind: 'tcp';
  name: string;
  host: string;
  port: number;
}

export interface CommandCheckConfig extends CheckTiming {
  kind: 'command';
  name: string;
  command: string;
  expectOutput?: string;
}

export type HealthCheckConfig = HttpCheckConfig | TcpCheckConfig | CommandCheckConfig;

export interface HealthConfig {
  checks: HealthCheckConfig[];
}

export interface MonitoringThresholds {
  /** Allowed error-rate increase in percentage points. */
  errorRateIncrease: number;
  /** Allowed p95 latency degradation as a fraction (0.10 = 10%). */
  latencyDegradation: number;
  /** Error rate (fraction) that fails at once, without waiting for statistics. */
  errorRateCeiling: number;
  minRequests: number;
}

export interface MonitoringConfig {
  enabled: boolean;
  windowSeconds: number;
  baselineSeconds: number;
  warmupSeconds: number;
  intervalSeconds: number;
  thresholds: MonitoringThresholds;
  /** Default: scrape the first http check's origin + /metrics. url is '' only while monitoring is disabled and nothing names a host. */
  source:
    | { kind: 'scrape'; url: string }
    | { kind: 'prometheus'; url: string; errorRateQuery?: string; latencyQuery?: string; requestsQuery?: string };
  onBreach: 'rollback' | 'alert';
  /**
   * What a watch that ends without a decision (INCONCLUSIVE, or NO_DATA: too little traffic)
   * does: pass (ship, logged as info), alert (ship, with a warning in the log and the report),
   * rollback (roll back, as a breach does).
   */
  onInconclusive: 'pass' | 'alert' | 'rollback';
  /** FAIL evaluations in a row that end the watch with FAIL (the outage ceiling acts at once). */
  failAfter: number;
  /** Metric-source errors in a row that end the watch with ERROR. */
  maxSourceErrors: number;
}

export interface ReportConfig {
  /** Commit and push the ship report + state.yaml (CONTRACT §3.8). Default true. */
  commit: boolean;
}

export interface ShipgateConfig {
  project: string;
  git: GitConfig;
  version: VersionConfig;
  changelog: string;
  specs: string;
  gates: GatesConfig;
  deploy: DeployConfig;
  health: HealthConfig;
  monitoring: MonitoringConfig;
  report: ReportConfig;
  /** Public URL of production, recorded in the report and state.yaml. */
  productionUrl?: string;
}
