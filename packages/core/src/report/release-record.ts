// Folds the events of one release into the record the ship report is written from.
import type { HealthResult, MonitorSample, MonitorVerdictValue, ReleaseEvent } from '../events.js';
import type { GateResult } from '../model/plan-types.js';
import type { ReleaseStatus, StepName, StepStatus } from '../model/statuses.js';

export interface StepRecord {
  name: StepName;
  status: StepStatus;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  detail: string;
}

export interface ReleaseRecord {
  status: ReleaseStatus;
  steps: StepRecord[];
  gates: GateResult[];
  health: HealthResult[];
  samples: MonitorSample[];
  verdict: { verdict: MonitorVerdictValue; reason: string } | null;
  facts: Record<string, string>;
  warnings: string[];
}

export function createReleaseRecord(): ReleaseRecord {
  return { status: 'queued', steps: [], gates: [], health: [], samples: [], verdict: null, facts: {}, warnings: [] };
}

/** Applies one event to the record (at is the event time, ISO). */
export function recordEvent(record: ReleaseRecord, event: ReleaseEvent, at: string): void {
  switch (event.type) {
    case 'release.status':
      record.status = event.status;
      break;
    case 'release.fact':
      record.facts[event.key] = event.value;
      break;
    case 'step.started': {
      const step = { name: event.step, status: 'running' as const, startedAt: at, finishedAt: null, durationMs: null, detail: '' };
      record.steps = [...record.steps.filter((s) => s.name !== event.step), step];
      break;
    }
    case 'step.finished': {
      const step = record.steps.find((s) => s.name === event.step);
      const done = { status: event.status, finishedAt: at, durationMs: event.durationMs, detail: event.detail };
      if (step) Object.assign(step, done);
      else record.steps.push({ name: event.step, startedAt: null, ...done });
      break;
    }
    case 'step.log':
      if (event.stream === 'warn') record.warnings.push(event.line);
      break;
    case 'gate.result':
      record.gates = [...record.gates.filter((g) => g.id !== event.gate.id), event.gate];
      break;
    case 'health.result':
      if (event.result.final) record.health.push(event.result);
      break;
    case 'monitor.sample':
      record.samples.push(event.sample);
      break;
    case 'monitor.verdict':
      record.verdict = { verdict: event.verdict, reason: event.reason };
      break;
  }
}
