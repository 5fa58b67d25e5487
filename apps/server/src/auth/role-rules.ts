// Roles: viewer < deployer < admin. A person's role comes from the first matching rule (the
// project's own rules when the settings give it some, else the server's), no match → viewer.
import type { Role } from '@shipgate/contract';
import type { RoleRule, ServerSettings } from '../settings/server-settings.js';
import type { Principal } from './principal.js';

const RANK: Record<Role, number> = { viewer: 0, deployer: 1, admin: 2 };

export const isAtLeast = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed];
export const lowerOf = (a: Role, b: Role): Role => (RANK[a] <= RANK[b] ? a : b);

function globToRegExp(glob: string): RegExp {
  const body = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}$`, 'i');
}

export function ruleMatches(rule: RoleRule, person: Pick<Principal, 'email' | 'emailVerified' | 'groups'>): boolean {
  if (rule.kind === 'group') return person.groups.includes(rule.pattern);
  return person.email !== null && person.emailVerified && globToRegExp(rule.pattern).test(person.email);
}

export function roleFromRules(rules: readonly RoleRule[], person: Pick<Principal, 'email' | 'emailVerified' | 'groups'>): Role {
  return rules.find((rule) => ruleMatches(rule, person))?.role ?? 'viewer';
}

/** The role of principal on a project (id and name, either may key the settings), or server-wide when project is null. */
export function roleOf(principal: Principal, settings: ServerSettings, project: { id: string; name: string } | null): Role {
  const own = project ? (settings.projects[project.id] ?? settings.projects[project.name])?.roles : undefined;
  const role = principal.role ?? roleFromRules(own ?? settings.roles, principal);
  return principal.cap === null ? role : lowerOf(role, principal.cap);
}
