// `application/health+json` (draft-inadarei-api-health-check): an overall `status`
// (pass/ok/up good, warn acceptable, fail/down bad) and `checks`: component → [{ status }].
export type HealthJsonVerdict = 'good' | 'warn' | 'bad';

export interface HealthJsonAssessment {
  verdict: HealthJsonVerdict;
  /** The overall status as reported ("pass", "warn", …), or "missing". */
  status: string;
  /** Problems with named components: "db: fail", "cache: not reported". */
  problems: string[];
  /** Components reporting warn. */
  warnings: string[];
}

export function isHealthJson(contentType: string | undefined): boolean {
  return (contentType ?? '').toLowerCase().includes('application/health+json');
}

export function verdictOf(status: unknown): HealthJsonVerdict {
  const text = typeof status === 'string' ? status.toLowerCase() : '';
  if (text === 'pass' || text === 'ok' || text === 'up') return 'good';
  if (text === 'warn') return 'warn';
  return 'bad';
}

/** Judges a parsed health+json document; `required` names components that must not fail. */
export function assessHealthJson(document: unknown, required: readonly string[]): HealthJsonAssessment {
  const root = isRecord(document) ? document : {};
  const status = typeof root.status === 'string' ? root.status : 'missing';
  const components = isRecord(root.checks) ? root.checks : {};
  const problems: string[] = [];
  const warnings: string[] = [];
  const names = new Set([...required, ...Object.keys(components).map(componentName)]);
  for (const name of names) {
    const entries = entriesOf(components, name);
    if (entries.length === 0) {
      if (required.includes(name)) problems.push(`${name}: not reported`);
      continue;
    }
    const verdicts = entries.map((entry) => verdictOf(isRecord(entry) ? entry.status : undefined));
    const worst = verdicts.includes('bad') ? 'bad' : verdicts.includes('warn') ? 'warn' : 'good';
    if (worst === 'bad') problems.push(`${name}: ${statusOfWorst(entries)}`);
    if (worst === 'warn') warnings.push(`${name}: warn`);
  }
  const overall = verdictOf(root.status);
  const requiredFailing = problems.some((p) => required.some((name) => p.startsWith(`${name}:`)));
  const verdict = overall === 'bad' || requiredFailing ? 'bad' : overall === 'warn' || warnings.length > 0 ? 'warn' : 'good';
  return { verdict, status, problems, warnings };
}

/** "cassandra:connections" belongs to component "cassandra". */
function componentName(key: string): string {
  return key.split(':')[0] ?? key;
}

function entriesOf(components: Record<string, unknown>, name: string): unknown[] {
  return Object.entries(components)
    .filter(([key]) => key === name || componentName(key) === name)
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]));
}

function statusOfWorst(entries: unknown[]): string {
  for (const entry of entries) {
    const status = isRecord(entry) ? entry.status : undefined;
    if (verdictOf(status) === 'bad') return typeof status === 'string' ? status : 'no status';
  }
  return 'fail';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
