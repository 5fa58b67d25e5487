// The settings file's text → ServerSettings. Every mistake is a CONFIG_INVALID error naming
// file:line:column and the dotted field (the same readers as `.shipgate.yaml`); a secret's
// variable that is unset fails here too, by its name — never with its value.
import { booleanOr, enumOr, isHttpUrl, numberOr, optionalString, parseYamlSource, requiredString, stringListOr, stringOr, YamlField, YamlMap } from '@shipgate/core';
import type { Role } from '@shipgate/contract';
import { isMap, isSeq, type Node } from 'yaml';
import { isKnownTimeZone, WEEKDAYS, type Freeze, type Weekday } from '../guardrails/freeze-window.js';
import { NO_GUARDRAILS, type Guardrails, type NamedToken, type NotificationTarget, type OidcSettings, type ProjectSettings, type RoleRule, type ServerSettings } from './server-settings.js';

export const ROLES: readonly Role[] = ['viewer', 'deployer', 'admin'];
/** The guardrail keys (CONTRACT §7), server-wide and per project. */
const GUARDRAIL_KEYS = ['approvals', 'lockAfterRollback', 'freezes', 'notifications'] as const;
const ROOT_KEYS = ['auth', 'projects', ...GUARDRAIL_KEYS] as const;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Env = Record<string, string | undefined>;

export function parseServerSettings(text: string, file: string, env: Env): ServerSettings {
  const root = YamlField.root(parseYamlSource(text, file));
  if (!root.isAbsent && (!root.node || !isMap(root.node))) root.expected('a map of settings at the top level (auth:, projects:)');
  const m = YamlMap.open(root).allowOnly([...ROOT_KEYS]);
  const auth = YamlMap.open(m.get('auth')).allowOnly(['oidc', 'tokens', 'roles']);
  const secretEnvs: string[] = [];
  const readEnv: Env = new Proxy(env, { get: (target, name: string) => (secretEnvs.push(name), target[name]) });
  return {
    file,
    oidc: auth.has('oidc') ? parseOidc(auth.get('oidc'), readEnv) : null,
    tokens: parseTokens(auth.get('tokens'), readEnv),
    roles: parseRoles(auth.get('roles')),
    projects: parseProjects(m.get('projects'), readEnv),
    guardrails: { ...NO_GUARDRAILS, ...parseGuardrails(m, readEnv) },
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

function parseProjects(f: YamlField, env: Env): Record<string, ProjectSettings> {
  const projects: Record<string, ProjectSettings> = {};
  const m = YamlMap.open(f);
  for (const name of m.keys()) {
    const project = YamlMap.open(m.get(name)).allowOnly(['auth', ...GUARDRAIL_KEYS]);
    const auth = YamlMap.open(project.get('auth')).allowOnly(['roles'], (key) =>
      key === 'oidc' || key === 'tokens' ? { message: `auth.${key} is server-wide`, hint: `move it to the top-level auth: section` } : undefined,
    );
    const settings: ProjectSettings = {};
    if (auth.has('roles')) settings.roles = parseRoles(auth.get('roles'));
    const guardrails = parseGuardrails(project, env);
    if (Object.keys(guardrails).length > 0) settings.guardrails = guardrails;
    projects[name] = settings;
  }
  return projects;
}

/** The guardrail keys present in `m` (absent keys stay absent: a project inherits them). */
function parseGuardrails(m: YamlMap, env: Env): Partial<Guardrails> {
  const g: Partial<Guardrails> = {};
  if (m.has('approvals')) {
    const approvals = YamlMap.open(m.get('approvals')).allowOnly(['required']);
    g.approvals = { required: numberOr(approvals.get('required'), 0, { integer: true, min: 0, max: 10 }) };
  }
  if (m.has('lockAfterRollback')) g.lockAfterRollback = booleanOr(m.get('lockAfterRollback'), false);
  if (m.has('freezes')) g.freezes = parseFreezes(m.get('freezes'));
  if (m.has('notifications')) g.notifications = parseNotifications(m.get('notifications'), env);
  return g;
}

function parseFreezes(f: YamlField): Freeze[] {
  const names = new Set<string>();
  return listOf(f, 'a list of freezes, each { name, from, to } or { name, days, timezone }', (item) => {
    const m = YamlMap.open(item).allowOnly(['name', 'from', 'to', 'days', 'timezone']);
    const name = requiredString(m.get('name'), 'name: how promotes refused during this freeze name it (e.g. year-end)');
    if (names.has(name)) m.get('name').fail(`a second freeze named "${name}"`, 'give each freeze its own name');
    names.add(name);
    const fixed = m.has('from') || m.has('to');
    if (fixed && (m.has('days') || m.has('timezone'))) {
      item.fail('a freeze is either a window (from, to) or recurring (days, timezone), not both', 'split it into two freezes');
    }
    if (fixed) {
      const from = instant(m.get('from'), 'from');
      const to = instant(m.get('to'), 'to');
      if (Date.parse(to) <= Date.parse(from)) m.get('to').fail(`"to" (${to}) is not after "from" (${from})`, 'a freeze ends after it starts');
      return { name, from, to };
    }
    if (!m.has('days')) item.fail('a freeze needs either from and to (a window) or days and timezone (recurring)', 'e.g. { name: weekends, days: [sat, sun], timezone: Europe/Berlin }');
    const daysField = m.get('days');
    const days = stringListOr(daysField, [], { nonEmpty: true }).map((day, index) => {
      const d = day.toLowerCase().slice(0, 3) as Weekday;
      if (!WEEKDAYS.includes(d) || !/^[a-z]+$/i.test(day)) {
        const node = isSeq(daysField.node) ? (daysField.node.items[index] as Node) : null;
        daysField.item(index, node).fail(`"${day}" is not a day of the week`, `use ${WEEKDAYS.join(', ')}`);
      }
      return d;
    });
    const tzField = m.get('timezone');
    const timezone = requiredString(tzField, 'timezone: the IANA time zone the days are counted in (e.g. Europe/Berlin, UTC)');
    if (!isKnownTimeZone(timezone)) tzField.expected('an IANA time zone name such as Europe/Berlin, America/New_York or UTC');
    return { name, days: [...new Set(days)], timezone };
  });
}

/** An ISO 8601 instant with a date, a time and a zone (Z or ±hh:mm). */
function instant(f: YamlField, key: string): string {
  const text = requiredString(f, `${key}: an instant such as 2026-12-20T00:00:00Z`);
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text));
  if (!ok) return f.expected('an instant with a date, a time and a zone, e.g. 2026-12-20T00:00:00Z or 2026-12-20T00:00:00+01:00');
  return new Date(Date.parse(text)).toISOString();
}

