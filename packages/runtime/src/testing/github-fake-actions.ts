// The Actions half of the local GitHub stand-in (github-api-server.ts): workflows with their
// declared `workflow_dispatch` inputs, dispatches validated the way GitHub documents them,
// runs with ids and run numbers that move queued → in_progress → completed as they are polled,
// runs that show up in the list late, and the cancel endpoints.
export interface FakeRun {
  id: number;
  run_number: number;
  name: string;
  display_title: string;
  head_sha: string;
  head_branch: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  created_at: string;
  html_url: string;
  event: string;
  workflow: string;
}

export interface FakeWorkflow {
  id: number;
  /** The file name under .github/workflows. */
  file: string;
  /** false: the file has no `on: workflow_dispatch` (GitHub answers 422 to a dispatch). */
  dispatchable?: boolean;
  /** `on.workflow_dispatch.inputs`; undefined: any input is accepted. */
  inputs?: Record<string, { required?: boolean; default?: string }>;
  /** The workflow's `run-name`, from the dispatch inputs; default: the workflow name. */
  runName?: (inputs: Record<string, string>) => string;
  state?: 'active' | 'disabled_manually';
}

export interface ScriptedDispatch {
  /** false: the dispatch is accepted but no run ever appears. */
  appears?: boolean;
  /** The conclusion once completed; default success. */
  conclusion?: string;
  /** GETs of the run before each status change (queued → in_progress → completed); default 1. Infinity: never finishes. */
  pollsPerStatus?: number;
  /** The run is missing from the list of runs for this many list requests after the dispatch. */
  hiddenForLists?: number;
  /** Other runs of the same workflow created around ours (a teammate's dispatch, a retry). */
  alongside?: (Partial<FakeRun> & { secondsBefore?: number })[];
  /** GETs of the run after a cancel request before it reports completed/cancelled; default 1. Infinity: ignores cancel. */
  pollsToCancel?: number;
}

interface RunState {
  polls: number;
  pollsPerStatus: number;
  conclusion: string;
  hiddenForLists: number;
  cancelRequestedPolls: number | null;
  pollsToCancel: number;
}

export type Answer = [status: number, body?: unknown];

export interface FakeActionsOptions {
  workflows: FakeWorkflow[];
  /** The sha of a ref (tag or branch), or undefined when it does not exist. */
  resolveRef: (ref: string) => string | undefined;
  /** GitHub's clock (may differ from ours). */
  now: () => Date;
  web: string;
}

