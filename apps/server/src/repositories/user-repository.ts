// The only code that reads and writes the users table.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { users, type UserRow } from '../db/schema.js';

export interface SignedInPerson {
  id: string;
  name: string;
  email: string | null;
  emailVerified: boolean;
  groups: string[];
}

export function createUserRepository(db: Db) {
  return {
    /** Records what the provider said at this sign-in (name, email and groups may change). */
    async upsert(person: SignedInPerson, now: Date): Promise<void> {
      const at = now.toISOString();
      const values = { name: person.name, email: person.email, emailVerified: person.emailVerified, groups: person.groups, lastSignInAt: at };
      await db
        .insert(users)
        .values({ id: person.id, ...values, createdAt: at })
        .onConflictDoUpdate({ target: users.id, set: values });
    },
    async get(id: string): Promise<UserRow | undefined> {
      return (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
