// What a GitHub Actions workflow file promises a dispatcher: whether `on:` has
// `workflow_dispatch`, the inputs it declares (required, default), and its `run-name`.
// Shipgate has the checkout, so `plan` reads the file instead of learning it from a 422.
import { parse } from 'yaml';

export interface WorkflowInput {
  required: boolean;
  default?: string;
}

export interface WorkflowFile {
  hasDispatchTrigger: boolean;
  /** `on.workflow_dispatch.inputs`, in the file's order. */
  inputs: Map<string, WorkflowInput>;
  /** The `run-name` expression, when the file has one. */
  runName?: string;
}

/** Parses the workflow text; a file that is not YAML or not a map throws with the parser's reason. */
export function parseWorkflowFile(text: string): WorkflowFile {
  const doc: unknown = parse(text);
  if (!isRecord(doc)) throw new Error('the workflow file is not a YAML map');
  const on = doc['on'] ?? doc['true']; // YAML 1.1 readers turn a bare `on` key into true
  const dispatch = triggerSettings(on, 'workflow_dispatch');
  const inputs = new Map<string, WorkflowInput>();
  const declared = isRecord(dispatch) ? dispatch['inputs'] : undefined;
  if (isRecord(declared)) {
    for (const [name, spec] of Object.entries(declared)) {
      const settings = isRecord(spec) ? spec : {};
      const fallback = settings['default'];
      inputs.set(name, {
        required: settings['required'] === true,
        ...(fallback === undefined || fallback === null ? {} : { default: String(fallback) }),
      });
    }
  }
  const runName = doc['run-name'];
  return { hasDispatchTrigger: dispatch !== undefined, inputs, ...(typeof runName === 'string' ? { runName } : {}) };
}

/** Whether a `run-name` expression shows the input: `${{ inputs.x }}` or `${{ github.event.inputs.x }}`. */
export function runNameShows(runName: string | undefined, input: string): boolean {
  if (!runName) return false;
  const name = input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\$\\{\\{[^}]*\\b(?:github\\.event\\.)?inputs\\.${name}\\b[^}]*\\}\\}`).test(runName);
}

/** The settings of one trigger in `on:` (a name, a list of names, or a map); undefined when absent. */
function triggerSettings(on: unknown, trigger: string): unknown {
  if (typeof on === 'string') return on === trigger ? null : undefined;
  if (Array.isArray(on)) return on.includes(trigger) ? null : undefined;
  if (isRecord(on) && trigger in on) return on[trigger] ?? null;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
