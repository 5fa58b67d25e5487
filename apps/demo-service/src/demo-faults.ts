// The faults a release can carry: `demo-faults.json` at the root of its repository.
// Committing that file is how the sandbox makes "the next release faulty".

export const COMPONENTS = ['database', 'cache', 'cdn', 'jobs'] as const;
export type Component = (typeof COMPONENTS)[number];

export interface DemoFaults {
  /** Extra share of requests answered 5xx (0–1). */
  errorRate: number;
  /** Added to every request's latency. */
  extraLatencyMs: number;
  failingComponent: Component | null;
  /** Seconds after the release starts before the faults begin (passes the health checks first). */
  onsetSeconds: number;
}

export const NO_FAULTS: DemoFaults = { errorRate: 0, extraLatencyMs: 0, failingComponent: null, onsetSeconds: 0 };

/** Parses the file's text; throws with the offending field on a mistake. */
export function parseDemoFaults(text: string): DemoFaults {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const number = (field: string, max: number): number => {
    const value = raw[field] ?? 0;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
      throw new Error(`demo-faults.json: "${field}" must be a number from 0 to ${max}`);
    }
    return value;
  };
  const component = raw['failingComponent'] ?? null;
  if (component !== null && !COMPONENTS.includes(component as Component)) {
    throw new Error(`demo-faults.json: "failingComponent" must be one of ${COMPONENTS.join(', ')}`);
  }
  return {
    errorRate: number('errorRate', 1),
    extraLatencyMs: number('extraLatencyMs', 60_000),
    failingComponent: component as Component | null,
    onsetSeconds: number('onsetSeconds', 86_400),
  };
}
