// state.yaml write-back after a release and after a rollback (CONTRACT §6). Both are
// idempotent: writing the same facts again gives the same text.
import type { YAMLMap } from 'yaml';
import { appendOnce, editState, setValue, type EditValue, type StateEditor } from './state-edit.js';
import { SHIP_PROD_PHASE } from './state-spellings.js';

export interface ReleaseWriteBack {
  version: string;
  tag: string;
  tagCreatedAt: string;
  deployedAt: string;
  commitSha: string;
  url?: string;
  shipReport: string;
  githubReleaseUrl?: string;
  /** Repository-relative path, for error messages. */
  file?: string;
}

export interface RollbackWriteBack {
  /** The version rolled back from. */
  from: string;
  /** The version production runs again. */
  to: string;
  at: string;
  /** The restored release's tag and commit: deployment.production then describes one release. */
  tag?: string;
  commitSha?: string;
  /** When the restored release's tag was made; without it the rolled-back tag's date is removed. */
  tagCreatedAt?: string;
  file?: string;
}

const PRODUCTION = ['deployment', 'production'] as const;

export function writeBackRelease(stateText: string, input: ReleaseWriteBack): string {
  const state = editState(stateText, input.file);
  setAll(state.map(PRODUCTION), {
    deployed: true,
    version: input.version,
    tag: input.tag,
    tag_created_at: input.tagCreatedAt,
    deployed_at: input.deployedAt,
    commit_sha: input.commitSha,
    url: input.url,
    ship_report: input.shipReport,
    github_release_url: input.githubReleaseUrl,
  });
  const home = phaseHome(state);
  setValue(home.map, home.phaseKey, SHIP_PROD_PHASE);
  appendOnce(state.seq(home.map, 'completed_phases', home.path), SHIP_PROD_PHASE);
  setValue(state.map(['artifacts']), 'ship_report', input.shipReport);
  return state.render();
}

export function writeBackRollback(stateText: string, input: RollbackWriteBack): string {
  const state = editState(stateText, input.file);
  const production = state.map(PRODUCTION);
  // production was deployed again at `at`, to the restored release: nothing of the rolled-back
  // release may stay behind in this record (its tag date, its GitHub Release)
  setAll(production, { version: input.to, tag: input.tag, commit_sha: input.commitSha, tag_created_at: input.tagCreatedAt, deployed_at: input.at, rollback_from: input.from, rollback_to: input.to, rollback_at: input.at });
  if (input.tagCreatedAt === undefined) production.delete('tag_created_at');
  production.delete('github_release_url');
  return state.render();
}

function setAll(map: YAMLMap, values: Record<string, EditValue | undefined>): void {
  for (const [key, value] of Object.entries(values)) if (value !== undefined) setValue(map, key, value);
}

/**
 * Where the phase lives: under `workflow` when the file has one, else the root spelling it
 * uses (`current_phase`, `phase`), else a new `workflow` map. completed_phases goes beside
 * it, so a second write-back finds the same home (idempotence).
 */
function phaseHome(state: StateEditor): { map: YAMLMap; phaseKey: string; path: string[] } {
  const root = state.map([]);
  if (root.has('workflow')) return { map: state.map(['workflow']), phaseKey: 'phase', path: ['workflow'] };
  const rootKey = ['current_phase', 'phase'].find((key) => root.has(key));
  if (rootKey) return { map: root, phaseKey: rootKey, path: [] };
  return { map: state.map(['workflow']), phaseKey: 'phase', path: ['workflow'] };
}
