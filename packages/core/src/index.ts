// @shipgate/core — the release engine as a library. It reaches the world only through the
// ports of CoreContext (context.ts). This index names every export used outside core: the
// engine's entry points (planRelease, runRelease, rollbackRelease), the ports, the events
// and vocabularies, and the few helpers the server and the runtime share. Anything else is
// internal; add a name here when another package needs it.

export { type Clock, type CoreContext, type Emit, type Exec, type ExecOptions, type ExecResult, type FileSystem, type Http, type HttpRequest, type HttpResponse, type Net } from './context.js';
export { isShipgateError, ShipgateError } from './errors.js';
export { type HealthResult, type MonitorSample, type MonitorVerdictValue, type ReleaseErrorJson, type ReleaseEvent } from './events.js';
export { type GateStatus, STEP_NAMES, STEP_STATUSES, type StepName, type StepStatus } from './model/statuses.js';
export { ACTIVE_RELEASE_STATUSES, type ActionFacts, allowedActions, canTransition, isTerminalStatus, refusalOf, RELEASE_ACTIONS, RELEASE_KINDS, RELEASE_STATUSES, type ReleaseAction, type ReleaseKind, type ReleaseStatus, type Role, type Tone, transition } from './model/lifecycle.js';
export { type Blocker, type BlockerAction, type BlockerActionId, type BumpReason, type GateResult, type ProductionNow, type ReleasePlan } from './model/plan-types.js';
export { CancelRequest, cancelRequestOf, cancelledWords } from './model/cancel-request.js';
export { type ReleaseApproval, type ReleaseJournal } from './model/journal-types.js';
export { type ShipgateConfig } from './config/config-types.js';
export { CONFIG_DEFAULTS } from './config/index.js';
export { loadConfig } from './config/load-config.js';
// the located YAML readers: the server reads its settings file with the same file:line:column errors
export { booleanOr, enumOr, isHttpUrl, numberOr, optionalString, parseYamlSource, requiredString, stringListOr, stringOr, YamlField, YamlMap } from './config/index.js';
export { deployProviderFor } from './deploy/deploy-providers.js';
export { formatHealthTable } from './health/format-health-table.js';
export { judge } from './monitoring/judge.js';
export { type MetricSource, type WindowStats } from './monitoring/metric-source.js';
export { monitoringChartSvg } from './monitoring/monitoring-chart-svg.js';
export { createPrometheusSource } from './monitoring/prometheus-source.js';
export { type PlanInput, planRelease, type PlanResult } from './plan/plan-release.js';
export { productionNow } from './production/production-now.js';
export { rollbackTarget } from './production/rollback-target.js';
export { type ReleaseOutcome } from './release/release-outcome.js';
export { rollbackRelease, type RollbackReleaseInput } from './release/rollback-release.js';
export { runRelease, type RunReleaseInput } from './release/run-release.js';
