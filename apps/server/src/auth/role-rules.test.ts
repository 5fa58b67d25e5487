import { describe, expect, it } from 'vitest';
import { parseServerSettings } from '../settings/parse-server-settings.js';
import type { Principal } from './principal.js';
import { roleOf } from './role-rules.js';

const settings = parseServerSettings(
  `auth:
  roles:
    - { match: "group:release-managers", role: admin }
    - { match: "email:*@acme.example", role: deployer }
    - { match: "email:contractor.*@partner.example", role: deployer }
projects:
  payments: { auth: { roles: [{ match: "group:payments", role: deployer }] } }
`,
  'server.yaml',
  {},
);

const person = (email: string | null, groups: string[] = [], extra: Partial<Principal> = {}): Principal => ({
  id: 'oidc:x', name: 'x', email, emailVerified: true, groups, via: 'oidc', role: null, cap: null, credential: 'user:oidc:x', ...extra,
});

describe('roles from rules', () => {
  it('first match wins, no match is a viewer, and email patterns are whole-address globs, case-insensitive', () => {
    expect(roleOf(person('ann@acme.example', ['release-managers']), settings, null)).toBe('admin');
    expect(roleOf(person('Ann@ACME.example'), settings, null)).toBe('deployer');
    expect(roleOf(person('contractor.joe@partner.example'), settings, null)).toBe('deployer');
    expect(roleOf(person('joe@partner.example'), settings, null)).toBe('viewer');
    expect(roleOf(person('ann@acme.example.evil.test'), settings, null)).toBe('viewer');
    expect(roleOf(person('ann@acmeXexample'), settings, null)).toBe('viewer');
    expect(roleOf(person(null), settings, null)).toBe('viewer');
  });

  it('an email the provider calls unverified matches no email rule', () => {
    expect(roleOf(person('ann@acme.example', [], { emailVerified: false }), settings, null)).toBe('viewer');
  });

  it('a project with its own rules uses only those (by id or by name)', () => {
    expect(roleOf(person('ann@acme.example', ['release-managers']), settings, { id: 'payments', name: 'Payments' })).toBe('viewer');
    expect(roleOf(person('ann@acme.example', ['payments']), settings, { id: 'p_1', name: 'payments' })).toBe('deployer');
    expect(roleOf(person('ann@acme.example', ['release-managers']), settings, { id: 'web', name: 'web' })).toBe('admin');
  });

  it('a token keeps its role; a personal token never goes above its cap nor its owner', () => {
    expect(roleOf(person(null, [], { role: 'deployer' }), settings, { id: 'payments', name: 'payments' })).toBe('deployer');
    expect(roleOf(person('ann@acme.example', ['release-managers'], { cap: 'viewer' }), settings, null)).toBe('viewer');
    expect(roleOf(person('bo@elsewhere.example', [], { cap: 'admin' }), settings, null)).toBe('viewer');
  });
});
