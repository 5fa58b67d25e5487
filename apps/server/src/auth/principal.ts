// Who is asking: a person signed in with the OpenID provider, or a token (the server's own
// tokens, a named automation token, or a person's API token acting for that person).
import type { Role } from '@shipgate/contract';

export interface Principal {
  /** Stable: `oidc:<sub>`, `token:deployer`, `token:viewer`, `token:<name>`. A personal token acts as its owner. */
  id: string;
  /** What reports and the audit trail show. */
  name: string;
  email: string | null;
  /** false only when the provider said so; then email rules do not apply. */
  emailVerified: boolean;
  groups: string[];
  via: 'oidc' | 'token';
  /** A token's fixed role; null for people (the role rules decide). */
  role: Role | null;
  /** A personal API token's role: the owner's role, but never above this. */
  cap: Role | null;
  /** What a browser session started by this principal stores (never a secret). */
  credential: string;
}
