// Tokens are compared in constant time: both sides are hashed to the same length first.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

export interface TokenVerifier {
  roleOf(token: string): 'deployer' | 'viewer' | null;
}

export function createTokenVerifier(tokens: { deployer: string; viewer?: string | undefined }): TokenVerifier {
  const deployer = sha256(tokens.deployer);
  const viewer = tokens.viewer ? sha256(tokens.viewer) : null;
  return {
    roleOf(token) {
      const given = sha256(token);
      // compare against both, always, so timing does not tell which one matched
      const isDeployer = timingSafeEqual(given, deployer);
      const isViewer = viewer !== null && timingSafeEqual(given, viewer);
      return isDeployer ? 'deployer' : isViewer ? 'viewer' : null;
    },
  };
}

export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}
