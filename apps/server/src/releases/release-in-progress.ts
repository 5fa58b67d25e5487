// The 409 when another release holds the project's one active slot: it names that release,
// where it stands, and what to do (a release awaiting approval blocks a rollback until it is
// cancelled; a running one until it ends or is cancelled).
import { LIFECYCLE } from '@shipgate/core/vocabulary';
import { HttpError } from '../http-error.js';
import type { Services } from '../services.js';

export async function releaseInProgress(svc: Services, activeId: string | null): Promise<HttpError> {
  const active = activeId === null ? undefined : await svc.releases.get(activeId);
  if (!active) return new HttpError(409, 'release_in_progress', 'another release of this project is active: try again when it ends', { releaseId: activeId });
  const what = `${active.kind === 'rollback' ? 'the rollback' : 'the release'}${active.version ? ` of v${active.version}` : ''} (${active.id}) is ${LIFECYCLE[active.status].label.toLowerCase()}`;
  const todo = active.status === 'awaiting_approval' ? 'cancel it first (Cancel on its page, or POST /api/releases/' + active.id + '/cancel), then try again' : 'wait for it to end, or cancel it, then try again';
  return new HttpError(409, 'release_in_progress', `another release of this project is active: ${what}; ${todo}`, { releaseId: active.id });
}
