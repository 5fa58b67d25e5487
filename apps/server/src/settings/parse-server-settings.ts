// The settings file's text → ServerSettings. Every mistake is a CONFIG_INVALID error naming
// file:line:column and the dotted field (the same readers as `.shipgate.yaml`); a secret's
// variable that is unset fails here too, by its name — never with its value.
import { enumOr, isHttpUrl, optionalString, parseYamlSource, requiredString, stringListOr, stringOr, YamlField, YamlMap } from '@shipgate/core';
import type { Role } from '@shipgate/contract';
import { isMap, isSeq, type Node } from 'yaml';
import type { NamedToken, OidcSettings, ProjectSettings, RoleRule, ServerSettings } from './server-settings.js';

export const ROLES: readonly Role[] = ['viewer', 'deployer', 'admin'];
const ROOT_KEYS = ['auth', 'projects'] as const;
/** CONTRACT §7 keys this server does not carry out yet: refused, never silently ignored. */
const NOT_YET = ['approvals', 'lockAfterRollback', 'freezes', 'notifications'];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Env = Record<string, string | undefined>;

export function parseServerSettings(text: string, file: string, env: Env): ServerSettings {
  const root = YamlField.root(parseYamlSource(text, file));
  if (!root.isAbsent && (!root.node || !isMap(root.node))) root.expected('a map of settings at the top level (auth:, projects:)');
  const m = YamlMap.open(root).allowOnly([...ROOT_KEYS, ...NOT_YET]);
  refuseNotYet(m, file);
  const auth = YamlMap.open(m.get('auth')).allowOnly(['oidc', 'tokens', 'roles']);
  const secretEnvs: string[] = [];
  const readEnv: Env = new Proxy(env, { get: (target, name: string) => (secretEnvs.push(name), target[name]) });
  return {
    file,
    oidc: auth.has('oidc') ? parseOidc(auth.get('oidc'), readEnv) : null,
    tokens: parseTokens(auth.get('tokens'), readEnv),
    roles: parseRoles(auth.get('roles')),
    projects: parseProjects(m.get('projects')),
    secretEnvs,
  };
}

function parseOidc(f: YamlField, env: Env): OidcSettings {
  const m = YamlMap.open(f).allowOnly(['issuer', 'clientId', 'clientSecretEnv', 'publicUrl', 'name', 'scopes', 'groupsClaim']);
  const issuer = requiredUrl(m.get('issuer'), 'issuer: the provider\'s issuer URL (discovery is read at <issuer>/.well-known/openid-configuration)');
  const publicUrl = requiredUrl(m.get('publicUrl'), 'publicUrl: the URL people open Shipgate at (the redirect URI is <publicUrl>/api/auth/callback)');
  const secretField = m.get('clientSecretEnv');
  const secretEnv = optionalString(secretField);
  const scopes = stringListOr(m.get('scopes'), ['openid', 'email', 'profile'], { nonEmpty: true });
  if (!scopes.includes('openid')) m.get('scopes').fail('scopes must include "openid"', 'add openid to the list (OpenID Connect sign-in needs it)');
  return {
    issuer: issuer.replace(/\/+$/, ''),
    clientId: requiredString(m.get('clientId'), 'clientId: the client id registered at the provider'),
    clientSecret: secretEnv === undefined ? null : secretFrom(secretField, secretEnv, env),
    publicUrl: new URL(publicUrl).origin,
    name: stringOr(m.get('name'), new URL(issuer).hostname),
    scopes,
    groupsClaim: stringOr(m.get('groupsClaim'), 'groups'),
  };
}

function parseTokens(f: YamlField, env: Env): NamedToken[] {
  return listOf(f, 'a list of tokens, each { name, role, tokenEnv }', (item) => {
    const m = YamlMap.open(item).allowOnly(['name', 'role', 'tokenEnv']);
    const name = requiredString(m.get('name'), 'name: how this token appears as the actor (e.g. ci-bot)');
    if (!/^[a-z0-9][a-z0-9._-]{0,63}$/i.test(name)) m.get('name').expected('a name of letters, digits, ".", "_" or "-" (at most 64)');
    const envField = m.get('tokenEnv');
    const token = secretFrom(envField, requiredString(envField, 'tokenEnv: the environment variable that holds this token'), env);
    if (token.length < 16) envField.fail(`the token in ${optionalString(envField)} is shorter than 16 characters`, 'use a long random value, e.g. `openssl rand -base64 32`');
    return { name, role: enumOr(m.get('role'), ROLES, 'viewer', 'role'), token };
  });
}

function parseRoles(f: YamlField): RoleRule[] {
  return listOf(f, 'a list of rules, each { match, role }', (item) => {
    const m = YamlMap.open(item).allowOnly(['match', 'role']);
    const matchField = m.get('match');
    const match = requiredString(matchField, 'match: "email:<pattern>" or "group:<name>"');
    const parsed = /^(email|group):(.+)$/.exec(match);
    if (!parsed) return matchField.expected('"email:<pattern>" (e.g. email:*@acme.example) or "group:<name>"');
    if (!m.has('role')) m.get('role').fail('required role: viewer, deployer or admin');
    return { match, kind: parsed[1] as 'email' | 'group', pattern: parsed[2]!, role: enumOr(m.get('role'), ROLES, 'viewer', 'role') };
  });
}

function parseProjects(f: YamlField): Record<string, ProjectSettings> {
  const projects: Record<string, ProjectSettings> = {};
  const m = YamlMap.open(f);
  for (const name of m.keys()) {
    const project = YamlMap.open(m.get(name)).allowOnly(['auth', ...NOT_YET]);
    refuseNotYet(project, 'the settings file');
    const auth = YamlMap.open(project.get('auth')).allowOnly(['roles'], (key) =>
      key === 'oidc' || key === 'tokens' ? { message: `auth.${key} is server-wide`, hint: `move it to the top-level auth: section` } : undefined,
    );
    projects[name] = auth.has('roles') ? { roles: parseRoles(auth.get('roles')) } : {};
  }
  return projects;
}

function requiredUrl(f: YamlField, why: string): string {
  const value = requiredString(f, why);
  if (!isHttpUrl(value)) f.expected('an http(s) URL', 'write the full URL with its scheme, e.g. https://login.example.com');
  return value;
}

function secretFrom(f: YamlField, name: string, env: Env): string {
  if (!ENV_NAME.test(name)) f.expected('the name of an environment variable (letters, digits, _), not the secret itself');
  const value = env[name];
  if (!value) f.fail(`the environment variable ${name} is not set`, `set ${name} in the server's environment (secrets are never written in the settings file)`);
  return value;
}

function listOf<T>(f: YamlField, what: string, read: (item: YamlField) => T): T[] {
  if (f.isAbsent) return [];
  if (!f.node || !isSeq(f.node)) return f.expected(what);
  return f.node.items.map((node, index) => read(f.item(index, node as Node)));
}

function refuseNotYet(m: YamlMap, file: string): void {
  for (const key of NOT_YET) {
    const f = m.get(key);
    if (m.has(key)) f.fail(`"${key}" is not supported by this version of Shipgate yet`, `remove ${key} from ${file}; this server would not enforce it`, f.anchor);
  }
}
