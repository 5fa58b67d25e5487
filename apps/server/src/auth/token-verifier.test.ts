import { describe, expect, it } from 'vitest';
import { createTokenVerifier, newSecret } from './token-verifier.js';

describe('token verifier', () => {
  it('tells the deployer from the viewer and refuses anything else, whatever its length', () => {
    const verify = createTokenVerifier({ deployer: 'deploy-me', viewer: 'look-only' });
    expect(verify.roleOf('deploy-me')).toBe('deployer');
    expect(verify.roleOf('look-only')).toBe('viewer');
    expect(verify.roleOf('deploy-m')).toBeNull();
    expect(verify.roleOf('')).toBeNull();
    expect(verify.roleOf('x'.repeat(10_000))).toBeNull();
  });

  it('without a viewer token nobody is a viewer', () => {
    expect(createTokenVerifier({ deployer: 'd' }).roleOf('')).toBeNull();
  });

  it('generates long random secrets', () => {
    const a = newSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newSecret()).not.toBe(a);
  });
});
