// The monitoring verdict in plain words first ("Error rate 8.9% — limit 1.2% (it was 0.2%
// before the deploy). Rolled back to 1.5.0."); the engine's statistical reason stays as detail.
import type { MonitorSample, MonitorVerdictValue, ReleaseStatus } from '../../api/types';
import { limitsOf, limitText, msText, percentText } from './monitor-numbers';

export interface VerdictInput {
  verdict: MonitorVerdictValue | null;
  sample: MonitorSample | undefined;
  status: ReleaseStatus;
  previousVersion: string | null;
}

const errorPart = (s: MonitorSample) => `error rate ${percentText(s.current.errorRate)} (limit ${percentText(limitsOf(s).errorRate)})`;
const latencyPart = (s: MonitorSample) => `p95 latency ${msText(s.current.p95Ms)} (limit ${msText(limitsOf(s).p95Ms)})`;

/** Which measurement crossed which line, in one sentence; null when no number is over its line. */
export function breachSentence(s: MonitorSample): string | null {
  const limits = limitsOf(s);
  const { errorRate, p95Ms } = s.current;
  if (errorRate !== null && errorRate > limits.ceiling) {
    return `Error rate ${percentText(errorRate)} — over the ${limitText(limits.ceiling * 100)}% outage ceiling (it was ${percentText(s.baseline.errorRate)} before the deploy).`;
  }
  if (errorRate !== null && limits.errorRate !== null && errorRate > limits.errorRate) {
    return `Error rate ${percentText(errorRate)} — limit ${percentText(limits.errorRate)} (it was ${percentText(s.baseline.errorRate)} before the deploy).`;
  }
  if (p95Ms !== null && limits.p95Ms !== null && p95Ms > limits.p95Ms) {
    return `p95 latency ${msText(p95Ms)} — limit ${msText(limits.p95Ms)} (it was ${msText(s.baseline.p95Ms)} before the deploy).`;
  }
  return null;
}

function outcome(status: ReleaseStatus, previousVersion: string | null): string {
  const to = previousVersion ? ` to ${previousVersion}` : ' to the previous version';
  if (status === 'rolled_back') return ` Rolled back${to}.`;
  if (status === 'rolling_back') return ` Rolling back${to}…`;
  if (status === 'failed') return ' The rollback did not complete: see the rollback step.';
  return '';
}

/** The headline of the monitoring panel. */
export function verdictHeadline({ verdict, sample, status, previousVersion }: VerdictInput): string {
  switch (verdict) {
    case 'FAIL':
      return `${(sample && breachSentence(sample)) ?? 'A measurement crossed its limit.'}${outcome(status, previousVersion)}`;
    case 'PASS':
      return sample ? `Healthy: ${errorPart(sample)}, ${latencyPart(sample)} through the watch window.` : 'Healthy through the watch window.';
    case 'INCONCLUSIVE':
      return sample ? `No clear answer: ${errorPart(sample)}, ${latencyPart(sample)}; too little traffic to be sure either way.` : 'No clear answer: too little traffic to be sure either way.';
    case 'NO_DATA':
      return `Not enough traffic to judge${sample ? `: ${sample.current.requests} requests since the deploy` : ''}.`;
    case 'ERROR':
      return 'Could not measure production: the metrics could not be read.';
    case null:
      if (!sample) return 'Waiting for the first evaluation.';
      if (sample.verdict === 'NO_DATA' || sample.verdict === 'INCONCLUSIVE') return `So far: ${errorPart(sample)}, ${latencyPart(sample)} — not enough data yet to judge.`;
      return `So far ${breachSentence(sample) ? 'over a limit' : 'within the limits'}: ${errorPart(sample)}, ${latencyPart(sample)}.`;
  }
}

/** The release bar's one line after monitoring failed it (the verdict below says which number). */
export function monitoringOutcome({ status, version, previousVersion }: { status: ReleaseStatus; version: string | null; previousVersion: string | null }): string {
  const release = version ?? 'this release';
  if (status === 'rolled_back') return `Monitoring caught a breach and rolled ${release} back: production runs ${previousVersion ?? 'the previous version'} again.`;
  if (status === 'rolling_back') return `Monitoring caught a breach: rolling ${release} back to ${previousVersion ?? 'the previous version'}…`;
  return `Monitoring caught a breach in ${release}.${outcome(status, previousVersion)}`;
}