export function createFakeActions(options: FakeActionsOptions) {
  const runs: FakeRun[] = [];
  const dispatches: { workflow: string; ref: string; inputs: Record<string, string>; returnRunDetails: boolean }[] = [];
  const cancels: number[] = [];
  const scripts: ScriptedDispatch[] = [];
  const states = new Map<number, RunState>();
  const runNumbers = new Map<string, number>();
  let nextId = 9_000_000_001;

  const workflowOf = (key: string) => options.workflows.find((w) => w.file === key || String(w.id) === key);
  const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

  function createRun(owner: string, repo: string, workflow: FakeWorkflow, ref: string, fields: Partial<FakeRun>, createdMs: number): FakeRun {
    const id = nextId++;
    const runNumber = (runNumbers.get(workflow.file) ?? 40) + 1;
    runNumbers.set(workflow.file, runNumber);
    const run: FakeRun = {
      id,
      run_number: runNumber,
      name: 'Deploy',
      display_title: 'Deploy',
      head_sha: options.resolveRef(ref) ?? '0'.repeat(40),
      head_branch: ref,
      status: 'queued',
      conclusion: null,
      created_at: iso(createdMs),
      html_url: `${options.web}/${owner}/${repo}/actions/runs/${id}`,
      event: 'workflow_dispatch',
      workflow: workflow.file,
      ...fields,
    };
    runs.push(run);
    return run;
  }

  /** POST …/dispatches: GitHub's documented validation, then 204, or 200 with the run when asked. */
  function dispatch(owner: string, repo: string, key: string, body: Record<string, unknown>, runDetails: 'returned' | 'absent' | 'rejected'): Answer {
    const workflow = workflowOf(key);
    if (!workflow) return [404, { message: 'Not Found' }];
    const known = new Set(['ref', 'inputs', ...(runDetails === 'rejected' ? [] : ['return_run_details'])]);
    const unknown = Object.keys(body).filter((k) => !known.has(k));
    if (unknown.length > 0) return [400, { message: `Invalid request.\n\n${unknown.map((k) => `"${k}" is not a permitted key.`).join('\n')}` }];
    const ref = typeof body['ref'] === 'string' ? body['ref'] : undefined;
    const inputs = (body['inputs'] ?? {}) as Record<string, string>;
    if (workflow.dispatchable === false) return [422, { message: "Workflow does not have 'workflow_dispatch' trigger" }];
    if (!ref || options.resolveRef(ref) === undefined) return [422, { message: `No ref found for: ${ref ?? ''}` }];
    if (workflow.inputs) {
      const unexpected = Object.keys(inputs).filter((name) => !(name in workflow.inputs!));
      if (unexpected.length > 0) return [422, { message: `Unexpected inputs provided: ${JSON.stringify(unexpected)}` }];
      const missing = Object.entries(workflow.inputs).find(([name, spec]) => spec.required && spec.default === undefined && inputs[name] === undefined);
      if (missing) return [422, { message: `Required input '${missing[0]}' not provided` }];
    }
    const returnRunDetails = body['return_run_details'] === true;
    dispatches.push({ workflow: workflow.file, ref, inputs, returnRunDetails });
    const script = scripts.shift() ?? {};
    const now = options.now().getTime();
    for (const { secondsBefore = 0, ...other } of script.alongside ?? []) {
      createRun(owner, repo, workflow, ref, { status: 'completed', conclusion: 'success', ...other }, now - secondsBefore * 1000);
    }
    if (script.appears === false) return [204];
    const title = workflow.runName?.(inputs) ?? 'Deploy';
    const run = createRun(owner, repo, workflow, ref, { display_title: title }, now);
    states.set(run.id, {
      polls: 0,
      pollsPerStatus: script.pollsPerStatus ?? 1,
      conclusion: script.conclusion ?? 'success',
      hiddenForLists: script.hiddenForLists ?? 0,
      cancelRequestedPolls: null,
      pollsToCancel: script.pollsToCancel ?? 1,
    });
    if (runDetails !== 'returned' || !returnRunDetails) return [204];
    return [200, { workflow_run_id: run.id, run_url: `${options.web}/api/repos/${owner}/${repo}/actions/runs/${run.id}`, html_url: run.html_url }];
  }

  function listRuns(key: string, query: URLSearchParams): Answer {
    const workflow = workflowOf(key);
    if (!workflow) return [404, { message: 'Not Found' }];
    const created = /^>=(.+)$/.exec(query.get('created') ?? '')?.[1];
    const visible = runs.filter((run) => {
      const state = states.get(run.id);
      if (state && state.hiddenForLists > 0) {
        state.hiddenForLists -= 1;
        return false;
      }
      return true;
    });
    const matching = visible
      .filter((run) => run.workflow === workflow.file)
      .filter((run) => !query.get('event') || run.event === query.get('event'))
      .filter((run) => !query.get('head_sha') || run.head_sha === query.get('head_sha'))
      .filter((run) => !query.get('branch') || run.head_branch === query.get('branch'))
      .filter((run) => !created || Date.parse(run.created_at) >= Date.parse(created))
      .reverse(); // newest first, like GitHub
    return [200, { total_count: matching.length, workflow_runs: matching.map(publicRun) }];
  }

  function getRun(id: number): Answer {
    const run = runs.find((r) => r.id === id);
    if (!run) return [404, { message: 'Not Found' }];
    const state = states.get(id);
    if (state && run.status !== 'completed') {
      if (state.cancelRequestedPolls !== null) {
        if (++state.cancelRequestedPolls >= state.pollsToCancel) Object.assign(run, { status: 'completed', conclusion: 'cancelled' });
      } else if (++state.polls >= state.pollsPerStatus) {
        state.polls = 0;
        run.status = run.status === 'queued' ? 'in_progress' : 'completed';
        if (run.status === 'completed') run.conclusion = state.conclusion;
      }
    }
    return [200, publicRun(run)];
  }

  /** POST …/runs/{id}/cancel (202, or 409 once completed); force-cancel always stops it. */
  function cancel(id: number, force: boolean): Answer {
    const run = runs.find((r) => r.id === id);
    if (!run) return [404, { message: 'Not Found' }];
    cancels.push(id);
    if (run.status === 'completed') return [409, { message: 'Cannot cancel a workflow run that is completed.' }];
    const state = states.get(id);
    if (force || !state) Object.assign(run, { status: 'completed', conclusion: 'cancelled' });
    else state.cancelRequestedPolls ??= 0;
    return [202, {}];
  }

  function getWorkflow(owner: string, repo: string, key: string): Answer {
    const workflow = workflowOf(key);
    if (!workflow) return [404, { message: 'Not Found' }];
    return [200, { id: workflow.id, name: 'Deploy', path: `.github/workflows/${workflow.file}`, state: workflow.state ?? 'active', html_url: `${options.web}/${owner}/${repo}/actions/workflows/${workflow.file}` }];
  }

  /** Ends a run from outside (someone finishing it on GitHub). */
  function settle(id: number, conclusion: string) {
    const run = runs.find((r) => r.id === id);
    if (run) Object.assign(run, { status: 'completed', conclusion });
  }

  return { runs, dispatches, cancels, scripts, dispatch, listRuns, getRun, cancel, getWorkflow, settle };
}

/** The run as GitHub returns it (without the stand-in's own bookkeeping). */
function publicRun({ workflow: _workflow, ...run }: FakeRun): Omit<FakeRun, 'workflow'> {
  return run;
}
