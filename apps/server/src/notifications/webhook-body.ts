// The webhook's JSON body, exactly the keys of CONTRACT §7: { type, at, project, release, url }.
// Why it happened travels inside: `release.reason` for a release, `project.lock` for a lock.
import type { Notification } from './notification.js';

export function webhookBody(n: Notification): { type: string; at: string; project: Notification['project']; release: Notification['release']; url: string } {
  return {
    type: n.type,
    at: n.at,
    project: n.project,
    release: n.release === null ? null : { ...n.release, reason: n.reason ?? n.release.reason },
    url: n.url,
  };
}
