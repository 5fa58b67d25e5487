// How many approvals a promote of this project needs (CONTRACT §7 `approvals.required`, a
// project's own setting replacing the server-wide one); 0: none, the release starts at once.
import type { ServerSettings } from '../settings/server-settings.js';
import { guardrailsFor } from '../settings/guardrails-for.js';

export function approvalsRequired(settings: ServerSettings, project: { id: string; name: string }): number {
  return guardrailsFor(settings, project).approvals.required;
}
