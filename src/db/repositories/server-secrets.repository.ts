import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { serverSecrets } from '../schema-publish.js';

/**
 * Server-wide secrets (HMAC keys), shared by every process on the database.
 * The first process to need one creates it; a racing process's insert does
 * nothing and both read the same row. Kept in memory per database afterwards:
 * a secret never changes once written.
 */

const cache = new WeakMap<Db, Map<string, Promise<string>>>();

async function loadOrCreate(db: Db, name: string): Promise<string> {
  await db
    .insert(serverSecrets)
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing({ target: serverSecrets.name });
  const [row] = await db
    .select({ value: serverSecrets.value })
    .from(serverSecrets)
    .where(eq(serverSecrets.name, name))
    .limit(1);
  if (!row) throw new Error(`server secret ${name} could not be created`);
  return row.value;
}

/** The secret called `name`, created on first use. Pass the database, not a transaction: it is cached by it. */
export function serverSecret(db: Db, name: string): Promise<string> {
  let byName = cache.get(db);
  if (!byName) {
    byName = new Map();
    cache.set(db, byName);
  }
  let secret = byName.get(name);
  if (!secret) {
    secret = loadOrCreate(db, name);
    // A failed first read (database down) is not remembered: the next call tries again.
    secret.catch(() => byName?.delete(name));
    byName.set(name, secret);
  }
  return secret;
}
