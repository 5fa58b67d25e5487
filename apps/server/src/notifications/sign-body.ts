// X-Shipgate-Signature-256: `sha256=` + the hex HMAC-SHA256 of the raw body with the secret
// (the scheme GitHub's webhooks use), and its constant-time check for receivers and tests.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function isSignedBy(body: string, signature: string | undefined, secret: string): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