function parseNotifications(f: YamlField, env: Env): NotificationTarget[] {
  const names = new Set<string>();
  return listOf(f, 'a list of targets, each { kind: webhook, url, secretEnv } or { kind: slack, urlEnv }', (item) => {
    const m = YamlMap.open(item);
    const kind = enumOr(m.get('kind'), ['webhook', 'slack'] as const, 'webhook', 'kind');
    if (!m.has('kind')) m.get('kind').fail('required kind: webhook or slack');
    let target: NotificationTarget;
    if (kind === 'webhook') {
      m.allowOnly(['kind', 'name', 'url', 'secretEnv']);
      const url = requiredUrl(m.get('url'), 'url: where the webhook POSTs go');
      const secretField = m.get('secretEnv');
      const secret = secretFrom(secretField, requiredString(secretField, 'secretEnv: the environment variable holding the secret that signs every delivery'), env);
      target = { kind, name: stringOr(m.get('name'), `webhook ${new URL(url).host}`), url, secret };
    } else {
      m.allowOnly(['kind', 'name', 'urlEnv'], (key) =>
        key === 'url' ? { message: 'a Slack webhook URL is a secret', hint: 'put it in an environment variable and name it with urlEnv:' } : undefined,
      );
      const urlField = m.get('urlEnv');
      const url = secretFrom(urlField, requiredString(urlField, 'urlEnv: the environment variable holding the Slack incoming-webhook URL'), env);
      if (!isHttpUrl(url)) urlField.fail(`the environment variable ${optionalString(urlField)} does not hold an http(s) URL`, 'set it to the incoming-webhook URL Slack gave you');
      target = { kind, name: stringOr(m.get('name'), 'slack'), url };
    }
    if (names.has(target.name)) m.get('name').fail(`a second notification target named "${target.name}"`, 'give each target its own name: (shown in the delivery log)');
    names.add(target.name);
    return target;
  });
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
