import { ShipgateError } from '@shipgate/core';
import { describe, expect, it } from 'vitest';
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

  it('refuses unknown keys with a did-you-mean, bad roles, bad match rules, and keys this version does not enforce', () => {
    expect(failure('auth:\n  oidc:\n    issuer: https://x.example\n    clientID: a\n').format()).toMatch(/server\.yaml:4:5 auth\.oidc\.clientID: unknown key "clientID" \(did you mean "clientId"\?\)/);
    expect(failure('auth:\n  roles:\n    - { match: "email:*@a.example", role: owner }\n').format()).toMatch(/server\.yaml:3:43 auth\.roles\[0\]\.role: unknown role "owner" \(known: viewer, deployer, admin\)/);
    expect(failure('auth:\n  roles:\n    - { match: "*@a.example", role: admin }\n').location).toMatchObject({ line: 3, field: 'auth.roles[0].match' });
    expect(failure('auth:\n  roles:\n    - { match: "group:x" }\n').message).toMatch(/required role/);
    expect(failure('approvals: { required: 2 }\n').format()).toMatch(/server\.yaml:1:1 approvals: "approvals" is not supported by this version of Shipgate yet/);
    expect(failure('projects:\n  shop: { auth: { oidc: {} } }\n').message).toMatch(/auth\.oidc is server-wide/);
  });

  it('refuses a secret written in the file instead of a variable name, and short tokens', () => {
    expect(failure('auth:\n  tokens:\n    - { name: ci, role: deployer, tokenEnv: "s3cr3t-v@lue" }\n').message).toMatch(/name of an environment variable/);
    expect(failure('auth:\n  tokens:\n    - { name: ci, role: deployer, tokenEnv: SHORT }\n', { SHORT: 'abc' }).message).toMatch(/shorter than 16 characters/);
  });

  it('an empty file is no settings at all', () => {
    expect(parseServerSettings('', 'server.yaml', {})).toMatchObject({ oidc: null, tokens: [], roles: [], projects: {} });
  });
});
