// The guardrails that apply to one project: its own keys from `projects.<id or name>` in the
// settings file, each replacing the server-wide one; the server-wide keys otherwise.
import type { Guardrails, ServerSettings } from './server-settings.js';

export function guardrailsFor(settings: ServerSettings, project: { id: string; name: string }): Guardrails {
  const own = (settings.projects[project.id] ?? settings.projects[project.name])?.guardrails ?? {};
  return { ...settings.guardrails, ...own };
}
