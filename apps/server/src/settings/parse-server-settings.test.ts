import { ShipgateError } from '@shipgate/core';
import { describe, expect, it } from 'vitest';
import { guardrailsFor } from './guardrails-for.js';
import { parseServerSettings } from './parse-server-settings.js';

const ENV = { OIDC_SECRET: 'client-secret', CI_TOKEN: 'ci-token-0123456789abcdef' };

function failure(text: string, env: Record<string, string | undefined> = ENV): ShipgateError {
  try {
    parseServerSettings(text, 'server.yaml', env);
  } catch (error) {
    if (error instanceof ShipgateError) return error;
    throw error;
  }
  throw new Error('expected the settings to be refused');
}

const OIDC = `auth:
  oidc:
    issuer: https://login.acme.example/
    clientId: shipgate
    clientSecretEnv: OIDC_SECRET
    publicUrl: https://shipgate.acme.example/app
`;

describe('server settings file', () => {
  it('reads the contract example: oidc, named tokens, roles (first match wins) and per-project roles, with secrets from the environment', () => {
    const settings = parseServerSettings(
      `${OIDC}  tokens:
    - { name: ci-bot, role: deployer, tokenEnv: CI_TOKEN }
  roles:
    - { match: "group:release-managers", role: admin }
    - { match: "email:*@acme.example", role: deployer }
projects:
  demo-shop: { auth: { roles: [{ match: "group:shop", role: deployer }] } }
`,
      'server.yaml',
      ENV,
    );
    expect(settings.oidc).toEqual({
      issuer: 'https://login.acme.example',
      clientId: 'shipgate',
      clientSecret: 'client-secret',
      publicUrl: 'https://shipgate.acme.example',
      name: 'login.acme.example',
      scopes: ['openid', 'email', 'profile'],
      groupsClaim: 'groups',
    });
    expect(settings.tokens).toEqual([{ name: 'ci-bot', role: 'deployer', token: ENV.CI_TOKEN }]);
    expect(settings.roles.map((r) => [r.kind, r.pattern, r.role])).toEqual([
      ['group', 'release-managers', 'admin'],
      ['email', '*@acme.example', 'deployer'],
    ]);
    expect(settings.projects['demo-shop']?.roles?.[0]).toMatchObject({ kind: 'group', pattern: 'shop', role: 'deployer' });
    expect(settings.secretEnvs.sort()).toEqual(['CI_TOKEN', 'OIDC_SECRET']);
  });

  it('fails the start naming the variable of a missing secret, at its line and column, without any value', () => {
    const error = failure(OIDC, { CI_TOKEN: 'x' });
    expect(error.format()).toMatch(/^server\.yaml:5:22 auth\.oidc\.clientSecretEnv: the environment variable OIDC_SECRET is not set/);
  });

  it('refuses unknown keys with a did-you-mean, bad roles and bad match rules', () => {
    expect(failure('auth:\n  oidc:\n    issuer: https://x.example\n    clientID: a\n').format()).toMatch(/server\.yaml:4:5 auth\.oidc\.clientID: unknown key "clientID" \(did you mean "clientId"\?\)/);
    expect(failure('auth:\n  roles:\n    - { match: "email:*@a.example", role: owner }\n').format()).toMatch(/server\.yaml:3:43 auth\.roles\[0\]\.role: unknown role "owner" \(known: viewer, deployer, admin\)/);
    expect(failure('auth:\n  roles:\n    - { match: "*@a.example", role: admin }\n').location).toMatchObject({ line: 3, field: 'auth.roles[0].match' });
    expect(failure('auth:\n  roles:\n    - { match: "group:x" }\n').message).toMatch(/required role/);
    expect(failure('projects:\n  shop: { auth: { oidc: {} } }\n').message).toMatch(/auth\.oidc is server-wide/);
  });

  it('refuses a secret written in the file instead of a variable name, and short tokens', () => {
    expect(failure('auth:\n  tokens:\n    - { name: ci, role: deployer, tokenEnv: "s3cr3t-v@lue" }\n').message).toMatch(/name of an environment variable/);
    expect(failure('auth:\n  tokens:\n    - { name: ci, role: deployer, tokenEnv: SHORT }\n', { SHORT: 'abc' }).message).toMatch(/shorter than 16 characters/);
  });

  it('an empty file is no settings at all', () => {
    expect(parseServerSettings('', 'server.yaml', {})).toMatchObject({ oidc: null, tokens: [], roles: [], projects: {} });
  });

  describe('guardrails (approvals, lockAfterRollback, freezes, notifications)', () => {
    const GUARDED = `approvals: { required: 2 }
lockAfterRollback: true
freezes:
  - { name: year-end, from: 2026-12-20T00:00:00Z, to: 2027-01-04T00:00:00+01:00 }
  - { name: weekends, days: [sat, Sun], timezone: Europe/Berlin }
notifications:
  - { kind: webhook, url: https://hooks.acme.example/shipgate, secretEnv: HOOK_SECRET }
  - { kind: slack, urlEnv: SLACK_URL }
projects:
  demo-shop: { approvals: { required: 0 }, freezes: [] }
  billing: { auth: { roles: [{ match: "group:billing", role: deployer }] } }
`;
    const env = { HOOK_SECRET: 'hook-secret', SLACK_URL: 'https://hooks.slack.example/services/T0/B0/xyz' };

    it('reads the contract example, server-wide and per project (a project key replaces the server-wide one)', () => {
      const settings = parseServerSettings(GUARDED, 'server.yaml', env);
      expect(settings.guardrails).toEqual({
        approvals: { required: 2 },
        lockAfterRollback: true,
        freezes: [
          { name: 'year-end', from: '2026-12-20T00:00:00.000Z', to: '2027-01-03T23:00:00.000Z' },
          { name: 'weekends', days: ['sat', 'sun'], timezone: 'Europe/Berlin' },
        ],
        notifications: [
          { kind: 'webhook', name: 'webhook hooks.acme.example', url: 'https://hooks.acme.example/shipgate', secret: 'hook-secret' },
          { kind: 'slack', name: 'slack', url: env.SLACK_URL },
        ],
      });
      expect(settings.secretEnvs.sort()).toEqual(['HOOK_SECRET', 'SLACK_URL']);
      const shop = guardrailsFor(settings, { id: 'p1', name: 'demo-shop' });
      expect(shop.approvals).toEqual({ required: 0 });
      expect(shop.freezes).toEqual([]);
      expect(shop.lockAfterRollback).toBe(true);
      expect(shop.notifications).toHaveLength(2);
      expect(guardrailsFor(settings, { id: 'billing', name: 'Billing' })).toEqual(settings.guardrails);
    });

    it('defaults to no guardrails at all', () => {
      const settings = parseServerSettings('auth: {}\n', 'server.yaml', {});
      expect(guardrailsFor(settings, { id: 'x', name: 'x' })).toEqual({ approvals: { required: 0 }, lockAfterRollback: false, freezes: [], notifications: [] });
    });

    it('refuses bad guardrail values at their line, column and field, with what to do', () => {
      const fail = (text: string) => failure(text, env);
      expect(fail('approvals: { required: -1 }\n').format()).toMatch(/^server\.yaml:1:24 approvals\.required: expected a whole number at least 0 and at most 10/);
      expect(fail('approvals: { required: "2" }\n').location).toMatchObject({ field: 'approvals.required' });
      expect(fail('approvals: { requried: 2 }\n').message).toMatch(/did you mean "required"/);
      expect(fail('lockAfterRollback: yes\n').format()).toMatch(/lockAfterRollback: expected true or false/);
      expect(fail('freezes:\n  - { name: x, from: 2026-12-20, to: 2027-01-04T00:00:00Z }\n').format()).toMatch(/^server\.yaml:2:22 freezes\[0\]\.from: expected an instant with a date, a time and a zone/);
      expect(fail('freezes:\n  - { name: x, from: 2027-01-04T00:00:00Z, to: 2026-12-20T00:00:00Z }\n').message).toMatch(/"to" \(2026-12-20T00:00:00.000Z\) is not after "from"/);
      expect(fail('freezes:\n  - { name: x, days: [sat, funday], timezone: UTC }\n').format()).toMatch(/^server\.yaml:2:28 freezes\[0\]\.days\[1\]: "funday" is not a day of the week/);
      expect(fail('freezes:\n  - { name: x, days: [sat], timezone: Mars/Olympus }\n').format()).toMatch(/freezes\[0\]\.timezone: expected an IANA time zone name/);
      expect(fail('freezes:\n  - { name: x, days: [sat] }\n').message).toMatch(/required timezone/);
      expect(fail('freezes:\n  - { name: x }\n').message).toMatch(/either from and to .* or days and timezone/);
      expect(fail('freezes:\n  - { name: x, from: 2026-12-20T00:00:00Z, to: 2027-01-04T00:00:00Z, days: [sat] }\n').message).toMatch(/not both/);
      expect(fail('freezes:\n  - { name: x, days: [sat], timezone: UTC }\n  - { name: x, days: [sun], timezone: UTC }\n').message).toMatch(/a second freeze named "x"/);
      expect(fail('notifications:\n  - { kind: email, url: https://x.example }\n').format()).toMatch(/notifications\[0\]\.kind: unknown kind "email"/);
      expect(fail('notifications:\n  - { kind: webhook, url: https://x.example }\n').message).toMatch(/required secretEnv/);
      expect(fail('notifications:\n  - { kind: webhook, url: https://x.example, secretEnv: NOPE }\n').format()).toMatch(/^server\.yaml:2:57 notifications\[0\]\.secretEnv: the environment variable NOPE is not set/);
      expect(fail('notifications:\n  - { kind: webhook, url: ftp://x.example, secretEnv: HOOK_SECRET }\n').message).toMatch(/expected an http\(s\) URL/);
      const slackUrl = fail('notifications:\n  - { kind: slack, url: https://hooks.slack.example/services/T0/B0/xyz }\n');
      expect(slackUrl.message).toMatch(/a Slack webhook URL is a secret/);
      expect(slackUrl.format()).not.toContain('xyz');
      expect(failure('notifications:\n  - { kind: slack, urlEnv: SLACK_URL }\n', { SLACK_URL: 'not a url' }).message).toMatch(/SLACK_URL does not hold an http\(s\) URL/);
      expect(fail('projects:\n  shop: { freezes: [{ name: x, days: [sat], timezone: Nowhere/City }] }\n').location).toMatchObject({ line: 2, field: 'projects.shop.freezes[0].timezone' });
      expect(fail('projects:\n  shop: { approval: { required: 1 } }\n').message).toMatch(/did you mean "approvals"/);
    });
  });
});
