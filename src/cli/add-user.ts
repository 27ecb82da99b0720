import type { Role } from '../core/actor.js';
import type { Db } from '../db/client.js';
import { generatePassword } from '../server/passwords.js';
import { usersCrud } from '../server/use-cases/users/users.crud.js';

export interface AddUserInput {
  username: string;
  role: Role;
  password: string | undefined;
  displayName: string;
  jurisdictionId: number | null;
  unitId: number | null;
  personId: number | null;
}

/** `minxin user add`: the same use case as the admin page, acting as the system. */
export async function addUser(db: Db, input: AddUserInput) {
  const generatedPassword = input.password === undefined ? generatePassword() : null;
  const user = await usersCrud.create(
    db,
    { actor: { kind: 'system', name: 'cli' }, ip: null },
    { ...input, password: input.password ?? (generatedPassword as string) },
  );
  return { ...user, generatedPassword };
}
