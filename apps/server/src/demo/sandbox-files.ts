// The files of the demo app: a small shop at 1.4.0 with an approved Spec-Flow feature,
// a Keep a Changelog CHANGELOG, and a .shipgate.yaml pointing at the demo service.

export const DEMO_SERVICE_PORT = 4401;

export function packageJson(version: string): string {
  return `{
  "name": "demo-shop",
  "version": "${version}",
  "private": true,
  "description": "The Shipgate demo app: a tiny shop whose production is the demo service"
}
`;
}

export const CHANGELOG = `# Changelog

All notable changes to this project will be documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

## [Unreleased]

### Added

- One-click reorder from the order history (#42)

### Fixed

- Cart total rounding for three-decimal currencies (#45)

## [1.4.0] - 2026-10-01

### Added

- Saved addresses (#31)
`;

export const STATE_YAML = `# Spec-Flow workflow state for the demo feature
feature:
  slug: 001-demo-checkout
  title: Faster checkout
deployment_model: staging-prod
workflow:
  phase: "ship:validate-staging"
  status: in_progress
  completed_phases: [spec, plan, tasks, implement, "ship:optimize", "ship:ship-staging"]
  manual_gates:
    staging_validation:
      status: approved
      approved_at: 2026-11-20T14:55:00Z
      approved_by: Demo Reviewer
quality_gates:
  rollback_capability:
    passed: true   # rollback drill on staging
    timestamp: 2026-11-20T14:50:12Z
deployment:
  staging:
    deployed: true
    url: http://127.0.0.1:${DEMO_SERVICE_PORT}
`;

export interface DemoMonitoring {
  window: string;
  baseline: string;
  warmup: string;
  interval: string;
}

/** About a minute of watching: long enough to see a delayed fault, short enough to wait for. */
export const DEMO_MONITORING: DemoMonitoring = { window: '60s', baseline: '15s', warmup: '5s', interval: '5s' };

export function shipgateYaml(servicePort: number, monitoring: DemoMonitoring = DEMO_MONITORING): string {
  const base = `http://127.0.0.1:${servicePort}`;
  return `# yaml-language-server: $schema=https://shipgate.invalid/shipgate.schema.json
project: demo-shop
productionUrl: ${base}
deploy:
  provider: git-branch
  branch: production
  waitForVersion:
    url: ${base}/api/version
    jsonPath: version
    timeoutSeconds: 30
    intervalSeconds: 1
health:
  checks:
    - name: api-health
      url: ${base}/health
      expectStatus: 200
      components: [database, cache, cdn, jobs]
    - name: api-version
      url: ${base}/api/version
      json:
        version: "{{version}}"
    - name: api-status
      url: ${base}/api/status
      expectStatus: 200
monitoring:
  enabled: true
  window: ${monitoring.window}
  baseline: ${monitoring.baseline}
  warmup: ${monitoring.warmup}
  interval: ${monitoring.interval}
  source:
    kind: scrape
    url: ${base}/metrics
`;
}

export const FAULTS = {
  errors: { errorRate: 0.15, extraLatencyMs: 0, failingComponent: null, onsetSeconds: 8 },
  latency: { errorRate: 0, extraLatencyMs: 250, failingComponent: null, onsetSeconds: 8 },
  component: { errorRate: 0.05, extraLatencyMs: 0, failingComponent: 'cache', onsetSeconds: 0 },
} as const;
export type FaultKind = keyof typeof FAULTS;
