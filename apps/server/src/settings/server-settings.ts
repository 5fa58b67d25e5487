// The server's settings file (CONTRACT §7), resolved: secrets already read from the
// environment variables the file names, every default filled in.
import type { Role } from '@shipgate/contract';
import type { Freeze } from '../guardrails/freeze-window.js';

/** One `auth.roles` entry: `email:<glob>` or `group:<name>` → role. First match wins. */
export interface RoleRule {
  /** As written, for messages: `email:*@acme.example`. */
  match: string;
  kind: 'email' | 'group';
  /** email: a glob (`*` = any run of characters), compared case-insensitively; group: exact. */
  pattern: string;
  role: Role;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** null: a public client (PKCE only, no client secret). */
  clientSecret: string | null;
  /** The origin people use; the redirect URI is `<publicUrl>/api/auth/callback`. */
  publicUrl: string;
  /** Shown on the sign-in button: "Sign in with <name>". */
  name: string;
  scopes: string[];
  /** The ID-token / userinfo claim that lists the person's groups. */
  groupsClaim: string;
}

export interface NamedToken {
  name: string;
  role: Role;
  /** The secret itself, read from the variable `tokenEnv` names; never logged. */
  token: string;
}

/** Where notifications go (CONTRACT §7 `notifications`). `name` is what the dashboard shows. */
export type NotificationTarget =
  | { kind: 'webhook'; name: string; url: string; /** from `secretEnv`: signs every body */ secret: string }
  | { kind: 'slack'; name: string; /** from `urlEnv`: the URL is the secret, never shown */ url: string };

/** The guardrail keys of CONTRACT §7, server-wide or for one project. */
export interface Guardrails {
  /** Distinct approvals besides the requester's before a promote starts; 0 = off. */
  approvals: { required: number };
  /** An automatic rollback locks the project. */
  lockAfterRollback: boolean;
  freezes: Freeze[];
  notifications: NotificationTarget[];
}

export interface ProjectSettings {
  /** Replaces `auth.roles` for this project. */
  roles?: RoleRule[];
  /** Each key given replaces the server-wide one for this project. */
  guardrails?: Partial<Guardrails>;
}

export interface ServerSettings {
  /** The file read, or null when there is none (today's behaviour). */
  file: string | null;
  oidc: OidcSettings | null;
  tokens: NamedToken[];
  roles: RoleRule[];
  /** Keyed by project id or name. */
  projects: Record<string, ProjectSettings>;
  /** Server-wide; a project's own keys replace these (`guardrailsFor`). */
  guardrails: Guardrails;
  /** The environment variables holding secrets: kept from release commands. */
  secretEnvs: string[];
}

export const NO_GUARDRAILS: Guardrails = { approvals: { required: 0 }, lockAfterRollback: false, freezes: [], notifications: [] };

export const NO_SETTINGS: ServerSettings = { file: null, oidc: null, tokens: [], roles: [], projects: {}, guardrails: NO_GUARDRAILS, secretEnvs: [] };
